// The campaign model: given a campaign's settings it plans every call attempt up front (who is dialled when, the
// outcome, duration and price), deterministically from a seed. Any instant's view (stats, ended records, the
// webhooks that became due) is then read off the plan, so advancing the clock never re-simulates anything.
import { hexIdAt, mulberry32, pickOne, type Rng } from './random';
import { istHour, istIso } from './time';

/** Outcomes of an attempt that has ended, as Exotel's call-details spell them. */
export type AttemptStatus = 'completed' | 'busy' | 'no-answer' | 'failed';
export const ATTEMPT_STATUSES: readonly AttemptStatus[] = ['completed', 'busy', 'no-answer', 'failed'];

export type CampaignLifecycle = 'Created' | 'InProgress' | 'Paused' | 'Completed';

export interface RetrySettings {
  numberOfRetries: number; // 0-3
  intervalMins: number;
  mechanism: 'Linear' | 'Exponential';
  onStatus: AttemptStatus[];
}

/** Odds of an attempt's outcome, varying with the attempt number and the hour of day in IST. */
export interface OutcomeOdds {
  kind: 'odds';
  /** Chance an attempt connects at an average hour on the first attempt. */
  connect: number;
  /** Multiplier of `connect` per attempt number (index 0 = first attempt; the last entry repeats). */
  attemptFactor: number[];
  /** How the unconnected attempts split; normalised. */
  busy: number;
  noAnswer: number;
  failed: number;
}

/** Scripted outcomes: the status of each attempt of each contact, in order (used to reproduce the seed example). */
export interface OutcomeScript {
  kind: 'script';
  statuses: AttemptStatus[][];
}

export interface Contact {
  number: string;
  name: string;
  metadata: Record<string, string>;
}

export interface CampaignSpec {
  id: string;
  name: string;
  callerId: string;
  contacts: Contact[];
  /** Calls dialled per minute at most (Exotel's throttle). */
  callRatePerMin: number;
  /** Calls active at once at most. */
  concurrency: number;
  retries: RetrySettings | null;
  createdAt: number;
  sendAt: number;
  endAt: number | null;
  /** The campaign is paused here (dialling stops; calls in flight finish). */
  pauseAt: number | null;
  /** Force-complete (only from Paused): contacts not yet final become failed. */
  forceCompleteAt: number | null;
  outcomes: OutcomeOdds | OutcomeScript;
  /** Seeds this campaign's own random stream, so campaigns can be generated lazily in any order. */
  seed: number;
  recordingBaseUrl: string;
}

/** One call attempt as the simulator knows it (ground truth; the wire shapes are made from this). */
export interface SimCallRecord {
  readonly callSid: string;
  readonly campaignId: string;
  readonly number: string;
  readonly name: string;
  readonly status: AttemptStatus;
  readonly attemptNumber: number;
  /** Epoch ms: dialled (date_created and start_time) and ended (end_time). */
  readonly dialAt: number;
  readonly endAt: number;
  readonly dateCreated: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly durationSec: number;
  /** Pulses billed. */
  readonly price: number;
  readonly recordingUrl: string;
  readonly digits: string;
  readonly contactIndex: number;
}

/**
 * Attempts are planned by the hundred thousand, so the derived strings (sid, timestamps, recording URL) are made
 * only when someone reads them.
 */
