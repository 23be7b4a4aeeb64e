// A throughput bucket that makes the shape readable: a 400-contact campaign at 2 calls a minute drawn per minute
// is a comb of 0-2 calls; in 5-minute buckets it is a curve. The screen shows calls per minute whatever the bucket.
import { BUCKET_LADDER_SEC, chooseBucketSec } from './timeline';

/** Grow the bucket until an average bucket holds at least this many calls ... */
export const READABLE_CALLS_PER_BUCKET = 8;
/** ... but never below this many buckets across the span (a short burst keeps its shape). */
export const MIN_READABLE_BUCKETS = 24;

const bucketsAcross = (firstMs: number, lastMs: number, sec: number, offsetMs: number): number =>
  Math.floor((lastMs + offsetMs) / (sec * 1000)) - Math.floor((firstMs + offsetMs) / (sec * 1000)) + 1;

/**
 * The smallest step of the ladder, no smaller than the 300-bucket floor (chooseBucketSec), at which an average bucket
 * holds READABLE_CALLS_PER_BUCKET ended calls; it stops growing before the span would fall under MIN_READABLE_BUCKETS.
 */
export function chooseReadableBucketSec(firstMs: number, lastMs: number, offsetMinutes: number, endedCalls: number): number {
  const floor = chooseBucketSec(firstMs, lastMs, offsetMinutes);
  const offsetMs = offsetMinutes * 60_000;
  let chosen = floor;
  for (const sec of BUCKET_LADDER_SEC) {
    if (sec <= floor) continue;
    if (endedCalls / bucketsAcross(firstMs, lastMs, chosen, offsetMs) >= READABLE_CALLS_PER_BUCKET) break;
    if (bucketsAcross(firstMs, lastMs, sec, offsetMs) < MIN_READABLE_BUCKETS) break;
    chosen = sec;
  }
  return chosen;
}
