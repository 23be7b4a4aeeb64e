// The vocabulary of one call attempt's outcome, and how Exotel's many spellings map onto it.

export const CALL_STATUSES = ['completed', 'busy', 'no-answer', 'failed', 'canceled', 'in-progress'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** The outcome of an attempt that has ended; `in-progress` is the only status that can still change. */
export type FinalCallStatus = Exclude<CallStatus, 'in-progress'>;

export type StatusCategory = 'success' | 'retriable' | 'terminal' | 'active';

export const STATUS_CATEGORY: Record<CallStatus, StatusCategory> = {
  completed: 'success',
  busy: 'retriable',
  'no-answer': 'retriable',
  failed: 'terminal',
  canceled: 'terminal',
  'in-progress': 'active',
};

/** Folds case, hyphens, underscores and spaces so `No_Answer`, `no-answer` and `NoAnswer` compare equal. */
export function foldKey(raw: string): string {
  return raw.toLowerCase().replace(/[-_\s]/g, '');
}

const CALL_STATUS_BY_FOLDED: Record<string, CallStatus> = {
  completed: 'completed',
  answered: 'completed',
  busy: 'busy',
  noanswer: 'no-answer',
  failed: 'failed',
  canceled: 'canceled',
  cancelled: 'canceled',
  inprogress: 'in-progress',
  ringing: 'in-progress',
  queued: 'in-progress',
  initiated: 'in-progress',
};

/** Maps any of Exotel's spellings of a call status onto the vocabulary; null when it is not a call status. */
export function parseCallStatus(raw: string): CallStatus | null {
  return CALL_STATUS_BY_FOLDED[foldKey(raw)] ?? null;
}

export function isFinalCallStatus(status: CallStatus): status is FinalCallStatus {
  return status !== 'in-progress';
}
