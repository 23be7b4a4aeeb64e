import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report';
import { call, campaign, reportInput, T0 } from '../testing/report-fixtures';
import { plausibleCallWindow, trustedCalls } from './trusted-calls';

const window = plausibleCallWindow(campaign(), T0 + 86_400_000);

describe('a report with stored values no call can have', () => {
  const good = [call('+919800000001', 'completed', T0, { durationSec: 60, price: 2 }), call('+919800000002', 'completed', T0 + 60_000, { durationSec: 30, price: 2 })];

  it('ignores a duration of 1e308 s instead of averaging it', () => {
    const report = buildReport(reportInput([...good, call('+919800000003', 'completed', T0 + 120_000, { durationSec: 1e308 })]));
    expect(report.metrics.avgDurationSec.value).toBe(45);
  });

  it('ignores negative durations and prices', () => {
    const report = buildReport(reportInput([...good, call('+919800000003', 'completed', T0 + 120_000, { durationSec: -500, price: -100 })]));
    expect(report.metrics.avgDurationSec.value).toBe(45);
    expect(report.metrics.costPerConnect.value).toBeCloseTo(4 / 3);
  });

  it('leaves out a call dated in the year 275760 rather than stretching the timeline over centuries', () => {
    const report = buildReport(reportInput([...good, call('+919800000003', 'busy', Date.parse('+275760-09-13T00:00:00.000Z'))]));
    expect(report.timeline.bucketSec).toBe(60);
    expect(report.timeline.buckets.length).toBeLessThanOrEqual(2);
  });

  it('leaves out a call dated long before its campaign was created', () => {
    expect(trustedCalls([call('+91', 'busy', Date.parse('2023-01-01T00:00:00Z'))], window)).toEqual([]);
  });

  it('hands back the same array, uncopied, when every value is plausible', () => {
    expect(trustedCalls(good, window)).toBe(good);
  });

  it('counts no contact known only from a call it cannot place in time', () => {
    const report = buildReport(reportInput([...good, call('+919800000003', 'busy', Date.parse('+275760-09-13T00:00:00.000Z'))]));
    expect(report.retries.total.contacts).toBe(2);
  });

  it('reads an impossible attempt number as unknown, so the call counts as the first attempt it is', () => {
    const report = buildReport(reportInput([...good, call('+919800000003', 'busy', T0 + 120_000, { attemptNumber: 5000 })]));
    expect(report.retries.rows.map((row) => row.attempt)).toEqual([1]);
    expect(report.retries.total.contacts).toBe(3);
  });
});
