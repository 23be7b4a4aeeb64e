import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report';
import { buildTagRows, numberMatchKey, revenueFromMetadata } from './contact-metadata';
import { call, reportInput, T0 } from '../testing/report-fixtures';

describe('contact metadata in the report', () => {
  it.each([
    { number: '+919876543210', key: '9876543210' },
    { number: '09876543210', key: '9876543210' },
    { number: '98765 43210', key: '9876543210' },
  ])('matches $number as $key', ({ number, key }) => {
    expect(numberMatchKey(number)).toBe(key);
  });

  it('gives per-tag contacts, connects, rates and attempts', () => {
    const calls = [
      call('+919800000001', 'busy', T0),
      call('+919800000001', 'completed', T0 + 60_000),
      call('+919800000002', 'no-answer', T0 + 1000),
      call('+919800000003', 'failed', T0 + 2000),
    ];
    const sheet = [
      { number: '09800000001', tags: ['gold', 'mumbai'], revenue: 500 },
      { number: '9800000002', tags: ['gold'], revenue: null },
      { number: '+91 98000 00003', tags: ['mumbai'], revenue: 250 },
      { number: '9800000004', tags: ['gold'], revenue: null }, // not dialled yet
    ];
    expect(buildTagRows(sheet, calls)).toEqual([
      { tag: 'gold', contacts: 3, connected: 1, connectRate: 1 / 3, answerRate: 0.5, avgAttempts: 1.5 },
      { tag: 'mumbai', contacts: 2, connected: 1, connectRate: 0.5, answerRate: 1, avgAttempts: 1.5 },
    ]);
    expect(revenueFromMetadata(sheet)).toEqual({ rupees: 750, source: 'metadata' });
    expect(revenueFromMetadata([{ number: '1', tags: [], revenue: null }])).toBeNull();

    const report = buildReport({ ...reportInput(calls), contactMetadata: sheet, pricing: { rupeesPerPulse: 1, pulseSec: 60 } });
    expect(report.tags.map((row) => row.tag)).toEqual(['gold', 'mumbai']);
    expect(report.business.revenue).toBe(750);
    expect(report.business.revenueSource).toBe('metadata');
    // A manager's figure wins over the sheet's column.
    expect(buildReport({ ...reportInput(calls), contactMetadata: sheet, revenue: { rupees: 900, source: 'manager' } }).business.revenue).toBe(900);
  });

  it('is empty without a sheet', () => {
    expect(buildReport(reportInput([call('a', 'completed', T0)])).tags).toEqual([]);
  });
});
