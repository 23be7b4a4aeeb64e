// The date range of an export as epoch milliseconds: a bare day means the whole day in the campaign's time zone
// (from its first to its last millisecond), an ISO time means that instant.
import { zoneOffsetMinutes } from '../report/time-zone';

export interface ExportRange {
  fromMs: number | null;
  /** Inclusive. */
  toMs: number | null;
}

const DAY_MS = 86_400_000;

function dayStartMs(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // The zone's offset near that midnight; taken twice so a day that starts on a DST change still lands right.
  const first = utcMidnight - zoneOffsetMinutes(timeZone, utcMidnight) * 60_000;
  return utcMidnight - zoneOffsetMinutes(timeZone, first) * 60_000;
}

export function exportRange(from: string | undefined, to: string | undefined, timeZone: string): ExportRange {
  const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);
  const fromMs = from === undefined ? null : isDay(from) ? dayStartMs(from, timeZone) : Date.parse(from);
  const toMs = to === undefined ? null : isDay(to) ? dayStartMs(to, timeZone) + DAY_MS - 1 : Date.parse(to);
  return { fromMs, toMs };
}
