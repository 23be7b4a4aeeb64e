import { describe, expect, it } from 'vitest';
import { parseContactsSearch } from './contacts-search';

describe('contact list URL state', () => {
  it('reads a shared link’s filters, and ignores values it does not know instead of failing', () => {
    expect(parseContactsSearch(new URLSearchParams('q=%2098450%20&status=busy&sort=attempts:desc'))).toEqual({ q: '98450', status: 'busy', sort: 'attempts:desc' });
    expect(parseContactsSearch(new URLSearchParams('status=nonsense&sort=price:asc'))).toEqual({ q: '', status: undefined, sort: 'lastCallAt:desc' });
  });
});
