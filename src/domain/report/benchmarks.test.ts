import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { METRIC_NAMES, type MetricName } from '../api-schemas';
import { buildBenchmarks, median, type CampaignSnapshot } from './benchmarks';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T12:00:00+05:30');

function snapshot(campaignId: string, daysAgo: number, connectRate: number | null): CampaignSnapshot {
  const values = Object.fromEntries(METRIC_NAMES.map((name) => [name, null])) as Record<MetricName, number | null>;
  return { campaignId, finishedAtMs: NOW - daysAgo * DAY, values: { ...values, connectRate } };
}

describe('median', () => {
  it.each([
    { values: [], median: null },
    { values: [0.52], median: 0.52 },
    { values: [0.7, 0.4, 0.52], median: 0.52 },
    { values: [0.4, 0.6, 0.5, 0.7], median: 0.55 },
  ])('of $values is $median', ({ values, median: expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('has as many values at or below it as at or above it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const m = median(values)!;
        expect(values.filter((v) => v <= m).length).toBeGreaterThanOrEqual(values.length / 2);
        expect(values.filter((v) => v >= m).length).toBeGreaterThanOrEqual(values.length / 2);
      }),
    );
  });
});

describe('buildBenchmarks', () => {
  it('takes the median of finished campaigns of the last 90 days, leaving out the campaign itself and unknown values', () => {
    const history = [
      snapshot('a', 1, 0.5),
      snapshot('b', 30, 0.52),
      snapshot('c', 89, 0.61),
      snapshot('old', 91, 0.1), // outside the window
      snapshot('self', 2, 0.9), // the campaign being reported
      snapshot('empty', 3, null), // nothing created
    ];
    const benchmarks = buildBenchmarks(history, NOW, 'self');
    expect(benchmarks.connectRate).toEqual({ median: 0.52, campaigns: 3 });
    expect(benchmarks.answerRate).toEqual({ median: null, campaigns: 0 });
  });

  it('is empty with no history', () => {
    const benchmarks = buildBenchmarks([], NOW, 'x');
    for (const name of METRIC_NAMES) expect(benchmarks[name]).toEqual({ median: null, campaigns: 0 });
  });
});
