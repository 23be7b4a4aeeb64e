// The one rule for which outcome a contact counts under: answered, still ringing, waiting for a retry, busy, no
// answer or failed. The report's call scan and the campaigns list both count contacts through it.
import type { CallStatus } from '../call-status';
import type { RetryConfig } from '../campaign';

/** Contacts by their outcome according to the call records alone. */
export interface RecordCounts {
  contacts: number;
  completed: number;
  failed: number;
  busy: number;
  noAnswer: number;
  inProgress: number;
  /** Contacts whose last attempt failed to connect but who still have a retry coming. */
  pending: number;
}

export type ContactOutcomeKind = Exclude<keyof RecordCounts, 'contacts'>;

/** Whether a contact whose last attempt did not connect will be called again. */
export interface RetryOutlook {
  campaignActive: boolean;
  retries: RetryConfig | null;
}

/** Contacts sharing a final status and a number of attempts (the store's grouped count of its contacts). */
export interface ContactOutcome {
  status: CallStatus;
  attempts: number;
  contacts: number;
}

/**
 * The outcome of a contact whose deciding status is `status` after `attempts` attempts: a retriable outcome with
 * a retry still to come (campaign running, attempts left, status in the retry list) is pending.
 */
export function contactOutcomeOf(status: CallStatus, attempts: number, outlook: RetryOutlook): ContactOutcomeKind {
  if (status === 'completed') return 'completed';
  if (status === 'in-progress') return 'inProgress';
  const retries = outlook.retries;
  if (outlook.campaignActive && retries !== null && attempts < 1 + retries.numberOfRetries && retries.onStatus.includes(status)) {
    return 'pending';
  }
  if (status === 'busy') return 'busy';
  if (status === 'no-answer') return 'noAnswer';
  // canceled is terminal like failed (Exotel marks a force-completed campaign's leftovers failed).
  return 'failed';
}

/** Contacts by outcome from grouped contact rows, as the report's call scan counts them from the calls. */
export function countContactOutcomes(outcomes: readonly ContactOutcome[], outlook: RetryOutlook): RecordCounts {
  const counts: RecordCounts = { contacts: 0, completed: 0, failed: 0, busy: 0, noAnswer: 0, inProgress: 0, pending: 0 };
  for (const { status, attempts, contacts } of outcomes) {
    counts.contacts += contacts;
    counts[contactOutcomeOf(status, attempts, outlook)] += contacts;
  }
  return counts;
}
