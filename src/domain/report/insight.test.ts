// The report's insight additions over fixtures: the day-by-hour heatmap, readable throughput buckets, the retry sentence.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildReport } from './build-report';
import { toColumns } from './call-columns';
import { addGrids, cellOf, dayHourCells, dayHourGrid } from './day-hour';
import { chooseReadableBucketSec, MIN_READABLE_BUCKETS, READABLE_CALLS_PER_BUCKET } from './readable-buckets';
import { retrySummary } from './retry-summary';
import { chooseBucketSec } from './timeline';
import { call, reportInput, seedExampleCalls, T0 } from '../testing/report-fixtures';

const IST = 330;
const MIN = 60_000;

describe('day-by-hour heatmap', () => {
  it('puts calls in the IST day of week and hour they were made (2024-02-01 is a Thursday)', () => {
    const calls = [
      call('a', 'completed', Date.parse('2024-02-01T10:05:00+05:30')),
      call('b', 'busy', Date.parse('2024-02-01T10:55:00+05:30')),
      call('c', 'completed', Date.parse('2024-02-04T23:30:00+05:30')), // Sunday
      call('d', 'completed', Date.parse('2024-02-05T00:10:00+05:30')), // Monday, just after midnight IST (Sunday in UTC)
      call('e', 'in-progress', Date.parse('2024-02-01T10:06:00+05:30')), // not ended: left out
    ];
    const cells = dayHourCells(dayHourGrid(toColumns(calls), 'Asia/Kolkata'));
    expect(cells).toHaveLength(168);
    const nonEmpty = cells.filter((c) => c.calls > 0);
    expect(nonEmpty).toEqual([
      { day: 1, hour: 0, calls: 1, connected: 1, rate: 1 },
      { day: 4, hour: 10, calls: 2, connected: 1, rate: 0.5 },
      { day: 7, hour: 23, calls: 1, connected: 1, rate: 1 },
    ]);
  });

  it('agrees with Intl on the day and hour of any instant', () => {
    const weekday: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
    const format = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Kolkata', weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    fc.assert(
      fc.property(fc.integer({ min: T0 - 400 * 86_400_000, max: T0 + 400 * 86_400_000 }), (ms) => {
        const parts = format.formatToParts(new Date(ms));
        const day = weekday[parts.find((p) => p.type === 'weekday')!.value]!;
        const hour = Number(parts.find((p) => p.type === 'hour')!.value);
        expect(cellOf(ms, IST)).toBe((day - 1) * 24 + hour);
      }),
    );
  });

  it('adds the grids of several campaigns cell by cell', () => {
    const one = dayHourGrid(toColumns([call('a', 'completed', T0)]), 'Asia/Kolkata');
    const two = dayHourGrid(toColumns([call('b', 'busy', T0 + MIN)]), 'Asia/Kolkata');
    const cell = dayHourCells(addGrids([one, two])).find((c) => c.calls > 0);
    expect(cell).toEqual({ day: 4, hour: 10, calls: 2, connected: 1, rate: 0.5 });
  });

  it('is in the report, counting every ended call once', () => {
    const report = buildReport(reportInput(seedExampleCalls(true)));
    expect(report.bestTime.byDayHour.reduce((sum, c) => sum + c.calls, 0)).toBe(4250);
    expect(report.bestTime.byDayHour.reduce((sum, c) => sum + c.connected, 0)).toBe(1875);
  });
});

describe('readable throughput buckets', () => {
  it.each([
    // A 400-contact campaign dialling 2 a minute for 200 minutes: per minute it is a comb of 0-2 calls.
    { name: '400 calls over 200 min', calls: 400, spanMin: 200, bucketSec: 300 },
    { name: 'a burst of 5 calls over 3 min keeps minute buckets', calls: 5, spanMin: 3, bucketSec: 60 },
    { name: 'a busy campaign keeps minute buckets', calls: 6000, spanMin: 200, bucketSec: 60 },
    { name: '30 calls over 4 hours stop at 5 min: 15 min would leave under 24 buckets', calls: 30, spanMin: 240, bucketSec: 300 },
    { name: 'a 3-day campaign of 20,000 calls keeps the 300-bucket floor', calls: 20_000, spanMin: 3 * 24 * 60, bucketSec: 900 },
  ])('$name -> $bucketSec s', ({ calls, spanMin, bucketSec }) => {
    expect(chooseReadableBucketSec(T0, T0 + spanMin * MIN, IST, calls)).toBe(bucketSec);
  });

  it('never goes below the 300-bucket floor, and only grows while the span keeps enough buckets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 60 }), fc.integer({ min: 1, max: 100_000 }), (spanMin, calls) => {
        const floor = chooseBucketSec(T0, T0 + spanMin * MIN, IST);
        const chosen = chooseReadableBucketSec(T0, T0 + spanMin * MIN, IST, calls);
        expect(chosen).toBeGreaterThanOrEqual(floor);
        if (chosen > floor) {
          const buckets = Math.floor((T0 + spanMin * MIN + IST * MIN) / (chosen * 1000)) - Math.floor((T0 + IST * MIN) / (chosen * 1000)) + 1;
          expect(buckets).toBeGreaterThanOrEqual(MIN_READABLE_BUCKETS);
        }
      }),
    );
    expect(READABLE_CALLS_PER_BUCKET).toBeGreaterThan(1);
  });

  it('is what the report uses: a slow campaign gets 5-minute buckets', () => {
    const calls = Array.from({ length: 400 }, (_, i) => call(`n${i}`, i % 2 ? 'completed' : 'busy', T0 + i * 30_000));
    expect(buildReport(reportInput(calls)).timeline.bucketSec).toBe(300);
  });
});

describe('retrySummary', () => {
  it("says what the guide says about its worked example", () => {
    const report = buildReport(reportInput(seedExampleCalls(true)));
    expect(retrySummary(report.retries)).toBe('Retries added 375 connected contacts (60% -> 75%).');
  });

  it('says nothing without retries', () => {
    expect(retrySummary({ rows: [{ attempt: 1, contacts: 10, connected: 5, rate: 0.5, flagged: false }], total: { contacts: 10, connected: 5, rate: 0.5 }, advice: null })).toBeNull();
  });
});
