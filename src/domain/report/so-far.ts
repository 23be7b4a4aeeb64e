// Rates judged "so far": while contacts are still waiting, connect and failure rates divide by the contacts that
// have finished (not by created), and no verdict is given before a minimum sample, so a campaign that has just
// started is never painted red on a handful of calls. A campaign with nothing left to dial divides by created.
import type { Stats, Verdict } from '../api-schemas';
import { HEALTHY_RANGES } from './metrics';
import { verdictFor, type HealthyRange } from './verdict';

/** Finished contacts (or retried contacts, for retry success) needed before a rate is judged. */
export const MIN_SAMPLE = { contacts: 100, retried: 30 } as const;

export type SoFarVerdict = Verdict | 'too-early';

export interface SoFarRate {
  value: number | null;
  /** `finished`: divided by contacts finished so far (the campaign still has contacts to dial). */
  basis: 'created' | 'finished';
  verdict: SoFarVerdict;
}

/** Contacts with a final outcome: completed, failed, busy or no answer. */
export function finishedContacts(stats: Stats): number {
  return stats.completed + stats.failed + stats.busy + stats.noAnswer;
}

/** Contacts still to come: pending, or on a call right now. */
export function isStillDialling(stats: Stats): boolean {
  return stats.pending + stats.inProgress > 0;
}

function judged(numerator: number, stats: Stats, range: HealthyRange): SoFarRate {
  const open = isStillDialling(stats);
  const denominator = open ? finishedContacts(stats) : stats.created;
  const value = denominator > 0 ? numerator / denominator : null;
  const basis = open ? 'finished' : 'created';
  if (value === null) return { value, basis, verdict: 'unknown' };
  if (open && denominator < MIN_SAMPLE.contacts) return { value, basis, verdict: 'too-early' };
  return { value, basis, verdict: verdictFor(value, range) };
}

export function connectRateSoFar(stats: Stats): SoFarRate {
  return judged(stats.completed, stats, HEALTHY_RANGES.connectRate);
}

export function failureRateSoFar(stats: Stats): SoFarRate {
  return judged(stats.failed, stats, HEALTHY_RANGES.failureRate);
}

/** Retry success over contacts retried so far: too early below the minimum number of retried contacts. */
export function retrySuccessSoFar(rate: number | null, contactsRetried: number): Omit<SoFarRate, 'basis'> {
  if (rate === null || contactsRetried === 0) return { value: null, verdict: 'unknown' };
  if (contactsRetried < MIN_SAMPLE.retried) return { value: rate, verdict: 'too-early' };
  return { value: rate, verdict: verdictFor(rate, HEALTHY_RANGES.retrySuccessRate) };
}
