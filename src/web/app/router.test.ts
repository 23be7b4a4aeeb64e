import { describe, expect, it } from 'vitest';
import { matchRoute, reportPath } from './router';
import { parseReportSearch } from '@/features/report/report-search';

describe('routes and URL state', () => {
  it.each([
    ['/', { name: 'campaigns' }],
    ['/campaigns/abc123', { name: 'report', campaignId: 'abc123' }],
    ['/campaigns/abc123/', { name: 'report', campaignId: 'abc123' }],
    ['/campaigns/a%20b', { name: 'report', campaignId: 'a b' }],
    ['/campaigns', { name: 'not-found' }],
    ['/elsewhere', { name: 'not-found' }],
  ])('%s is %o', (path, route) => expect(matchRoute(path)).toEqual(route));

  it('builds report links that route back to the same campaign', () => {
    expect(matchRoute(reportPath('id/with?odd#chars'))).toEqual({ name: 'report', campaignId: 'id/with?odd#chars' });
  });

  it('reads a shared link’s filters, and ignores values it does not know instead of failing', () => {
    expect(parseReportSearch(new URLSearchParams('q=%2098450%20&status=busy&sort=attempts:desc'))).toEqual({ q: '98450', status: 'busy', sort: 'attempts:desc' });
    expect(parseReportSearch(new URLSearchParams('status=nonsense&sort=price:asc'))).toEqual({ q: '', status: undefined, sort: 'lastCallAt:desc' });
  });
});
