// Exotel's two documented dialects (snake_case API reference, PascalCase-ish guide) and their variants, folded into
// callboard's internal model. Keys are matched after folding case, hyphens and underscores, so `call_sid`,
// `CallSid` and `call-sid` are one key; a record that still cannot be understood comes back as null.
import { z } from 'zod';
import { foldKey, parseCallStatus } from '../../domain/call-status';
import { parseCampaignStatus } from '../../domain/campaign-status';
import type { Campaign, CallRecord, RetryConfig, UpstreamStats } from '../../domain/campaign';
import type { CallStatus } from '../../domain/call-status';

const looseObject = z.record(z.string(), z.unknown());
type Folded = Map<string, unknown>;

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

function fold(record: Record<string, unknown>): Folded {
  const folded: Folded = new Map();
  for (const [key, value] of Object.entries(record)) folded.set(foldKey(key), value);
  return folded;
}

const text = z.string().trim().min(1);
/** A count or an amount, sent as a number or as a numeric string ("43", "1.500"). */
const numeric = z.union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().nonnegative());
const dateText = text.refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');

function pick<T>(folded: Folded, schema: z.ZodType<T>, ...keys: string[]): T | null {
  for (const key of keys) {
    const value = folded.get(key);
    if (value === undefined || value === null || value === '') continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** Why a record was skipped, for the one log line (never the whole record: it holds a phone number). */
export type RecordProblem = 'not an object' | 'no call sid' | 'no number' | 'unknown status' | 'no date_created';

export type NormalisedCall = { ok: true; record: CallRecord } | { ok: false; problem: RecordProblem; callSid: string | null; number: string | null };

/** One call-details row of either dialect. `campaignId` comes from the URL that was read. */
export function normaliseCallRecord(item: unknown, campaignId: string): NormalisedCall {
  const unwrapped = unwrapItem(item);
  if (!unwrapped || 'error' in unwrapped) return { ok: false, problem: 'not an object', callSid: null, number: null };
  const folded = fold(unwrapped.data);
  const callSid = pick(folded, text, 'callsid', 'sid');
  const number = pick(folded, text, 'number', 'to');
  const fail = (problem: RecordProblem): NormalisedCall => ({ ok: false, problem, callSid, number });
  if (!callSid) return fail('no call sid');
  if (!number) return fail('no number');
  const rawStatus = pick(folded, z.string(), 'status');
  const status = rawStatus === null ? null : parseCallStatus(rawStatus);
  if (!status) return fail('unknown status');
  const dateCreated = pick(folded, dateText, 'datecreated');
  if (!dateCreated) return fail('no date_created');
  const attempt = pick(folded, numeric, 'attemptnumber', 'attempt');
  return {
    ok: true,
    record: {
      callSid,
      campaignId,
      number,
      name: pick(folded, text, 'name'),
      status,
      dateCreated,
      startTime: pick(folded, dateText, 'starttime'),
      endTime: pick(folded, dateText, 'endtime'),
      durationSec: pick(folded, numeric, 'duration'),
      price: pick(folded, numeric, 'price'),
      attemptNumber: attempt !== null && Number.isInteger(attempt) && attempt >= 1 ? attempt : null,
      recordingUrl: pick(folded, text, 'recordingurl'),
      digits: pick(folded, z.union([z.string(), z.number().transform(String)]), 'digits', 'digit'),
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

/** Stats are an open map of counts: known keys in any spelling, the rest kept under their own name in `extra`. */
export function normaliseStats(raw: unknown): UpstreamStats {
  const stats: UpstreamStats = { extra: {} };
  const object = looseObject.safeParse(raw);
  if (!object.success) return stats;
  let failedKey = 'failed';
  for (const [key, value] of Object.entries(object.data)) {
    const count = numeric.safeParse(value);
    if (!count.success) continue;
    const known = STATS_KEY_BY_FOLDED[foldKey(key)];
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
  return stats;
}

function normaliseRetries(raw: unknown): RetryConfig | null {
  const object = looseObject.safeParse(raw);
  if (!object.success) return null;
  const folded = fold(object.data);
  const retries = pick(folded, numeric, 'numberofretries');
  if (retries === null || !Number.isInteger(retries) || retries > 3) return null;
  const mechanism = pick(folded, z.string(), 'mechanism');
  const onStatusRaw = folded.get('onstatus');
  const onStatusList = Array.isArray(onStatusRaw) ? onStatusRaw : typeof onStatusRaw === 'string' ? onStatusRaw.split(',') : [];
  const onStatus = onStatusList
    .map((value) => (typeof value === 'string' ? parseCallStatus(value) : null))
    .filter((value): value is CallStatus => value !== null);
  const interval = pick(folded, numeric, 'intervalmins');
  return {
    numberOfRetries: retries,
    intervalMins: interval !== null && Number.isInteger(interval) ? interval : 0,
    mechanism: mechanism?.toLowerCase() === 'exponential' ? 'Exponential' : 'Linear',
    onStatus: [...new Set(onStatus)],
  };
}

export type NormalisedCampaign = { ok: true; campaign: Campaign } | { ok: false; problem: string; id: string | null };

export function normaliseCampaign(item: unknown): NormalisedCampaign {
  const unwrapped = unwrapItem(item);
  if (!unwrapped) return { ok: false, problem: 'not an object', id: null };
  if ('error' in unwrapped) return { ok: false, problem: unwrapped.error, id: null };
  const folded = fold(unwrapped.data);
  const id = pick(folded, text, 'id', 'sid', 'campaignsid');
  if (!id) return { ok: false, problem: 'no id', id: null };
  const rawStatus = pick(folded, z.string(), 'status');
  const status = rawStatus === null ? null : parseCampaignStatus(rawStatus);
  if (!status) return { ok: false, problem: 'unknown status', id };
  const schedule = looseObject.safeParse(folded.get('schedule'));
  const scheduleFolded = schedule.success ? fold(schedule.data) : new Map<string, unknown>();
  return {
    ok: true,
    campaign: {
      id,
      name: pick(folded, z.string(), 'name') ?? '',
      status,
      stats: normaliseStats(folded.get('stats')),
      callerId: pick(folded, text, 'callerid'),
      retries: normaliseRetries(folded.get('retries')),
      schedule: { sendAt: pick(scheduleFolded, dateText, 'sendat'), endAt: pick(scheduleFolded, dateText, 'endat') },
      dateCreated: pick(folded, dateText, 'datecreated'),
      dateUpdated: pick(folded, dateText, 'dateupdated'),
    },
  };
}