class PlannedCall implements SimCallRecord {
  private sid: string | undefined;
  constructor(
    private readonly spec: CampaignSpec,
    private readonly position: number,
    readonly status: AttemptStatus,
    readonly attemptNumber: number,
    readonly dialAt: number,
    readonly endAt: number,
    readonly durationSec: number,
    readonly price: number,
    readonly digits: string,
    readonly contactIndex: number,
  ) {}
  get callSid(): string {
    this.sid ??= hexIdAt(this.spec.seed, this.position);
    return this.sid;
  }
  get campaignId(): string {
    return this.spec.id;
  }
  get number(): string {
    return this.spec.contacts[this.contactIndex]!.number;
  }
  get name(): string {
    return this.spec.contacts[this.contactIndex]!.name;
  }
  get dateCreated(): string {
    return istIso(this.dialAt);
  }
  /** Exotel's start_time: the dial instant, like date_created. */
  get startTime(): string {
    return this.dateCreated;
  }
  get endTime(): string {
    return istIso(this.endAt);
  }
  get recordingUrl(): string {
    return this.status === 'completed' ? `${this.spec.recordingBaseUrl}/${this.callSid}.mp3` : '';
  }
  /** Plain data, so test assertions (toEqual) compare values rather than getters. */
  toJSON(): SimCallRecord {
    const { callSid, campaignId, number, name, status, attemptNumber, dialAt, endAt, dateCreated, startTime, endTime, durationSec, price, recordingUrl, digits, contactIndex } = this;
    return { callSid, campaignId, number, name, status, attemptNumber, dialAt, endAt, dateCreated, startTime, endTime, durationSec, price, recordingUrl, digits, contactIndex };
  }
}

export interface ContactOutcome {
  /** Indices into plan.attempts, in attempt order. */
  attempts: number[];
  /** When every attempt is done (the call-schedule webhook); Infinity while it can still be dialled. */
  finalAt: number;
  finalStatus: AttemptStatus | null;
}

export interface Transition {
  at: number;
  status: CampaignLifecycle;
}

export interface CampaignPlan {
  spec: CampaignSpec;
  /** Every attempt, in dial order (which is date_created ascending). */
  attempts: SimCallRecord[];
  contacts: ContactOutcome[];
  /** Lifecycle after Created, in time order. */
  transitions: Transition[];
  /** The instant after which nothing changes any more. */
  settledAt: number;
}

export interface Stats {
  created: number;
  completed: number;
  failed: number;
  pending: number;
  inProgress: number;
  busy: number;
  noAnswer: number;
  /** Of `pending`, the contacts already dialled and waiting for a retry (the reference dialect's `retrying`). */
  retrying: number;
}

// Connect odds by IST hour: poor at night, best mid-morning and early evening.
const HOUR_FACTOR = [
  0.35, 0.3, 0.3, 0.3, 0.35, 0.45, 0.6, 0.8, 0.95, 1.1, 1.15, 1.1, 1.0, 0.9, 0.95, 1.0, 1.05, 1.15, 1.2, 1.15, 1.0, 0.85, 0.6, 0.45,
];

/** Minimal binary heap keyed by (time, tiebreak): the dialling queue and the set of active calls. */
class MinHeap<T> {
  private items: Array<{ at: number; order: number; value: T }> = [];
  get size(): number {
    return this.items.length;
  }
  peek(): { at: number; order: number; value: T } | undefined {
    return this.items[0];
  }
  push(at: number, order: number, value: T): void {
    const items = this.items;
    items.push({ at, order, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      const c = items[i]!;
      if (p.at < c.at || (p.at === c.at && p.order <= c.order)) break;
      items[parent] = c;
      items[i] = p;
      i = parent;
    }
  }
  pop(): { at: number; order: number; value: T } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && less(items[l]!, items[m]!)) m = l;
      if (r < items.length && less(items[r]!, items[m]!)) m = r;
      if (m === i) break;
      const a = items[i]!;
      items[i] = items[m]!;
      items[m] = a;
      i = m;
    }
    return top;
  }
}
function less(a: { at: number; order: number }, b: { at: number; order: number }): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}

/** Wait before retry number `retry` (1 = first retry): the interval, doubling each time when Exponential. */
export function retryDelayMs(retries: RetrySettings, retry: number): number {
  const factor = retries.mechanism === 'Exponential' ? 2 ** (retry - 1) : 1;
  return retries.intervalMins * factor * 60_000;
}

