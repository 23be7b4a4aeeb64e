// Calls over time (the reporting guide's timeline graph): ended attempts in equal buckets, stacked by outcome. The bucket is
// the smallest step of a ladder that covers the span in at most 300 buckets, and empty buckets inside the span are
// kept so that the chart's time axis is honest.
import type { Timeline, TimelineBucket } from '../api-schemas';
import type { CallColumns } from './call-columns';
import { DECIDING_RANK } from '../contacts/fold-contact';
import { isoWithOffset } from './time-zone';

export const MAX_BUCKETS = 300;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** Bucket sizes in seconds, smallest first. Spans longer than 300 days use whole multiples of a day. */
export const BUCKET_LADDER_SEC: readonly number[] = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];

/** Buckets are aligned to the zone's wall clock (a day bucket starts at local midnight). */
const bucketOf = (ms: number, sizeMs: number, offsetMs: number): number => Math.floor((ms + offsetMs) / sizeMs);

/** Column of each outcome in the flat counters, by status code; in-progress attempts have not ended (-1). */
const COLUMN_BY_CODE = new Int8Array(6);
COLUMN_BY_CODE[DECIDING_RANK.completed] = 0;
COLUMN_BY_CODE[DECIDING_RANK.busy] = 1;
COLUMN_BY_CODE[DECIDING_RANK['no-answer']] = 2;
COLUMN_BY_CODE[DECIDING_RANK.failed] = 3;
COLUMN_BY_CODE[DECIDING_RANK.canceled] = 4;
COLUMN_BY_CODE[DECIDING_RANK['in-progress']] = -1;

export function chooseBucketSec(firstMs: number, lastMs: number, offsetMinutes: number): number {
  const offsetMs = offsetMinutes * 60_000;
  const fits = (sec: number): boolean => bucketOf(lastMs, sec * 1000, offsetMs) - bucketOf(firstMs, sec * 1000, offsetMs) + 1 <= MAX_BUCKETS;
  for (const sec of BUCKET_LADDER_SEC) if (fits(sec)) return sec;
  let days = Math.ceil((lastMs - firstMs) / (DAY * 1000 * MAX_BUCKETS));
  while (!fits(days * DAY)) days++;
  return days * DAY;
}

/**
 * @param offsetMinutes the campaign zone's UTC offset, used for bucket alignment and the ISO starts (+05:30).
 * @param bucketSecFor picks the bucket for the span; the report passes the readable choice (readable-buckets.ts).
 */
export function buildTimeline(
  columns: CallColumns,
  offsetMinutes: number,
  bucketSecFor: (firstMs: number, lastMs: number, offsetMinutes: number) => number = chooseBucketSec,
): Timeline {
  const { at, status } = columns;
  const first = columns.firstEndedAt;
  const last = columns.lastEndedAt;
  if (first > last) return { bucketSec: BUCKET_LADDER_SEC[0]!, buckets: [] };

  const bucketSec = Math.max(bucketSecFor(first, last, offsetMinutes), chooseBucketSec(first, last, offsetMinutes));
  const sizeMs = bucketSec * 1000;
  const offsetMs = offsetMinutes * 60_000;
  const firstBucket = bucketOf(first, sizeMs, offsetMs);
  const count = bucketOf(last, sizeMs, offsetMs) - firstBucket + 1;
  // Five counters per bucket in one flat array: [completed, busy, noAnswer, failed, canceled].
  const counts = new Int32Array(count * 5);
  const columnByCode = COLUMN_BY_CODE; // a local: module bindings are re-checked on every read
  for (let i = 0; i < columns.size; i++) {
    const column = columnByCode[status[i]!]!;
    if (column < 0) continue;
    counts[(Math.floor((at[i]! + offsetMs) / sizeMs) - firstBucket) * 5 + column]!++;
  }

  const buckets: TimelineBucket[] = new Array<TimelineBucket>(count);
  for (let b = 0; b < count; b++) {
    buckets[b] = {
      start: isoWithOffset((firstBucket + b) * sizeMs - offsetMs, offsetMinutes),
      completed: counts[b * 5]!,
      busy: counts[b * 5 + 1]!,
      noAnswer: counts[b * 5 + 2]!,
      failed: counts[b * 5 + 3]!,
      canceled: counts[b * 5 + 4]!,
    };
  }
  return { bucketSec, buckets };
}
