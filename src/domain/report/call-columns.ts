// The call list turned into columns (typed arrays) in one pass: which contact each call belongs to, its status
// code, time and attempt number. Every later pass of the report reads these instead of 200,000 objects.
import type { CallStatus } from '../call-status';
import { DECIDING_RANK } from '../contacts/fold-contact';
import type { ReportCall } from '../report-input';

export interface CallColumns {
  size: number;
  contactCount: number;
  /** Contact index (0..contactCount-1) of each call: calls grouped by called number. */
  contactOf: Int32Array;
  /** Each call's status as its DECIDING_RANK (in-progress 0 ... completed 5). */
  status: Uint8Array;
  at: Float64Array;
  /** 1 = first call: Exotel's attempt_number when given, else the call's place among its number's calls by time. */
  attempt: Int32Array;
  /** Seconds; NaN where unknown. */
  durationSec: Float64Array;
  /** Pulses; NaN where unknown. */
  price: Float64Array;
  /** Time span of the ended (not in-progress) calls; +Infinity / -Infinity when none has ended. */
  firstEndedAt: number;
  lastEndedAt: number;
}

export const CODE_IN_PROGRESS = DECIDING_RANK['in-progress'];
export const CODE_COMPLETED = DECIDING_RANK.completed;

/**
 * DECIDING_RANK[status], read from the first letters: strings read from SQLite are not interned, so a keyed lookup
 * or a chain of string comparisons costs several times more over 200,000 calls.
 */
export function statusCode(status: CallStatus): number {
  // Literal ranks (a test checks them against DECIDING_RANK): imported bindings cost a check on every read.
  switch (status.charCodeAt(0)) {
    case 99: // c: completed (co) or canceled (ca)
      return status.charCodeAt(1) === 111 ? 5 : 3;
    case 110: // n: no-answer
      return 1;
    case 98: // b: busy
      return 2;
    case 102: // f: failed
      return 4;
    default: // i: in-progress
      return 0;
  }
}

/** Order of one number's calls made at the same instant: final before in-progress (then fixed, for determinism). */
const ORDER_RANK: Readonly<Record<CallStatus, number>> = {
  completed: 0,
  busy: 1,
  'no-answer': 2,
  failed: 3,
  canceled: 4,
  'in-progress': 5,
};

export function compareCallsInOrder(a: ReportCall, b: ReportCall): number {
  return (
    a.at - b.at ||
    ORDER_RANK[a.status] - ORDER_RANK[b.status] ||
    (a.durationSec ?? -1) - (b.durationSec ?? -1) ||
    (a.price ?? -1) - (b.price ?? -1)
  );
}

/** Flags per contact: its calls arrived out of time order (or tied); one of its calls lacks Exotel's number. */
const OUT_OF_ORDER = 1;
const NUMBER_MISSING = 2;
const NEEDS_SORT = OUT_OF_ORDER | NUMBER_MISSING;

export function toColumns(calls: readonly ReportCall[]): CallColumns {
  const size = calls.length;
  const contactOf = new Int32Array(size);
  const status = new Uint8Array(size);
  const at = new Float64Array(size);
  const attempt = new Int32Array(size);
  const durationSec = new Float64Array(size);
  const price = new Float64Array(size);
  let firstEndedAt = Number.POSITIVE_INFINITY;
  let lastEndedAt = Number.NEGATIVE_INFINITY;
  const byNumber = new Map<string, number>();
  const inProgress = CODE_IN_PROGRESS;

  // Pass 1 touches each call object once and copies what the report needs into columns.
  for (let i = 0; i < size; i++) {
    const call = calls[i]!;
    let contact = byNumber.get(call.number);
    if (contact === undefined) {
      contact = byNumber.size;
      byNumber.set(call.number, contact);
    }
    contactOf[i] = contact;
    const code = statusCode(call.status);
    status[i] = code;
    const t = call.at;
    at[i] = t;
    durationSec[i] = call.durationSec ?? Number.NaN;
    price[i] = call.price ?? Number.NaN;
    attempt[i] = call.attemptNumber ?? 0; // 0: not given, filled in below
    if (code !== inProgress) {
      if (t < firstEndedAt) firstEndedAt = t;
      if (t > lastEndedAt) lastEndedAt = t;
    }
  }
  const contactCount = byNumber.size;

  // Pass 2, columns only: a missing attempt number is the call's place among its number's calls so far, which is
  // right when they arrived in time order (as the store hands them over). A number whose calls arrived out of
  // order (or tied) is flagged and sorted afterwards.
  const seen = new Int32Array(contactCount);
  const lastAt = new Float64Array(contactCount).fill(Number.NEGATIVE_INFINITY);
  const flags = new Uint8Array(contactCount);
  let anyNeedsSort = false;
  const outOfOrder = OUT_OF_ORDER;
  const numberMissing = NUMBER_MISSING;
  const needsSortBoth = NEEDS_SORT;
  for (let i = 0; i < size; i++) {
    const contact = contactOf[i]!;
    const t = at[i]!;
    let flag = flags[contact]!;
    if (t <= lastAt[contact]!) flag |= outOfOrder;
    else lastAt[contact] = t;
    const place = ++seen[contact]!;
    if (attempt[i] === 0) {
      attempt[i] = place;
      flag |= numberMissing;
    }
    flags[contact] = flag;
    if (flag === needsSortBoth) anyNeedsSort = true;
  }
  if (anyNeedsSort) orderOutOfOrderContacts(calls, contactOf, contactCount, flags, attempt);
  return { size, contactCount, contactOf, status, at, attempt, durationSec, price, firstEndedAt, lastEndedAt };
}

/** Numbers whose calls arrived out of time order (or at the same instant): sort each one's calls, a few at a time. */
function orderOutOfOrderContacts(
  calls: readonly ReportCall[],
  contactOf: Int32Array,
  contactCount: number,
  flags: Uint8Array,
  attempt: Int32Array,
): void {
  const head = new Int32Array(contactCount).fill(-1);
  const next = new Int32Array(calls.length);
  for (let i = calls.length - 1; i >= 0; i--) {
    const contact = contactOf[i]!;
    if (flags[contact] !== NEEDS_SORT) continue;
    next[i] = head[contact]!;
    head[contact] = i;
  }
  const group: number[] = [];
  for (let contact = 0; contact < contactCount; contact++) {
    if (flags[contact] !== NEEDS_SORT) continue;
    group.length = 0;
    for (let i = head[contact]!; i !== -1; i = next[i]!) group.push(i);
    group.sort((a, b) => compareCallsInOrder(calls[a]!, calls[b]!));
    for (let place = 0; place < group.length; place++) {
      const i = group[place]!;
      if (calls[i]!.attemptNumber === null) attempt[i] = place + 1;
    }
  }
}
