// Best time to call across campaigns: one campaign's day x hour grid limited to the calls of a window (the last 90
// days), and the response that adds such grids up. The grid is the per-campaign report's (day-hour.ts), built from
// the same trusted calls in the same time zone, so "all campaigns" and "this campaign" read the same way.
import type { BestTimeAcross } from '../api-schemas';
import type { Campaign } from '../campaign';
import type { ReportCall } from '../report-input';
import { toColumns } from './call-columns';
import { addGrids, dayHourCells, dayHourGrid, type DayHourGrid } from './day-hour';
import { isoWithOffset, resolveTimeZone, zoneOffsetMinutes } from './time-zone';
import { plausibleCallWindow, trustedCalls } from './trusted-calls';

/** The window of "all campaigns": calls of the last 90 days, as the guide's own benchmarks use. */
export const BEST_TIME_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** `days` back from now, on the hour of the zone's clock (so a window's grids can be reused for up to an hour). */
export function windowStartMs(nowMs: number, timeZone: string, days = BEST_TIME_WINDOW_DAYS): number {
  const start = nowMs - days * DAY_MS;
  const offsetMs = zoneOffsetMinutes(resolveTimeZone(timeZone), start) * 60_000;
  return Math.floor((start + offsetMs) / HOUR_MS) * HOUR_MS - offsetMs;
}

/** One campaign's grid over its trusted calls made at or after sinceMs; null when it has none in the window. */
export function campaignGridSince(campaign: Pick<Campaign, 'dateCreated'>, calls: readonly ReportCall[], timeZone: string, nowMs: number, sinceMs: number): DayHourGrid | null {
  const recent = trustedCalls(calls, plausibleCallWindow(campaign, nowMs)).filter((call) => call.at >= sinceMs);
  if (recent.length === 0) return null;
  return dayHourGrid(toColumns(recent), resolveTimeZone(timeZone));
}

export function bestTimeAcross(grids: readonly DayHourGrid[], timeZone: string, nowMs: number, sinceMs: number): BestTimeAcross {
  const zone = resolveTimeZone(timeZone);
  const sum = addGrids(grids);
  let calls = 0;
  for (const count of sum.calls) calls += count;
  return {
    timeZone: zone,
    windowDays: Math.round((nowMs - sinceMs) / DAY_MS),
    since: isoWithOffset(sinceMs, zoneOffsetMinutes(zone, sinceMs)),
    campaigns: grids.length,
    calls,
    byDayHour: dayHourCells(sum),
  };
}
