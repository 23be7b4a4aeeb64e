// callboard's internal model of a campaign and of one call attempt: what the Exotel client normalises both
// dialects into, what the store keeps, and what reports are computed from.
import { z } from 'zod';
import { CALL_STATUSES } from './call-status';
import { CAMPAIGN_STATUSES } from './campaign-status';

export const retryConfigSchema = z.object({
  numberOfRetries: z.number().int().min(0).max(3),
  intervalMins: z.number().int().min(0),
  mechanism: z.enum(['Linear', 'Exponential']),
  /** Call statuses that trigger a retry, in the vocabulary of call-status.ts. */
  onStatus: z.array(z.enum(CALL_STATUSES)),
});
export type RetryConfig = z.infer<typeof retryConfigSchema>;

export const scheduleSchema = z.object({
  sendAt: z.string().nullable(),
  endAt: z.string().nullable(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

/**
 * Exotel's stats, as far as Exotel told them. Every key is optional: the API reference gives only four of them,
 * the guide seven, and real payloads may carry others (kept in `extra`). Missing counts are derived from records.
 */
export const upstreamStatsSchema = z.object({
  created: z.number().int().nonnegative().optional(),
  completed: z.number().int().nonnegative().optional(),
  failed: z.number().int().nonnegative().optional(),
  pending: z.number().int().nonnegative().optional(),
  inProgress: z.number().int().nonnegative().optional(),
  busy: z.number().int().nonnegative().optional(),
  noAnswer: z.number().int().nonnegative().optional(),
  extra: z.record(z.string(), z.number()),
});
export type UpstreamStats = z.infer<typeof upstreamStatsSchema>;

export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  stats: upstreamStatsSchema,
  callerId: z.string().nullable(),
  retries: retryConfigSchema.nullable(),
  schedule: scheduleSchema,
  dateCreated: z.string().nullable(),
  dateUpdated: z.string().nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const callRecordSchema = z.object({
  callSid: z.string(),
  campaignId: z.string(),
  /** The called number, E.164 where Exotel gave it so. */
  number: z.string(),
  name: z.string().nullable(),
  status: z.enum(CALL_STATUSES),
  dateCreated: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  durationSec: z.number().nonnegative().nullable(),
  /** Price of the attempt in pulses; null when Exotel did not say. */
  price: z.number().nonnegative().nullable(),
  /** 1 = first call. Null when Exotel did not say: then it is derived by ordering a number's records by dateCreated. */
  attemptNumber: z.number().int().positive().nullable(),
  recordingUrl: z.string().nullable(),
  digits: z.string().nullable(),
});
export type CallRecord = z.infer<typeof callRecordSchema>;