function drawStatus(odds: OutcomeOdds, attemptNumber: number, dialAt: number, rng: Rng): AttemptStatus {
  const factor = odds.attemptFactor[Math.min(attemptNumber, odds.attemptFactor.length) - 1] ?? 1;
  const connect = Math.min(0.97, odds.connect * factor * (HOUR_FACTOR[istHour(dialAt)] ?? 1));
  const roll = rng();
  if (roll < connect) return 'completed';
  const rest = (roll - connect) / (1 - connect);
  const total = odds.busy + odds.noAnswer + odds.failed || 1;
  if (rest < odds.busy / total) return 'busy';
  if (rest < (odds.busy + odds.noAnswer) / total) return 'no-answer';
  return 'failed';
}

const DIGITS = ['1', '1', '2', '', '9'];

/** Seconds of ringing/talking for an outcome, and the pulses billed (one pulse per started minute when answered). */
function drawCall(status: AttemptStatus, rng: Rng): { ringSec: number; talkSec: number; price: number } {
  switch (status) {
    case 'completed': {
      // Skewed towards short IVR calls, with a long tail of conversations.
      const talkSec = Math.max(5, Math.round(15 + 180 * rng() * rng() + 20 * rng()));
      return { ringSec: 4 + Math.floor(rng() * 16), talkSec, price: Math.max(1, Math.ceil(talkSec / 60)) };
    }
    case 'no-answer':
      return { ringSec: 30 + Math.floor(rng() * 16), talkSec: 0, price: rng() < 0.4 ? 1 : 0 };
    case 'busy':
      return { ringSec: 2 + Math.floor(rng() * 6), talkSec: 0, price: 0 };
    case 'failed':
      return { ringSec: 1 + Math.floor(rng() * 3), talkSec: 0, price: 0 };
  }
}

/**
 * Plans a campaign: a queue dialler that starts at send_at, dials at most `callRatePerMin` calls a minute with at
 * most `concurrency` active, queues retries at end + interval, and stops at pause / end_at / force-complete.
 */
