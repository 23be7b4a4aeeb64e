// The one rule that turns a metric value and its healthy range into good / watch / bad / unknown.
import type { Verdict } from '../api-schemas';

export interface HealthyRange {
  min?: number;
  max?: number;
}

/** Within 20% (relative) below the minimum is worth watching, not yet bad. */
const WATCH_BELOW_MIN = 0.8;
/** Up to a third above the maximum (15% -> 20% failures) is worth watching. */
const WATCH_ABOVE_MAX = 1.33;
/** So that a value exactly on a boundary (0.4 x 0.8 = 0.32000000000000006) lands on the kinder side. */
const EPSILON = 1e-9;

/**
 * - No value or no range: unknown.
 * - Higher is better (a range with a min): at or above min is good, above max included (more connects are never
 *   a problem); down to 20% below min (relative) is watch; further below is bad.
 * - Lower is better (only a max, like failure rate): at most max is good; up to 1.33 x max is watch; above is bad.
 */
export function verdictFor(value: number | null, range: HealthyRange | undefined): Verdict {
  if (value === null || !Number.isFinite(value) || range === undefined) return 'unknown';
  if (range.min !== undefined) {
    if (value >= range.min) return 'good';
    return value >= range.min * WATCH_BELOW_MIN - EPSILON ? 'watch' : 'bad';
  }
  if (range.max !== undefined) {
    if (value <= range.max) return 'good';
    return value <= range.max * WATCH_ABOVE_MAX + EPSILON ? 'watch' : 'bad';
  }
  return 'unknown';
}
