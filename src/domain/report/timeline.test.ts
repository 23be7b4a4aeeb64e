import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTimeline, chooseBucketSec, MAX_BUCKETS } from './timeline';
import { toColumns } from './call-columns';
import { call, callArbitrary, T0 } from '../testing/report-fixtures';

const IST = 330;
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('chooseBucketSec', () => {
  it.each([
    { span: 0, bucketSec: 60 },
    { span: 299 * MIN, bucketSec: 60 },
    { span: 300 * MIN, bucketSec: 300 }, // 301 one-minute buckets would be one too many
    { span: 24 * HOUR, bucketSec: 300 },
    { span: 25 * HOUR, bucketSec: 900 },
    { span: 3 * 24 * HOUR, bucketSec: 900 },
    { span: 7 * 24 * HOUR, bucketSec: 3600 },
    { span: 30 * 24 * HOUR, bucketSec: 3 * 3600 },
    { span: 200 * 24 * HOUR, bucketSec: 86_400 },
    { span: 1000 * 24 * HOUR, bucketSec: 4 * 86_400 },
  ])('a span of $span ms uses $bucketSec s buckets', ({ span, bucketSec }) => {
    const start = Date.parse('2024-02-01T00:00:00+05:30');
    expect(chooseBucketSec(start, start + span, IST)).toBe(bucketSec);
  });
});

describe('buildTimeline', () => {
  it('stacks ended calls by outcome, keeps empty buckets inside the span and starts them on the IST clock', () => {
    const calls = [
      call('a', 'completed', T0 + 10_000),
      call('b', 'busy', T0 + 20_000),
      call('c', 'in-progress', T0 + 30_000),
      call('d', 'no-answer', T0 + 3 * MIN),
      call('e', 'canceled', T0 + 3 * MIN + 1),
      call('f', 'failed', T0 + 3 * MIN + 2),
    ];
    expect(buildTimeline(toColumns(calls), IST)).toEqual({
      bucketSec: 60,
      buckets: [
        { start: '2024-02-01T10:00:00+05:30', completed: 1, busy: 1, noAnswer: 0, failed: 0, canceled: 0 },
        { start: '2024-02-01T10:01:00+05:30', completed: 0, busy: 0, noAnswer: 0, failed: 0, canceled: 0 },
        { start: '2024-02-01T10:02:00+05:30', completed: 0, busy: 0, noAnswer: 0, failed: 0, canceled: 0 },
        { start: '2024-02-01T10:03:00+05:30', completed: 0, busy: 0, noAnswer: 1, failed: 1, canceled: 1 },
      ],
    });
  });

  it('aligns day buckets to local midnight', () => {
    const calls = [call('a', 'completed', Date.parse('2024-02-01T23:00:00+05:30')), call('b', 'completed', Date.parse('2024-08-01T01:00:00+05:30'))];
    const timeline = buildTimeline(toColumns(calls), IST);
    expect(timeline.bucketSec).toBe(86_400);
    expect(timeline.buckets[0]!.start).toBe('2024-02-01T00:00:00+05:30');
  });

  it('is empty when no call has ended', () => {
    expect(buildTimeline(toColumns([call('a', 'in-progress', T0)]), IST).buckets).toEqual([]);
  });

  it('never has more than 300 buckets and counts every ended call once', () => {
    fc.assert(
      fc.property(fc.array(callArbitrary, { maxLength: 60 }), (calls) => {
        const { buckets } = buildTimeline(toColumns(calls), IST);
        expect(buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
        const charted = buckets.reduce((sum, b) => sum + b.completed + b.busy + b.noAnswer + b.failed + b.canceled, 0);
        expect(charted).toBe(calls.filter((c) => c.status !== 'in-progress').length);
      }),
    );
  });
});
