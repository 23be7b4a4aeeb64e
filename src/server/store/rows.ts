// zod schemas of the rows the stores (SQLite, PostgreSQL) hand back, so that what leaves the store is checked like any other input.
import { z } from 'zod';
import { CALL_STATUSES, type CallStatus } from '../../domain/call-status';
import { CAMPAIGN_STATUSES } from '../../domain/campaign-status';
import { retryConfigSchema, upstreamStatsSchema, type Campaign } from '../../domain/campaign';
import type { StoredCall } from './merge-call';

const text = z.string();
const maybeText = z.string().nullable();
const maybeNumber = z.number().nullable();
/** A yes/no column: SQLite stores 0/1, PostgreSQL a BOOLEAN. */
const flag = z.union([z.boolean(), z.number()]).transform((value) => value === true || value === 1);

export const campaignRowSchema = z.object({
  id: text,
  name: text,
  status: z.enum(CAMPAIGN_STATUSES),
  stats_json: text,
  caller_id: maybeText,
  retries_json: maybeText,
  send_at: maybeText,
  end_at: maybeText,
  date_created: maybeText,
  date_updated: maybeText,
});
export type CampaignRow = z.infer<typeof campaignRowSchema>;

const retriesJsonSchema = retryConfigSchema.nullable();

export function campaignFromRow(raw: unknown): Campaign {
  const row = campaignRowSchema.parse(raw);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    stats: upstreamStatsSchema.parse(JSON.parse(row.stats_json)),
    callerId: row.caller_id,
    retries: row.retries_json === null ? null : retriesJsonSchema.parse(JSON.parse(row.retries_json)),
    schedule: { sendAt: row.send_at, endAt: row.end_at },
    dateCreated: row.date_created,
    dateUpdated: row.date_updated,
  };
}

export const callRowSchema = z.object({
  call_sid: text,
  campaign_id: text,
  number: text,
  name: maybeText,
  status: z.enum(CALL_STATUSES),
  status_rank: z.number().int(),
  date_created: text,
  at_ms: z.number(),
  start_time: maybeText,
  end_time: maybeText,
  duration_sec: maybeNumber,
  price: maybeNumber,
  attempt_number: maybeNumber,
  recording_url: maybeText,
  digits: maybeText,
  from_sync: flag,
  from_webhook: flag,
});

export function storedCallFromRow(raw: unknown): StoredCall {
  const row = callRowSchema.parse(raw);
  return {
    callSid: row.call_sid,
    campaignId: row.campaign_id,
    number: row.number,
    name: row.name,
    status: row.status,
    statusRank: row.status_rank,
    dateCreated: row.date_created,
    atMs: row.at_ms,
    startTime: row.start_time,
    endTime: row.end_time,
    durationSec: row.duration_sec,
    price: row.price,
    attemptNumber: row.attempt_number,
    recordingUrl: row.recording_url,
    digits: row.digits,
    fromSync: row.from_sync,
    fromWebhook: row.from_webhook,
  };
}

export const contactRowDbSchema = z.object({
  number: text,
  name: maybeText,
  final_status: z.enum(CALL_STATUSES),
  attempts: z.number().int().positive(),
  last_duration_sec: maybeNumber,
  first_call_at: z.number(),
  last_call_at: z.number(),
});

const CALL_STATUS_SET: ReadonlySet<string> = new Set(CALL_STATUSES);

/** The cheap check for hot paths (200,000 report rows), where a zod parse per row would cost more than the query. */
export function isCallStatus(value: unknown): value is CallStatus {
  return typeof value === 'string' && CALL_STATUS_SET.has(value);
}

export function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
