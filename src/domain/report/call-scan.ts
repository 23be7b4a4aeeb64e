// One pass over a campaign's call attempts that gathers everything the report derives from records: each
// contact's final outcome (as foldContact decides it), retry reach and connects, and the per-call sums behind the
// metrics. Per-contact state lives in typed arrays indexed by contact, so 200,000 calls cost a few milliseconds.
import { STATUS_BY_DECIDING_RANK } from '../contacts/fold-contact';
import { CODE_COMPLETED, type CallColumns } from './call-columns';
import type { RecordCounts, RetryOutlook } from './contact-outcome';

/** Retry rows stop here: Exotel allows at most 3 retries, so anything beyond is bad data, not a table. */
export const MAX_ATTEMPT_ROWS = 20;

export interface CallScan {
  records: RecordCounts;
  contactsConnected: number;
  /** Contacts with an attempt 2 or later. */
  contactsRetried: number;
  /** Contacts answered on attempt 2 or later. */
  contactsConnectedOnRetry: number;
  /** Index k-1: contacts that reached attempt k (a record of attempt k or later exists). */
  contactsReachingAttempt: number[];
  /** Index k-1: contacts whose attempt k was answered. */
  connectedAtAttempt: number[];
  completedCalls: number;
  completedCallsWithDuration: number;
  completedDurationSec: number;
  completedAttemptSum: number;
  totalPrice: number;
  pricedCalls: number;
}

export function scanCalls(columns: CallColumns, outlook: RetryOutlook): CallScan {
  const n = columns.contactCount;
  const maxAttempt = new Int32Array(n);
  const decidingAt = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const decidingRank = new Int8Array(n).fill(-1);
  // Bit k-1 set: attempt k of this contact was answered.
  const connectedMask = new Int32Array(n);

  // Per-call sums in locals: the hot loop runs 200,000 times.
  let totalPrice = 0;
  let pricedCalls = 0;
  let completedCalls = 0;
  let completedAttemptSum = 0;
  let completedDurationSec = 0;
  let completedCallsWithDuration = 0;
  const { contactOf, attempt: attempts, at: times, status, price: prices, durationSec: durations } = columns;
  // Function-local copies: imported bindings are re-checked on every read, which costs more than the loop body.
  const completedCode = CODE_COMPLETED;
  const maxRow = MAX_ATTEMPT_ROWS;
  for (let i = 0; i < columns.size; i++) {
    const contact = contactOf[i]!;
    const attempt = attempts[i]!;
    const at = times[i]!;
    const rank = status[i]!;
    const row = attempt < 1 ? 1 : attempt > maxRow ? maxRow : attempt;
    if (row > maxAttempt[contact]!) maxAttempt[contact] = row;
    // decidesOver (fold-contact.ts), inlined for the same reason.
    const currentAt = decidingAt[contact]!;
    if (at > currentAt || (at === currentAt && rank > decidingRank[contact]!)) {
      decidingAt[contact] = at;
      decidingRank[contact] = rank;
    }
    const price = prices[i]!;
    if (!Number.isNaN(price)) {
      totalPrice += price;
      pricedCalls++;
    }
    if (rank === completedCode) {
      connectedMask[contact]! |= 1 << (row - 1);
      completedCalls++;
      completedAttemptSum += attempt;
      const durationSec = durations[i]!;
      if (!Number.isNaN(durationSec)) {
        completedDurationSec += durationSec;
        completedCallsWithDuration++;
      }
    }
  }
  const scan: CallScan = {
    records: { contacts: n, completed: 0, failed: 0, busy: 0, noAnswer: 0, inProgress: 0, pending: 0 },
    contactsConnected: 0,
    contactsRetried: 0,
    contactsConnectedOnRetry: 0,
    contactsReachingAttempt: [],
    connectedAtAttempt: [],
    completedCalls,
    completedCallsWithDuration,
    completedDurationSec,
    completedAttemptSum,
    totalPrice,
    pricedCalls,
  };

  const reaching = new Array<number>(MAX_ATTEMPT_ROWS + 1).fill(0);
  const connectedAt = new Array<number>(MAX_ATTEMPT_ROWS).fill(0);
  let deepest = 0;
  const records = scan.records;
  const retries = outlook.retries;
  const maxAttempts = retries === null ? 1 : 1 + retries.numberOfRetries;
  for (let contact = 0; contact < n; contact++) {
    const reached = maxAttempt[contact]!;
    reaching[reached]!++;
    if (reached > deepest) deepest = reached;
    if (reached >= 2) scan.contactsRetried++;
    const mask = connectedMask[contact]!;
    if (mask !== 0) {
      scan.contactsConnected++;
      records.completed++;
      if ((mask & ~1) !== 0) scan.contactsConnectedOnRetry++;
      for (let rest = mask; rest !== 0; rest &= rest - 1) connectedAt[31 - Math.clz32(rest & -rest)]!++;
      continue;
    }
    // contactOutcomeOf (contact-outcome.ts), inlined: a call per contact costs ~1 ms at 100,000 contacts.
    // contact-outcome.test.ts holds this copy to that definition.
    const status = STATUS_BY_DECIDING_RANK[decidingRank[contact]!]!;
    if (status === 'in-progress') records.inProgress++;
    else if (outlook.campaignActive && retries !== null && reached < maxAttempts && retries.onStatus.includes(status)) records.pending++;
    else if (status === 'busy') records.busy++;
    else if (status === 'no-answer') records.noAnswer++;
    else records.failed++;
  }

  // Contacts that reached attempt k: a record of attempt k or later proves attempt k happened, even if its own
  // record is missing, so rows never grow with k.
  let atOrBeyond = 0;
  const contactsReachingAttempt = new Array<number>(deepest).fill(0);
  for (let k = MAX_ATTEMPT_ROWS; k >= 1; k--) {
    atOrBeyond += reaching[k]!;
    if (k <= deepest) contactsReachingAttempt[k - 1] = atOrBeyond;
  }
  scan.contactsReachingAttempt = contactsReachingAttempt;
  scan.connectedAtAttempt = connectedAt.slice(0, deepest);
  return scan;
}
