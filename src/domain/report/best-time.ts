// Best time to call: connect rate by hour of day in the campaign's time zone, over ended attempts.
import type { BestTime } from '../api-schemas';
import { CODE_COMPLETED, CODE_IN_PROGRESS, type CallColumns } from './call-columns';
import { OFFSET_SLOT_MS, hourOfDay, offsetLookup } from './time-zone';

/** An hour needs at least this many attempts, and this share of all attempts, before it can be called best. */
export const BEST_HOUR_MIN_ATTEMPTS = 20;
export const BEST_HOUR_MIN_SHARE = 0.01;

export function buildBestTime(columns: CallColumns, timeZone: string): Omit<BestTime, 'byDayHour'> {
  const { at, status } = columns;
  const offsetAt = offsetLookup(timeZone);
  const attempts = new Int32Array(24);
  const connected = new Int32Array(24);
  let ended = 0;
  // Function-local copies: imported bindings are re-checked on every read, which costs more than the loop body.
  const slotMs = OFFSET_SLOT_MS;
  const inProgress = CODE_IN_PROGRESS;
  const completed = CODE_COMPLETED;
  let lastSlot = Number.NaN;
  let hour = 0;
  for (let i = 0; i < columns.size; i++) {
    const code = status[i]!;
    if (code === inProgress) continue;
    const t = at[i]!;
    // Local hours start on a quarter hour in every zone, so all calls in one 15-minute slot share their hour:
    // the zone is consulted only when the slot changes (calls come roughly in time order).
    const slot = Math.floor(t / slotMs);
    if (slot !== lastSlot) {
      lastSlot = slot;
      const slotStart = slot * slotMs;
      hour = hourOfDay(slotStart, offsetAt(slotStart)) | 0; // an integer index keeps the counter updates fast
    }
    attempts[hour]!++;
    if (code === completed) connected[hour]!++;
    ended++;
  }

  const hours = Array.from(attempts, (n, h) => ({ hour: h, attempts: n, connected: connected[h]!, rate: n > 0 ? connected[h]! / n : 0 }));
  // Both thresholds: 20 attempts keep a quiet hour from winning on luck; 1% keeps a big campaign's stray hour out.
  const enough = Math.max(BEST_HOUR_MIN_ATTEMPTS, ended * BEST_HOUR_MIN_SHARE);
  let bestHour: number | null = null;
  let bestRate = -1;
  for (const row of hours) {
    // Ties go to the hour with more attempts (better evidence), then the earlier hour.
    if (row.attempts < enough) continue;
    if (row.rate > bestRate || (row.rate === bestRate && bestHour !== null && row.attempts > hours[bestHour]!.attempts)) {
      bestHour = row.hour;
      bestRate = row.rate;
    }
  }
  return { timeZone, hours, bestHour };
}
