// "Why is nothing happening?": when a campaign that can still dial has contacts pending and no call is being made,
// the reasons callboard can see, in words for a campaign manager: paused, past end_at (Exotel pauses there and leaves
// contacts pending), not started yet, every pending contact waiting for its retry interval, or Exotel unreachable.
import type { Diagnosis, Stats, Upstream } from '../api-schemas';
import type { Campaign, RetryConfig } from '../campaign';
import { isCampaignActive } from '../campaign-status';
import { STATUS_BY_DECIDING_RANK } from '../contacts/fold-contact';
import { msOfIso } from '../instant';
import { CODE_COMPLETED, type CallColumns } from './call-columns';
import { formatCount } from './format';

/** No new call for this long, with contacts pending and none on a call, is a stall worth explaining. */
export const STALL_AFTER_MS = 10 * 60_000;

export interface DiagnosisInput {
  campaign: Campaign;
  stats: Stats;
  columns: CallColumns;
  upstream: Upstream;
  nowMs: number;
  /** The campaign zone's UTC offset, for the times in messages. */
  offsetMinutes: number;
}

const NOT_STALLED: Diagnosis = { stalled: false, reasons: [] };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "15 Jan 18:00" on the campaign's wall clock. */
export function wallClock(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${hh}:${mm}`;
}

/** Wait before retry number `retry` (1 = first retry): the interval, doubling each time when Exponential. */
export function retryDelayMs(retries: RetryConfig, retry: number): number {
  return retries.intervalMins * (retries.mechanism === 'Exponential' ? 2 ** (retry - 1) : 1) * 60_000;
}

interface RetryWait {
  /** Contacts the records show waiting for a retry that is not due yet. */
  waiting: number;
  /** Contacts whose retry is already due (and so could be dialled now). */
  due: number;
  nextDueMs: number;
  lastCallMs: number;
}

/** Per contact: its last attempt, and whether the records leave it waiting for a retry; one pass, run only for a stall. */
function retryWait(columns: CallColumns, retries: RetryConfig | null, nowMs: number): RetryWait {
  const n = columns.contactCount;
  const lastAt = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const lastEndMs = new Float64Array(n);
  const lastCode = new Int8Array(n);
  const lastAttempt = new Int32Array(n);
  const connected = new Uint8Array(n);
  let lastCallMs = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < columns.size; i++) {
    const contact = columns.contactOf[i]!;
    const at = columns.at[i]!;
    if (at > lastCallMs) lastCallMs = at;
    if (columns.status[i] === CODE_COMPLETED) connected[contact] = 1;
    if (at >= lastAt[contact]!) {
      lastAt[contact] = at;
      const duration = columns.durationSec[i]!;
      lastEndMs[contact] = at + (Number.isNaN(duration) ? 0 : duration * 1000);
      lastCode[contact] = columns.status[i]!;
      lastAttempt[contact] = columns.attempt[i]!;
    }
  }
  const wait: RetryWait = { waiting: 0, due: 0, nextDueMs: Number.POSITIVE_INFINITY, lastCallMs };
  if (retries === null) return wait;
  for (let contact = 0; contact < n; contact++) {
    if (connected[contact] === 1) continue;
    const status = STATUS_BY_DECIDING_RANK[lastCode[contact]!]!;
    const attempt = lastAttempt[contact]!;
    if (attempt > retries.numberOfRetries || !retries.onStatus.includes(status)) continue;
    const dueMs = lastEndMs[contact]! + retryDelayMs(retries, attempt);
    if (dueMs > nowMs) {
      wait.waiting++;
      if (dueMs < wait.nextDueMs) wait.nextDueMs = dueMs;
    } else {
      wait.due++;
    }
  }
  return wait;
}

export function diagnose(input: DiagnosisInput): Diagnosis {
  const { campaign, stats, columns, upstream, nowMs, offsetMinutes } = input;
  if (stats.pending === 0 || !isCampaignActive(campaign.status)) return NOT_STALLED;
  const at = (ms: number): string => wallClock(ms, offsetMinutes);
  const pending = `${formatCount(stats.pending)} ${stats.pending === 1 ? 'contact is' : 'contacts are'} still pending`;
  const reasons: Diagnosis['reasons'] = [];

  // Reasons that stop dialling whatever the calls show.
  const sendAt = msOfIso(campaign.schedule.sendAt);
  const endAt = msOfIso(campaign.schedule.endAt);
  const endAtReached = endAt !== null && nowMs >= endAt;
  // Exotel pauses a campaign at end_at: then the end time is the reason, not a manager's pause.
  if (campaign.status === 'paused' && !endAtReached) {
    reasons.push({ code: 'paused', message: `The campaign is paused, so Exotel is not dialling; ${pending}. Resume it in Exotel to continue.` });
  }
  if (endAt !== null && endAtReached) {
    reasons.push({
      code: 'end-at-reached',
      message: `The campaign's end time (${at(endAt)}) has passed: Exotel stops dialling there and leaves contacts pending, so ${pending}. Extend end_at in Exotel to reach them.`,
    });
  }
  if (sendAt !== null && nowMs < sendAt) {
    reasons.push({ code: 'outside-window', message: `The campaign is scheduled to start at ${at(sendAt)}; no calls are made before then.` });
  }
  if (reasons.length > 0) return { stalled: true, reasons };

  if (stats.inProgress > 0) return NOT_STALLED;
  const wait = retryWait(columns, campaign.retries, nowMs);
  if (wait.lastCallMs !== Number.NEGATIVE_INFINITY && nowMs - wait.lastCallMs < STALL_AFTER_MS) return NOT_STALLED;

  if (upstream.state === 'down' || upstream.state === 'rate-limited') {
    reasons.push({
      code: 'upstream-unreachable',
      message:
        upstream.state === 'down'
          ? 'callboard cannot reach Exotel right now, so calls made since may not be shown yet.'
          : 'Exotel is limiting how often callboard may read, so calls made since may not be shown yet.',
    });
  }
  // Every pending contact accounted for by a retry not due yet: nothing is wrong, the interval is running.
  if (wait.waiting > 0 && wait.due === 0 && wait.waiting >= stats.pending) {
    reasons.push({
      code: 'waiting-for-retry',
      message: `Every pending contact is waiting for its retry interval (${campaign.retries?.intervalMins ?? 0} min); the next retry is due at about ${at(wait.nextDueMs)}.`,
    });
  }
  if (reasons.length === 0) {
    const last = wait.lastCallMs === Number.NEGATIVE_INFINITY ? 'No call has been made yet' : `No call since ${at(wait.lastCallMs)}`;
    reasons.push({
      code: 'unknown',
      message: `${last} although ${pending}, and callboard cannot see why. Check the campaign in Exotel (schedule, caller ID, account balance).`,
    });
  }
  return { stalled: true, reasons };
}
