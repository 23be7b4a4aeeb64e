// The call list turned into columns (typed arrays) in one pass: which contact each call belongs to, its status
// code, time and attempt number. Every later pass of the report reads these instead of 200,000 objects. The same
// pass applies the report's trust rules (trusted-calls.ts): a call it cannot place in time is left out, an
// impossible value is read as unknown.
import type { CallStatus } from '../call-status';
import { DECIDING_RANK, STATUS_BY_DECIDING_RANK } from '../contacts/fold-contact';
import type { ReportCall } from '../report-input';
import { ANY_TIME, trustedAttempt, trustedDurationSec, trustedPrice, type CallWindow } from './trusted-calls';

export interface CallColumns {
  /** The calls kept (those inside the report's window). */
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
  /** Calls that have ended (not in progress). */
  endedCount: number;
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

/** ORDER_RANK indexed by status code (DECIDING_RANK), for ordering columns. */
const ORDER_RANK_BY_CODE: readonly number[] = STATUS_BY_DECIDING_RANK.map((status) => ORDER_RANK[status]);

/** Flags per contact: its calls arrived out of time order (or tied); one of its calls lacks Exotel's number. */
const OUT_OF_ORDER = 1;
const NUMBER_MISSING = 2;
const NEEDS_SORT = OUT_OF_ORDER | NUMBER_MISSING;

export function toColumns(calls: readonly ReportCall[], window: CallWindow = ANY_TIME): CallColumns {
  const capacity = calls.length;
  let contactOf = new Int32Array(capacity);
  let status = new Uint8Array(capacity);
  let at = new Float64Array(capacity);
  let attempt = new Int32Array(capacity);
  let durationSec = new Float64Array(capacity);
  let price = new Float64Array(capacity);
  let firstEndedAt = Number.POSITIVE_INFINITY;
  let lastEndedAt = Number.NEGATIVE_INFINITY;
  let endedCount = 0;
  const byNumber = new Map<string, number>();
  const inProgress = CODE_IN_PROGRESS;
  const { fromMs, toMs } = window;
  // ANY_TIME keeps every call, even one without a usable time, so that column i stays call i.
  const keepAll = window === ANY_TIME;
  // Function-local copies: imported bindings are re-checked on every read.
  const readDuration = trustedDurationSec;
  const readPrice = trustedPrice;
  const readAttempt = trustedAttempt;

  // Pass 1 touches each call object once and copies what the report needs into columns.
  let size = 0;
  for (let c = 0; c < capacity; c++) {
    const call = calls[c]!;
    const t = call.at;
    if (!(t >= fromMs && t <= toMs) && !keepAll) continue;
    const i = size++;
    let contact = byNumber.get(call.number);
    if (contact === undefined) {
      contact = byNumber.size;
      byNumber.set(call.number, contact);
    }
    contactOf[i] = contact;
    const code = statusCode(call.status);
    status[i] = code;
    at[i] = t;
    durationSec[i] = readDuration(call.durationSec);
    price[i] = readPrice(call.price);
    attempt[i] = readAttempt(call.attemptNumber); // 0: not given, filled in below
    if (code !== inProgress) {
      endedCount++;
      if (t < firstEndedAt) firstEndedAt = t;
      if (t > lastEndedAt) lastEndedAt = t;
    }
  }
  if (size < capacity) {
    contactOf = contactOf.subarray(0, size);
    status = status.subarray(0, size);
    at = at.subarray(0, size);
    attempt = attempt.subarray(0, size);
    durationSec = durationSec.subarray(0, size);
    price = price.subarray(0, size);
  }
  const contactCount = byNumber.size;

  // Pass 2, columns only: a missing attempt number is the call's place among its number's calls so far, which is
  // right when they arrived in time order (as the store hands them over). A number whose calls arrived out of
  // order (or tied) is flagged and sorted afterwards.
  const seen = new Int32Array(contactCount);
  const lastAt = new Float64Array(contactCount).fill(Number.NEGATIVE_INFINITY);
  const flags = new Uint8Array(contactCount);
  const derived = new Uint8Array(size);
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
      derived[i] = 1;
      flag |= numberMissing;
    }
    flags[contact] = flag;
    if (flag === needsSortBoth) anyNeedsSort = true;
  }
  const columns: CallColumns = { size, contactCount, contactOf, status, at, attempt, durationSec, price, firstEndedAt, lastEndedAt, endedCount };
  if (anyNeedsSort) orderOutOfOrderContacts(columns, flags, derived);
  return columns;
}

/** The order of one number's calls made at the same instant (ORDER_RANK), then by duration and price; unknown first. */
function compareColumnsInOrder(columns: CallColumns, a: number, b: number): number {
  const { at, status, durationSec, price } = columns;
  const known = (value: number): number => (Number.isNaN(value) ? -1 : value);
  return (
    at[a]! - at[b]! ||
    ORDER_RANK_BY_CODE[status[a]!]! - ORDER_RANK_BY_CODE[status[b]!]! ||
    known(durationSec[a]!) - known(durationSec[b]!) ||
    known(price[a]!) - known(price[b]!)
  );
}

/** Numbers whose calls arrived out of time order (or at the same instant): sort each one's calls, a few at a time. */
function orderOutOfOrderContacts(columns: CallColumns, flags: Uint8Array, derived: Uint8Array): void {
  const { contactOf, contactCount, attempt, size } = columns;
  const head = new Int32Array(contactCount).fill(-1);
  const next = new Int32Array(size);
  for (let i = size - 1; i >= 0; i--) {
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
    group.sort((a, b) => compareColumnsInOrder(columns, a, b));
    for (let place = 0; place < group.length; place++) {
      const i = group[place]!;
      if (derived[i] === 1) attempt[i] = place + 1;
    }
  }
}
