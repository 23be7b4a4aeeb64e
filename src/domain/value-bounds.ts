// The values a real campaign call can have. Exotel's wire parsers refuse anything outside them (a webhook gets a
// 400 naming the field, a synced record counts as malformed), and reports ignore stored values outside them, so one
// absurd number (`duration: 1e308`, a date in the year 275760) can never skew an average or stretch a timeline.

/** A call longer than a day is not a call: Exotel's own limits end calls far sooner. */
export const MAX_DURATION_SEC = 86_400;
/** Price of one attempt, in pulses (or rupees): generous, but finite. */
export const MAX_PRICE = 100_000;
/** Exotel allows at most 3 retries (4 attempts); anything near this is bad data, not a retry policy. */
export const MAX_ATTEMPT_NUMBER = 100;
/** A campaign's counts: Exotel lists hold at most 5 x 500,000 contacts. */
export const MAX_STAT_COUNT = 100_000_000;

/** Nothing callboard reads predates 2000-01-01. */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(2000, 0, 1);
/**
 * How far past "now" a call's date may lie. Exotel stamps its own dates, so real skew is seconds; the slack covers
 * the demo's simulator, whose clock runs ahead of the wall clock (its demo campaigns settle within 58 h of start,
 * checked by a test), while still refusing dates that would stretch a timeline over years.
 */
export const FUTURE_SLACK_MS = 3 * 86_400_000;
/** A schedule (send_at / end_at) may be set well ahead of time. */
export const SCHEDULE_SLACK_MS = 400 * 86_400_000;

export function isPlausibleDuration(sec: number): boolean {
  return sec >= 0 && sec <= MAX_DURATION_SEC;
}

export function isPlausiblePrice(price: number): boolean {
  return price >= 0 && price <= MAX_PRICE;
}

export function isPlausibleCount(count: number): boolean {
  return count >= 0 && count <= MAX_STAT_COUNT;
}

/** When a call (or a campaign change) can have happened, as seen at `nowMs`. NaN is never plausible. */
export function isPlausibleInstant(ms: number, nowMs: number, slackMs: number = FUTURE_SLACK_MS): boolean {
  return ms >= EARLIEST_PLAUSIBLE_MS && ms <= nowMs + slackMs;
}