export function planCampaign(spec: CampaignSpec): CampaignPlan {
  const rng = mulberry32(spec.seed);
  const gap = 60_000 / Math.max(spec.callRatePerMin, 1e-6);
  const stopAt = Math.min(spec.pauseAt ?? Infinity, spec.endAt ?? Infinity, spec.forceCompleteAt ?? Infinity);
  const contacts: ContactOutcome[] = spec.contacts.map(() => ({ attempts: [], finalAt: Infinity, finalStatus: null }));
  const attempts: SimCallRecord[] = [];
  // First attempts go out in list order; a retry that has come due takes the next free slot before them.
  const retryQueue = new MinHeap<{ contact: number; attemptNumber: number }>();
  let nextFirst = 0;
  const active = new MinHeap<null>();
  let nextSlot = spec.sendAt;
  let order = 0;

  for (;;) {
    const dueRetry = retryQueue.peek();
    let t: number;
    if (nextFirst < spec.contacts.length) t = Math.max(spec.sendAt, nextSlot);
    else if (dueRetry) t = Math.max(dueRetry.at, nextSlot);
    else break;
    while (active.size > 0 && active.peek()!.at <= t) active.pop();
    if (active.size >= Math.max(1, spec.concurrency)) {
      t = Math.max(t, active.pop()!.at);
      while (active.size > 0 && active.peek()!.at <= t) active.pop();
    }
    if (t >= stopAt) break;
    const retry = retryQueue.peek();
    const next = retry && retry.at <= t ? retryQueue.pop()! : { value: { contact: nextFirst++, attemptNumber: 1 } };
    const { contact, attemptNumber } = next.value;
    const status =
      spec.outcomes.kind === 'script'
        ? (spec.outcomes.statuses[contact]?.[attemptNumber - 1] ?? 'failed')
        : drawStatus(spec.outcomes, attemptNumber, t, rng);
    const call = drawCall(status, rng);
    const dialAt = Math.round(t);
    const endAt = dialAt + (call.ringSec + call.talkSec) * 1000;
    const index = attempts.length;
    const digits = status === 'completed' ? pickOne(rng, DIGITS) : '';
    attempts.push(new PlannedCall(spec, index, status, attemptNumber, dialAt, endAt, call.talkSec, call.price, digits, contact));
    const outcome = contacts[contact]!;
    outcome.attempts.push(index);
    active.push(endAt, index, null);
    nextSlot = t + gap;
    const retries = spec.retries;
    if (status !== 'completed' && retries && attemptNumber <= retries.numberOfRetries && retries.onStatus.includes(status)) {
      retryQueue.push(endAt + retryDelayMs(retries, attemptNumber), order++, { contact, attemptNumber: attemptNumber + 1 });
    } else {
      outcome.finalAt = endAt;
      outcome.finalStatus = status;
    }
  }

  // Force-complete: whatever could still be dialled is failed, once the calls in flight have ended.
  if (spec.forceCompleteAt !== null) {
    for (const outcome of contacts) {
      if (outcome.finalStatus !== null) continue;
      const last = outcome.attempts.at(-1);
      const lastEnd = last === undefined ? 0 : attempts[last]!.endAt;
      outcome.finalAt = Math.max(spec.forceCompleteAt, lastEnd);
      outcome.finalStatus = 'failed';
    }
  }

  let lastEnd = spec.sendAt;
  for (const a of attempts) lastEnd = Math.max(lastEnd, a.endAt);
  const allFinal = contacts.every((c) => c.finalStatus !== null);
  const transitions: Transition[] = [{ at: spec.sendAt, status: 'InProgress' }];
  let finishedAt = -Infinity;
  for (const c of contacts) if (c.finalStatus !== null) finishedAt = Math.max(finishedAt, c.finalAt);
  const pausedAt = Math.min(spec.pauseAt ?? Infinity, spec.endAt ?? Infinity);
  if (allFinal && spec.forceCompleteAt === null) {
    transitions.push({ at: Math.max(finishedAt, spec.sendAt), status: 'Completed' });
  } else {
    if (pausedAt < Infinity) transitions.push({ at: Math.max(pausedAt, spec.sendAt), status: 'Paused' });
    if (spec.forceCompleteAt !== null) transitions.push({ at: Math.max(spec.forceCompleteAt, spec.sendAt), status: 'Completed' });
  }
  const settledAt = Math.max(lastEnd, ...transitions.map((tr) => tr.at), allFinal ? finishedAt : -Infinity);
  return { spec, attempts, contacts, transitions, settledAt };
}

/** The campaign's lifecycle status at an instant. */
export function statusAt(plan: CampaignPlan, now: number): CampaignLifecycle {
  let status: CampaignLifecycle = 'Created';
  for (const tr of plan.transitions) if (tr.at <= now) status = tr.status;
  return status;
}

/**
 * Stats at an instant, per contact: active call -> in progress; answered -> completed; all attempts done -> the last
 * attempt's status (or failed when force-completed); otherwise pending (not dialled yet, or waiting for a retry).
 */
export function statsAt(plan: CampaignPlan, now: number): Stats {
  const stats: Stats = { created: plan.contacts.length, completed: 0, failed: 0, pending: 0, inProgress: 0, busy: 0, noAnswer: 0, retrying: 0 };
  const { attempts } = plan;
  for (const contact of plan.contacts) {
    if (contact.finalAt <= now) {
      countFinal(stats, contact.finalStatus ?? 'failed');
      continue;
    }
    let state: 'pending' | 'active' | 'retrying' = 'pending';
    for (let i = contact.attempts.length - 1; i >= 0; i--) {
      const a = attempts[contact.attempts[i]!]!;
      if (a.dialAt > now) continue;
      state = a.endAt > now ? 'active' : 'retrying';
      break;
    }
    if (state === 'active') stats.inProgress++;
    else {
      stats.pending++;
      if (state === 'retrying') stats.retrying++;
    }
  }
  return stats;
}

function countFinal(stats: Stats, status: AttemptStatus): void {
  if (status === 'completed') stats.completed++;
  else if (status === 'busy') stats.busy++;
  else if (status === 'no-answer') stats.noAnswer++;
  else stats.failed++;
}
