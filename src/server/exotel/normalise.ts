// Exotel's two documented dialects (snake_case API reference, PascalCase-ish guide) and their variants, folded into
// callboard's internal model. Keys and values are read by dialect.ts (the one home of those rules, shared with the
// webhook parser); a record that still cannot be understood, or holds an impossible value, comes back as a problem.
import { z } from 'zod';
import { foldKey, parseCallStatus } from '../../domain/call-status';
import { isPlausibleCount, MAX_STAT_COUNT, SCHEDULE_SLACK_MS } from '../../domain/value-bounds';
import { foldRecord, nonNegative, pick, readAttempt, readDate, readDuration, readPrice, text, wireNumber } from './dialect';
import type { Folded } from './dialect';
import { parseCampaignStatus } from '../../domain/campaign-status';
import type { Campaign, CallRecord, RetryConfig, UpstreamStats } from '../../domain/campaign';
import type { CallStatus } from '../../domain/call-status';

const looseObject = z.record(z.string(), z.unknown());

/** The list envelope both dialects share: `{ request_id, http_code, metadata, response }`. */
export const envelopeSchema = z.object({
  request_id: z.string().nullish(),
  http_code: z.number().nullish(),
  metadata: z
    .object({
      count: z.coerce.number().int().nonnegative().nullish(),
      offset: z.coerce.number().int().nonnegative().nullish(),
      total: z.coerce.number().int().nonnegative().nullish(),
      limit: z.coerce.number().int().nonnegative().nullish(),
    })
    .nullish(),
  response: z.union([z.array(z.unknown()), looseObject]).nullish(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** Items of an envelope's `response`, as a list (a single object counts as a one-item list). */
export function responseItems(envelope: Envelope): unknown[] {
  const response = envelope.response;
  if (response === null || response === undefined) return [];
  return Array.isArray(response) ? response : [response];
}

const wrapperSchema = z.object({
  code: z.number().nullish(),
  status: z.string().nullish(),
  data: z.unknown(),
  error_data: z.looseObject({ description: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

/**
 * An item may be bare or wrapped `{ code, status, data, error_data }`. Returns the bare object, or the wrapper's
 * error description when the item is an error; null when it is neither.
 */
export function unwrapItem(item: unknown): { data: Record<string, unknown> } | { error: string } | null {
  const bare = looseObject.safeParse(item);
  if (!bare.success) return null;
  const looksWrapped = 'data' in bare.data && ('code' in bare.data || 'error_data' in bare.data);
  if (!looksWrapped) return { data: bare.data };
  const wrapper = wrapperSchema.safeParse(bare.data);
  if (!wrapper.success) return null;
  const data = looseObject.safeParse(wrapper.data.data);
  if (data.success) return { data: data.data };
  const error = wrapper.data.error_data;
  return { error: error?.description ?? error?.message ?? `item code ${wrapper.data.code ?? 'unknown'}` };
}

/** Why a record was skipped, for the one log line (never the whole record: it holds a phone number). */
export type RecordProblem =
  | 'not an object'
  | 'no call sid'
  | 'no number'
  | 'unknown status'
  | 'no date_created'
  | `${'date_created' | 'start_time' | 'end_time' | 'duration' | 'price' | 'attempt_number'} out of bounds`;

export type NormalisedCall = { ok: true; record: CallRecord } | { ok: false; problem: RecordProblem; callSid: string | null; number: string | null };

/**
 * One call-details row of either dialect. `campaignId` comes from the URL that was read; `nowMs` (the upstream's
 * clock) bounds its dates.
 */
export function normaliseCallRecord(item: unknown, campaignId: string, nowMs: number = Date.now()): NormalisedCall {
  const unwrapped = unwrapItem(item);
  if (!unwrapped || 'error' in unwrapped) return { ok: false, problem: 'not an object', callSid: null, number: null };
  const folded = foldRecord(unwrapped.data);
  const callSid = pick(folded, text, 'callsid', 'sid');
  const number = pick(folded, text, 'number', 'to');
  const fail = (problem: RecordProblem): NormalisedCall => ({ ok: false, problem, callSid, number });
  if (!callSid) return fail('no call sid');
  if (!number) return fail('no number');
  const rawStatus = pick(folded, z.string(), 'status');
  const status = rawStatus === null ? null : parseCallStatus(rawStatus);
  if (!status) return fail('unknown status');
  const dateCreated = readDate(folded, 'date_created', nowMs, ['datecreated']);
  if (!dateCreated.ok) return fail('date_created out of bounds');
  if (dateCreated.value === null) return fail('no date_created');
  // An impossible value makes the whole record unreadable (counted as malformed), never a silently dropped field.
  const startTime = readDate(folded, 'start_time', nowMs, ['starttime']);
  if (!startTime.ok) return fail('start_time out of bounds');
  const endTime = readDate(folded, 'end_time', nowMs, ['endtime']);
  if (!endTime.ok) return fail('end_time out of bounds');
  const durationSec = readDuration(folded, 'duration', 'duration');
  if (!durationSec.ok) return fail('duration out of bounds');
  const price = readPrice(folded, 'price', 'price');
  if (!price.ok) return fail('price out of bounds');
  const attemptNumber = readAttempt(folded, 'attempt_number', 'attemptnumber', 'attempt');
  if (!attemptNumber.ok) return fail('attempt_number out of bounds');
  return {
    ok: true,
    record: {
      callSid,
      campaignId,
      number,
      name: pick(folded, text, 'name'),
      status,
      dateCreated: dateCreated.value,
      startTime: startTime.value,
      endTime: endTime.value,
      durationSec: durationSec.value,
      price: price.value,
      attemptNumber: attemptNumber.value,
      recordingUrl: pick(folded, text, 'recordingurl'),
      digits: pick(folded, text, 'digits', 'digit'),
    },
  };
}

const STATS_KEY_BY_FOLDED: Record<string, keyof Omit<UpstreamStats, 'extra'>> = {
  created: 'created',
  completed: 'completed',
  failed: 'failed',
  pending: 'pending',
  inprogress: 'inProgress',
  busy: 'busy',
  noanswer: 'noAnswer',
};

export type NormalisedStats = { ok: true; stats: UpstreamStats } | { ok: false; problem: string };

/**
 * Stats are an open map of counts: known keys in any spelling, the rest kept under their own name in `extra`.
 * Two spellings of one known key (`in-progress` and `in_progress`) follow dialect.ts's rule: the first one wins.
 * A known count no campaign can have (negative, over 100 million) makes the stats a problem.
 */
export function normaliseStats(raw: unknown): NormalisedStats {
  const stats: UpstreamStats = { extra: {} };
  const object = looseObject.safeParse(raw);
  if (!object.success) return { ok: true, stats };
  let failedKey = 'failed';
  for (const [key, value] of Object.entries(object.data)) {
    const count = wireNumber.safeParse(value);
    if (!count.success) continue;
    const known = STATS_KEY_BY_FOLDED[foldKey(key)];
    if (known !== undefined && stats[known] !== undefined) continue;
    if (!isPlausibleCount(count.data)) {
      // A known count is shown and compared, so an impossible one is refused; an unknown key is just not kept.
      if (known) return { ok: false, problem: `stats.${key} is out of bounds (a count, 0 to ${MAX_STAT_COUNT})` };
      continue;
    }
    if (known && Number.isInteger(count.data)) {
      stats[known] = count.data;
      if (known === 'failed') failedKey = key;
    } else {
      stats.extra[key] = count.data;
    }
  }
  // Without busy / no-answer counts (the reference dialect), Exotel's `failed` is every contact not reached, busy
  // and unanswered ones included; callboard's `failed` excludes them. It is kept under its own name in `extra`
  // and failed, busy and no-answer are all derived from the records instead, as for the guide dialect.
  if (stats.failed !== undefined && stats.busy === undefined && stats.noAnswer === undefined) {
    stats.extra[failedKey] = stats.failed;
    delete stats.failed;
  }
  return { ok: true, stats };
}

function normaliseRetries(raw: unknown): RetryConfig | null {
  const object = looseObject.safeParse(raw);
  if (!object.success) return null;
  const folded = foldRecord(object.data);
  const retries = pick(folded, nonNegative, 'numberofretries');
  if (retries === null || !Number.isInteger(retries) || retries > 3) return null;
  const mechanism = pick(folded, z.string(), 'mechanism');
  const onStatusRaw = folded.get('onstatus');
  const onStatusList = Array.isArray(onStatusRaw) ? onStatusRaw : typeof onStatusRaw === 'string' ? onStatusRaw.split(',') : [];
  const onStatus = onStatusList
    .map((value) => (typeof value === 'string' ? parseCallStatus(value) : null))
    .filter((value): value is CallStatus => value !== null);
  const interval = pick(folded, nonNegative, 'intervalmins');
  return {
    numberOfRetries: retries,
    intervalMins: interval !== null && Number.isInteger(interval) ? interval : 0,
    mechanism: mechanism?.toLowerCase() === 'exponential' ? 'Exponential' : 'Linear',
    onStatus: [...new Set(onStatus)],
  };
}

export type NormalisedCampaign = { ok: true; campaign: Campaign } | { ok: false; problem: string; id: string | null };

/** One campaign of either dialect; `nowMs` (the upstream's clock) bounds its dates. */
export function normaliseCampaign(item: unknown, nowMs: number = Date.now()): NormalisedCampaign {
  const unwrapped = unwrapItem(item);
  if (!unwrapped) return { ok: false, problem: 'not an object', id: null };
  if ('error' in unwrapped) return { ok: false, problem: unwrapped.error, id: null };
  const folded = foldRecord(unwrapped.data);
  const id = pick(folded, text, 'id', 'sid', 'campaignsid');
  if (!id) return { ok: false, problem: 'no id', id: null };
  const rawStatus = pick(folded, z.string(), 'status');
  const status = rawStatus === null ? null : parseCampaignStatus(rawStatus);
  if (!status) return { ok: false, problem: 'unknown status', id };
  const stats = normaliseStats(folded.get('stats'));
  if (!stats.ok) return { ok: false, problem: stats.problem, id };
  const schedule = looseObject.safeParse(folded.get('schedule'));
  const scheduleFolded: Folded = schedule.success ? foldRecord(schedule.data) : new Map<string, unknown>();
  const sendAt = readDate(scheduleFolded, 'schedule.send_at', nowMs, ['sendat'], SCHEDULE_SLACK_MS);
  const endAt = readDate(scheduleFolded, 'schedule.end_at', nowMs, ['endat'], SCHEDULE_SLACK_MS);
  const dateCreated = readDate(folded, 'date_created', nowMs, ['datecreated']);
  const dateUpdated = readDate(folded, 'date_updated', nowMs, ['dateupdated']);
  for (const read of [sendAt, endAt, dateCreated, dateUpdated]) if (!read.ok) return { ok: false, problem: read.error, id };
  return {
    ok: true,
    campaign: {
      id,
      name: pick(folded, z.string(), 'name') ?? '',
      status,
      stats: stats.stats,
      callerId: pick(folded, text, 'callerid'),
      retries: normaliseRetries(folded.get('retries')),
      schedule: { sendAt: sendAt.ok ? sendAt.value : null, endAt: endAt.ok ? endAt.value : null },
      dateCreated: dateCreated.ok ? dateCreated.value : null,
      dateUpdated: dateUpdated.ok ? dateUpdated.value : null,
    },
  };
}
