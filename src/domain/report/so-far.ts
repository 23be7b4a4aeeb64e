// Verdicts that do not cry wolf: while contacts are still pending, rates divide by the contacts finished so far
// (not by contacts not dialled yet), and no verdict is given before a minimum sample has finished.
import type { Stats } from '../api-schemas';

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
