import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CHART_POINTS, toHourBars, toTimelinePoints } from './shape-report';

const bucket = (i: number, completed: number) => ({
  start: new Date(Date.UTC(2026, 0, 15, 3, 30) + i * 60_000).toISOString(),
  completed,
  busy: 1,
  noAnswer: 2,
  failed: 0,
  canceled: 0,
});

describe('shaping the report for charts', () => {
  it('never gives a chart more than 300 points, and loses no call while merging buckets', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50 }), { maxLength: 2_000 }), (counts) => {
        const points = toTimelinePoints({ bucketSec: 60, buckets: counts.map((count, i) => bucket(i, count)) }, 'Asia/Kolkata');
        expect(points.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
        expect(points.reduce((sum, point) => sum + point.completed, 0)).toBe(counts.reduce((sum, count) => sum + count, 0));
        expect(points.reduce((sum, point) => sum + point.busy, 0)).toBe(counts.length);
      }),
    );
  });

  it('labels timeline points in the campaign time zone', () => {
    expect(toTimelinePoints({ bucketSec: 60, buckets: [bucket(0, 1)] }, 'Asia/Kolkata')[0]?.label).toBe('09:00');
  });

  it('orders hours of the day and drops hours without calls', () => {
    const bars = toHourBars({
      timeZone: 'Asia/Kolkata',
      bestHour: 11,
      hours: [
        { hour: 11, attempts: 10, connected: 5, rate: 0.5 },
        { hour: 9, attempts: 3, connected: 1, rate: 1 / 3 },
        { hour: 3, attempts: 0, connected: 0, rate: 0 },
      ],
    });
    expect(bars.map((bar) => [bar.label, bar.ratePercent])).toEqual([['09', 33.3], ['11', 50]]);
  });
});
