// One contact's row (final status, attempts, last call) folded from its call attempts. The fold ignores arrival
// order: the same attempts in any order give the same row, so late or repeated webhooks cannot change the result.
import type { CallStatus } from '../call-status';

export interface ContactAttempt {
  status: CallStatus;
  at: number;
  durationSec: number | null;
  name: string | null;
}

export interface FoldedContact {
  finalStatus: CallStatus;
  attempts: number;
  /** Duration of the attempt that decided the final status (the connected call, for a completed contact). */
  lastDurationSec: number | null;
  firstCallAt: number;
  lastCallAt: number;
  name: string | null;
}

/**
 * Which of two attempts made at the same instant decides a contact's status (higher wins). A final status beats
 * in-progress, so a late "ringing" delivery never overwrites an outcome; among final statuses the order is fixed
 * only so that the fold is deterministic (two different outcomes at the same millisecond are a data error).
 */
export const DECIDING_RANK: Readonly<Record<CallStatus, number>> = {
  'in-progress': 0,
  'no-answer': 1,
  busy: 2,
  canceled: 3,
  failed: 4,
  completed: 5,
};

/** The inverse of DECIDING_RANK: index = rank. */
export const STATUS_BY_DECIDING_RANK: readonly CallStatus[] = ['in-progress', 'no-answer', 'busy', 'canceled', 'failed', 'completed'];

/** True when an attempt (at, rank) decides over the current deciding attempt (currentAt, currentRank). */
export function decidesOver(at: number, rank: number, currentAt: number, currentRank: number): boolean {
  return at > currentAt || (at === currentAt && rank > currentRank);
}

/**
 * Folds one contact's attempts into its row. The latest attempt by `at` decides the final status, except that a
 * contact answered on any attempt is `completed`: it was reached, whatever a stray later record says. Throws on
 * an empty list (a contact exists only through its attempts).
 */
export function foldContact(attempts: readonly ContactAttempt[]): FoldedContact {
  const first = attempts[0];
  if (first === undefined) throw new Error('foldContact needs at least one attempt');

  let deciding = first;
  let latestCompleted: ContactAttempt | null = null;
  let firstCallAt = first.at;
  let lastCallAt = first.at;
  let named: ContactAttempt | null = null;

  for (const attempt of attempts) {
    if (attempt.at < firstCallAt) firstCallAt = attempt.at;
    if (attempt.at > lastCallAt) lastCallAt = attempt.at;
    if (beats(attempt, deciding)) deciding = attempt;
    if (attempt.status === 'completed' && (latestCompleted === null || beats(attempt, latestCompleted))) {
      latestCompleted = attempt;
    }
    // The most recent name wins (a list can be re-uploaded with a corrected name); ties go to the larger string.
    if (attempt.name !== null && (named === null || beatsForName(attempt, named))) named = attempt;
  }

  const decidingAttempt = latestCompleted ?? deciding;
  return {
    finalStatus: decidingAttempt.status,
    attempts: attempts.length,
    lastDurationSec: decidingAttempt.durationSec,
    firstCallAt,
    lastCallAt,
    name: named?.name ?? null,
  };
}

/** Total order on attempts, so that the fold never depends on which of two equal-time attempts came first. */
function beats(a: ContactAttempt, b: ContactAttempt): boolean {
  if (a.at !== b.at) return a.at > b.at;
  const rankA = DECIDING_RANK[a.status];
  const rankB = DECIDING_RANK[b.status];
  if (rankA !== rankB) return rankA > rankB;
  // Same instant and status: prefer the record that knows a duration, then the longer one.
  return (a.durationSec ?? -1) > (b.durationSec ?? -1);
}

function beatsForName(a: ContactAttempt, b: ContactAttempt): boolean {
  if (a.at !== b.at) return a.at > b.at;
  return (a.name ?? '') > (b.name ?? '');
}
