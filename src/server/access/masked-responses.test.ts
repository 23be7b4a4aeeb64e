import { describe, expect, it } from 'vitest';
import { maskContactRow, maskReportJson, scrubText } from './masked-responses';

describe('scrubText', () => {
  it.each([
    { text: 'Call +919876545266 failed', scrubbed: 'Call +91******5266 failed' },
    { text: 'from 98765 45266 again', scrubbed: 'from ******5266 again' },
    { text: 'Exotel counts 1,240 completed; 20000 created', scrubbed: 'Exotel counts 1,240 completed; 20000 created' },
    { text: '2025-03-01T12:00:00+05:30', scrubbed: '2025-03-01T12:00:00+05:30' },
  ])('$text -> $scrubbed', ({ text, scrubbed }) => {
    expect(scrubText(text)).toBe(scrubbed);
  });
});

describe('maskReportJson and maskContactRow', () => {
  it('masks the caller id once and keeps campaign ids', () => {
    const report = { campaign: { id: '12345678', callerId: '08030001234' }, sync: { notes: ['number 919845012345 placed'] } };
    expect(maskReportJson(report)).toEqual({ campaign: { id: '12345678', callerId: '0******1234' }, sync: { notes: ['number +91******2345 placed'] } });
  });

  it('masks the number and name and leaves out what the uploaded sheet said (email, tags, metadata)', () => {
    const row = { number: '+919876545266', name: 'Asha Rao', finalStatus: 'completed' as const, attempts: 1, lastDurationSec: 30, firstCallAt: 'a', lastCallAt: 'b' };
    const withExtras = { ...row, email: 'asha@example.com', tags: ['vip'], metadata: { city: 'Pune' } };
    expect(maskContactRow(withExtras)).toEqual({ ...row, number: '+91******5266', name: 'A. R.', email: null, tags: [], metadata: {} });
  });
});
