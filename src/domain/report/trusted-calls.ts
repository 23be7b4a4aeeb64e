// The report's defence against stored values no real call can have (rows written before the wire parsers bounded
// them, or by any future writer that forgets to): such a value is ignored, never averaged or plotted.
import type { Campaign } from '../campaign';
import { msOfIso } from '../instant';
import type { ReportCall } from '../report-input';
import { EARLIEST_PLAUSIBLE_MS, FUTURE_SLACK_MS, isPlausibleDuration, isPlausiblePrice, MAX_ATTEMPT_NUMBER } from '../value-bounds';

/** The instants a report can place a call at; a call outside them is left out. */
export interface CallWindow {
  fromMs: number;
  toMs: number;
}

/** Every instant: for readers that only want attempt numbers. */
export const ANY_TIME: CallWindow = { fromMs: Number.NEGATIVE_INFINITY, toMs: Number.POSITIVE_INFINITY };

/** A call cannot be placed before its campaign existed; a day of slack absorbs a sender's time-zone slips. */
const BEFORE_CAMPAIGN_SLACK_MS = 86_400_000;

/** The instants a call of this campaign can have, as seen at `nowMs`. */
export function plausibleCallWindow(campaign: Pick<Campaign, 'dateCreated'>, nowMs: number): CallWindow {
  const createdMs = msOfIso(campaign.dateCreated);
  const fromMs = createdMs === null ? EARLIEST_PLAUSIBLE_MS : Math.max(EARLIEST_PLAUSIBLE_MS, createdMs - BEFORE_CAMPAIGN_SLACK_MS);
  return { fromMs, toMs: nowMs + FUTURE_SLACK_MS };
}

function plausibleAttempt(attempt: number | null): boolean {
  return attempt === null || attempt <= MAX_ATTEMPT_NUMBER;
}

// The report's scan (toColumns) reads each call's values through these while it copies them into columns, so the
// normal report needs no separate pass over 200,000 calls; trustedCalls below gives the same calls as objects.

/** A stored duration as a report reads it: NaN (unknown) when absent or impossible. */
export function trustedDurationSec(sec: number | null): number {
  return sec !== null && isPlausibleDuration(sec) ? sec : Number.NaN;
}

/** A stored price as a report reads it: NaN (unknown) when absent or impossible. */
export function trustedPrice(price: number | null): number {
  return price !== null && isPlausiblePrice(price) ? price : Number.NaN;
}

/** A stored attempt number as a report reads it: 0 (derive it from the call's place) when absent or impossible. */
export function trustedAttempt(attempt: number | null): number {
  return attempt !== null && plausibleAttempt(attempt) ? attempt : 0;
}

/**
 * The calls a report may use: a call dated outside its campaign's window is left out (it cannot be placed in time),
 * and an impossible duration, price or attempt number is treated as unknown. Returns `calls` itself when every value
 * is plausible (no copy).
 */
export function trustedCalls(calls: readonly ReportCall[], window: CallWindow): readonly ReportCall[] {
  const { fromMs, toMs } = window;
  const isTrusted = (call: ReportCall): boolean =>
    call.at >= fromMs &&
    call.at <= toMs &&
    (call.durationSec === null || isPlausibleDuration(call.durationSec)) &&
    (call.price === null || isPlausiblePrice(call.price)) &&
    plausibleAttempt(call.attemptNumber);
  if (calls.every(isTrusted)) return calls;
  const trusted: ReportCall[] = [];
  for (const call of calls) {
    if (!(call.at >= fromMs && call.at <= toMs)) continue;
    trusted.push({
      ...call,
      durationSec: call.durationSec !== null && isPlausibleDuration(call.durationSec) ? call.durationSec : null,
      price: call.price !== null && isPlausiblePrice(call.price) ? call.price : null,
      attemptNumber: plausibleAttempt(call.attemptNumber) ? call.attemptNumber : null,
    });
  }
  return trusted;
}
