// Verdicts that do not cry wolf: while contacts are still pending, rates divide by the contacts finished so far
// (not by contacts not dialled yet), and no verdict is given before a minimum sample has finished.
import type { Stats, Verdict } from '../api-schemas';
import { HEALTHY_RANGES } from './metrics';
import { verdictFor, type HealthyRange } from './verdict';

/** A running campaign's rate is judged only once its denominator holds at least this many contacts. */
export const MIN_SAMPLE_FOR_VERDICT = 100;

export type RateBasis = 'created' | 'finished';

/** Contacts whose outcome is known: completed, failed, busy or no answer (the campaigns list's progress.done). */
export function finishedContacts(stats: Stats): number {
  return stats.completed + stats.failed + stats.busy + stats.noAnswer;
}

/**
 * `finished` while a campaign that can still dial has contacts pending or on a call; `created` otherwise (a
 * finished campaign's pending contacts will never be dialled: Exotel counts them as failed).
 */
export function rateBasis(stats: Stats, campaignActive: boolean): RateBasis {
  return campaignActive && stats.pending + stats.inProgress > 0 ? 'finished' : 'created';
}

/** True when a running campaign's rate rests on too few contacts to be judged against a healthy range. */
export function tooEarlyToJudge(basis: RateBasis, sample: number): boolean {
  return basis === 'finished' && sample < MIN_SAMPLE_FOR_VERDICT;
}

// The same rule for screens that hold only a campaign's stats (the wallboard's tiles and grid): the rate with its
// basis and verdict, judged against the guide's healthy ranges.
export type SoFarVerdict = Verdict | 'too-early';

export interface SoFarRate {
  value: number | null;
  basis: RateBasis;
  verdict: SoFarVerdict;
}

/** Contacts still to come: pending, or on a call right now. */
export function isStillDialling(stats: Stats): boolean {
  return stats.pending + stats.inProgress > 0;
}

function judged(numerator: number, stats: Stats, range: HealthyRange): SoFarRate {
  const basis = rateBasis(stats, true);
  const denominator = basis === 'finished' ? finishedContacts(stats) : stats.created;
  const value = denominator > 0 ? numerator / denominator : null;
  if (value === null) return { value, basis, verdict: 'unknown' };
  if (tooEarlyToJudge(basis, denominator)) return { value, basis, verdict: 'too-early' };
  return { value, basis, verdict: verdictFor(value, range) };
}

export function connectRateSoFar(stats: Stats): SoFarRate {
  return judged(stats.completed, stats, HEALTHY_RANGES.connectRate);
}

export function failureRateSoFar(stats: Stats): SoFarRate {
  return judged(stats.failed, stats, HEALTHY_RANGES.failureRate);
}

/** Retry success over contacts retried so far: too early below the minimum sample of retried contacts. */
export function retrySuccessSoFar(rate: number | null, contactsRetried: number): Omit<SoFarRate, 'basis'> {
  if (rate === null || contactsRetried === 0) return { value: null, verdict: 'unknown' };
  if (contactsRetried < MIN_SAMPLE_FOR_VERDICT) return { value: rate, verdict: 'too-early' };
  return { value: rate, verdict: verdictFor(rate, HEALTHY_RANGES.retrySuccessRate) };
}
