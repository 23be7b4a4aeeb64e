// callboard's own HTTP contract (docs/architecture.md), as zod schemas. The server builds these shapes and the
// browser parses every response with them. Rates are fractions 0..1, times ISO 8601 with offset, counts integers.
import { z } from 'zod';
import { CALL_STATUSES } from './call-status';
import { CAMPAIGN_STATUSES } from './campaign-status';
import { retryConfigSchema, scheduleSchema } from './campaign';

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);
const isoTime = z.string();

export const upstreamStateSchema = z.enum(['ok', 'rate-limited', 'down', 'unconfigured']);
export type UpstreamState = z.infer<typeof upstreamStateSchema>;

export const upstreamSchema = z.object({
  state: upstreamStateSchema,
  lastSuccessAt: isoTime.nullable(),
  lastError: z.string().nullable(),
});
export type Upstream = z.infer<typeof upstreamSchema>;

export const webhookHealthSchema = z.object({
  lastAt: isoTime.nullable(),
  accepted: count,
  duplicate: count,
  rejected: count,
  quarantined: count,
});
export type WebhookHealth = z.infer<typeof webhookHealthSchema>;

/** Why the last write to callboard's database failed, as a category (never a path or the driver's text). */
export const STORAGE_ERRORS = ['disk-full', 'read-only', 'io-error', 'busy', 'unavailable'] as const;
export const storageHealthSchema = z.object({
  /** `failing` from a failed write until the next write succeeds. */
  state: z.enum(['ok', 'failing']),
  /** Writes that failed since the server started. */
  failedWrites: count,
  lastError: z.enum(STORAGE_ERRORS).nullable(),
  lastFailureAt: isoTime.nullable(),
});
export type StorageHealth = z.infer<typeof storageHealthSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  mode: z.enum(['live', 'demo']),
  upstream: upstreamSchema,
  /** Exotel records that could not be understood: logged, counted, kept out of every total. */
  malformedRecords: count,
  webhooks: webhookHealthSchema,
  /** Whether writes to the database succeed (optional only so that older servers' answers still parse). */
  storage: storageHealthSchema.optional(),
  /** The running build (package version + build hash); a wallboard reloads itself once when it changes. */
  version: z.string().optional(),
  /** For a signed-in admin: which instance answered, and whether it is the one reading Exotel (the sync leader). */
  instance: z.string().optional(),
  syncLeader: z.boolean().optional(),
});
export type Health = z.infer<typeof healthSchema>;

/** The seven counts every report and campaign row carries, always complete (derived from records where Exotel is silent). */
export const statsSchema = z.object({
  created: count,
  completed: count,
  failed: count,
  pending: count,
  inProgress: count,
  busy: count,
  noAnswer: count,
});
export type Stats = z.infer<typeof statsSchema>;

export const campaignSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  stats: statsSchema,
  dateCreated: isoTime.nullable(),
  /** Contacts done (completed + failed + busy + no answer) out of created. */
  progress: z.object({ done: count, total: count }),
  connectRate: rate.nullable(),
  /** Calls started (dialled) in the last 5 minutes, divided by 5, from stored calls. Absent from older servers. */
  callsPerMinute: z.number().nonnegative().optional(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignsResponseSchema = z.object({
  campaigns: z.array(campaignSummarySchema),
  upstream: upstreamSchema,
});
export type CampaignsResponse = z.infer<typeof campaignsResponseSchema>;

/** `too-early`: the campaign is still running and too few contacts have finished to judge (see report/so-far.ts). */
export const verdictSchema = z.enum(['good', 'watch', 'bad', 'unknown', 'too-early']);
export type Verdict = z.infer<typeof verdictSchema>;

export const METRIC_NAMES = [
  'connectRate',
  'answerRate',
  'failureRate',
  'retrySuccessRate',
  'avgDurationSec',
  'costPerConnect',
  'avgAttemptsToConnect',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export const metricSchema = z.object({
  label: z.string(),
  /** How to read `value`: a fraction shown as a percentage, seconds, pulses or attempts. */
  unit: z.enum(['fraction', 'seconds', 'pulses', 'attempts']),
  value: z.number().nullable(),
  /** The healthy range, where the reporting guide gives one; either bound may be absent ("below 15%"). */
  range: z.object({ min: z.number().optional(), max: z.number().optional() }).optional(),
  verdict: verdictSchema,
  formula: z.string(),
  /**
   * What the rates divide by: `created` once nothing is pending; `finished` (contacts finished so far, shown as
   * "so far") while contacts are still pending, so a running campaign is not judged on contacts not yet dialled.
   */
  basis: z.enum(['created', 'finished']),
});
export type Metric = z.infer<typeof metricSchema>;

export const metricsSchema = z.object({
  connectRate: metricSchema,
  answerRate: metricSchema,
  failureRate: metricSchema,
  retrySuccessRate: metricSchema,
  avgDurationSec: metricSchema,
  costPerConnect: metricSchema,
  avgAttemptsToConnect: metricSchema,
});
export type Metrics = z.infer<typeof metricsSchema>;

export const BREAKDOWN_STATUSES = ['completed', 'failed', 'busy', 'no-answer', 'pending', 'in-progress'] as const;
export type BreakdownStatus = (typeof BREAKDOWN_STATUSES)[number];

export const breakdownRowSchema = z.object({
  status: z.enum(BREAKDOWN_STATUSES),
  category: z.enum(['success', 'retriable', 'terminal', 'waiting', 'active']),
  count,
  share: rate,
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const retryRowSchema = z.object({
  attempt: z.number().int().positive(),
  contacts: count,
  connected: count,
  rate,
  /** True for a retry (attempt 2+) whose connect rate is under 10%. */
  flagged: z.boolean(),
});
export type RetryRow = z.infer<typeof retryRowSchema>;

export const retriesSchema = z.object({
  rows: z.array(retryRowSchema),
  total: z.object({ contacts: count, connected: count, rate }),
  /** Advice shown when any row is flagged; null otherwise. */
  advice: z.string().nullable(),
});
export type Retries = z.infer<typeof retriesSchema>;

export const timelineBucketSchema = z.object({
  start: isoTime,
  completed: count,
  busy: count,
  noAnswer: count,
  failed: count,
  canceled: count,
});
export type TimelineBucket = z.infer<typeof timelineBucketSchema>;

export const timelineSchema = z.object({
  bucketSec: z.number().int().positive(),
  buckets: z.array(timelineBucketSchema),
});
export type Timeline = z.infer<typeof timelineSchema>;

export const dayHourCellSchema = z.object({
  /** ISO day of week in the campaign's time zone: 1 = Monday .. 7 = Sunday. */
  day: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  calls: count,
  connected: count,
  rate,
});
export type DayHourCell = z.infer<typeof dayHourCellSchema>;

export const bestTimeSchema = z.object({
  timeZone: z.string(),
  hours: z.array(z.object({ hour: z.number().int().min(0).max(23), attempts: count, connected: count, rate })),
  bestHour: z.number().int().min(0).max(23).nullable(),
  /** Connect rate by day of week and hour, all 168 cells (Monday 00 first); a cell under 20 calls is too few to judge. */
  byDayHour: z.array(dayHourCellSchema),
});
export type BestTime = z.infer<typeof bestTimeSchema>;

/** `GET /api/insight/best-time`: the day x hour grid of every campaign's calls of the last 90 days, added up. */
export const bestTimeAcrossSchema = z.object({
  timeZone: z.string(),
  windowDays: z.number().int().positive(),
  /** Start of the window (ISO 8601 with offset): calls made at or after it count. */
  since: z.string(),
  /** Campaigns with at least one call in the window. */
  campaigns: count,
  calls: count,
  byDayHour: z.array(dayHourCellSchema),
});
export type BestTimeAcross = z.infer<typeof bestTimeAcrossSchema>;

export const syncInfoSchema = z.object({
  callsSynced: count,
  /** What Exotel's metadata.total says; null before the first call-details read. */
  callsExpected: count.nullable(),
  lastPolledAt: isoTime.nullable(),
  lastWebhookAt: isoTime.nullable(),
  stale: z.boolean(),
  staleSince: isoTime.nullable(),
  upstream: upstreamSchema,
  webhooks: webhookHealthSchema,
  /** Reconciliation notes for the user: records vs stats, calls no webhook announced, and the like. */
  notes: z.array(z.string()),
});
export type SyncInfo = z.infer<typeof syncInfoSchema>;

export const reportCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  callerId: z.string().nullable(),
  retries: retryConfigSchema.nullable(),
  schedule: scheduleSchema,
  dateCreated: isoTime.nullable(),
  timeZone: z.string(),
});

const amount = z.number().nonnegative();

/** Cost in pulses (Exotel's unit) and in rupees when a price per pulse is configured. */
export const costSchema = z.object({ pulses: amount, rupees: amount.nullable() });
export type Cost = z.infer<typeof costSchema>;

export const businessSchema = z.object({
  /** `estimated`: some attempts carried no price, so their pulses were estimated from durations and the pulse length. */
  cost: costSchema.extend({ estimated: z.boolean() }),
  /** Cost over contacts connected; null before the first connect. */
  costPerConnect: costSchema.nullable(),
  /** Revenue attributed to the campaign's contacts, in rupees; null when none is known. */
  revenue: amount.nullable(),
  /** Where the revenue comes from: the uploaded contact metadata, or a figure a manager entered. */
  revenueSource: z.enum(['metadata', 'manager']).nullable(),
  /** Revenue / cost in rupees; null without revenue or without a price per pulse. */
  revenuePerCost: amount.nullable(),
  revenuePerConnect: amount.nullable(),
});
export type Business = z.infer<typeof businessSchema>;

/** The largest revenue a manager may enter (a lakh crore rupees): far above any campaign, and exact in paise. */
export const MAX_MANAGER_REVENUE_RUPEES = 1e12;

/** Rupees with at most two decimals (paise), not negative, finite: the messages are shown beside the form as they are. */
export const managerRupeesSchema = z
  .number({ error: 'Enter the revenue in rupees, as a number.' })
  .min(0, { error: 'Revenue cannot be negative.' })
  .max(MAX_MANAGER_REVENUE_RUPEES, { error: 'Revenue can be at most ₹1,00,000 crore.' })
  .refine((rupees) => Number(rupees.toFixed(2)) === rupees, { error: 'Use at most two decimals (paise).' });

/** PUT /api/campaigns/:id/revenue: a manager's figure for the campaign's revenue; null clears it. */
export const managerRevenueRequestSchema = z.strictObject({ rupees: managerRupeesSchema.nullable() });
export type ManagerRevenueRequest = z.infer<typeof managerRevenueRequestSchema>;

/** Its answer: the figure now in force (null once cleared), who entered it and when. */
export const managerRevenueResultSchema = z.object({
  revenue: z.object({ rupees: amount, setBy: z.string(), setAt: z.string() }).nullable(),
});
export type ManagerRevenueResult = z.infer<typeof managerRevenueResultSchema>;

/** The median of a metric over the account's own finished campaigns of the last 90 days. */
export const benchmarkSchema = z.object({ median: z.number().nullable(), campaigns: count });
export type Benchmark = z.infer<typeof benchmarkSchema>;
export const benchmarksSchema = z.object({
  connectRate: benchmarkSchema,
  answerRate: benchmarkSchema,
  failureRate: benchmarkSchema,
  retrySuccessRate: benchmarkSchema,
  avgDurationSec: benchmarkSchema,
  costPerConnect: benchmarkSchema,
  avgAttemptsToConnect: benchmarkSchema,
});
export type Benchmarks = z.infer<typeof benchmarksSchema>;

export const DIAGNOSIS_CODES = ['paused', 'end-at-reached', 'outside-window', 'waiting-for-retry', 'upstream-unreachable', 'unknown'] as const;
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];
export const diagnosisSchema = z.object({
  /** True when contacts are pending and nothing is being dialled. */
  stalled: z.boolean(),
  reasons: z.array(z.object({ code: z.enum(DIAGNOSIS_CODES), message: z.string() })),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export const tagRowSchema = z.object({
  tag: z.string(),
  contacts: count,
  connected: count,
  connectRate: rate.nullable(),
  answerRate: rate.nullable(),
  avgAttempts: z.number().nonnegative().nullable(),
});
export type TagRow = z.infer<typeof tagRowSchema>;

export const reportSchema = z.object({
  campaign: reportCampaignSchema,
  stats: statsSchema,
  metrics: metricsSchema,
  breakdown: z.array(breakdownRowSchema),
  retries: retriesSchema,
  timeline: timelineSchema,
  bestTime: bestTimeSchema,
  sync: syncInfoSchema,
  business: businessSchema,
  benchmarks: benchmarksSchema,
  diagnosis: diagnosisSchema,
  tags: z.array(tagRowSchema),
  generatedAt: isoTime,
});
export type Report = z.infer<typeof reportSchema>;

/**
 * GET .../report?view=wallboard: only what a wallboard shows (figures, status split, retries, throughput timeline,
 * freshness). Best time, business, benchmarks, diagnosis and tags, most of a report's bytes, are left out, so a screen
 * that refetches all day parses and keeps about a third of the bytes.
 */
export const wallboardReportSchema = reportSchema.pick({
  campaign: true,
  stats: true,
  metrics: true,
  breakdown: true,
  retries: true,
  timeline: true,
  sync: true,
  generatedAt: true,
});
export type WallboardReport = z.infer<typeof wallboardReportSchema>;
export const REPORT_VIEWS = ['full', 'wallboard'] as const;
export const reportQuerySchema = z.object({ view: z.enum(REPORT_VIEWS).default('full') });
/** What a report route answers (400) to any other `view`. */
export const REPORT_VIEW_ERROR = `view must be ${REPORT_VIEWS.join(' or ')}`;
export type ReportView = (typeof REPORT_VIEWS)[number];

/** A contact's final status: how its last call ended, or `pending` when it is known from an upload but not dialled yet. */
export const CONTACT_FINAL_STATUSES = [...CALL_STATUSES, 'pending'] as const;
export const contactFinalStatusSchema = z.enum(CONTACT_FINAL_STATUSES);
export type ContactFinalStatus = z.infer<typeof contactFinalStatusSchema>;

export const contactRowSchema = z.object({
  number: z.string(),
  name: z.string().nullable(),
  finalStatus: contactFinalStatusSchema,
  /** 0 for a pending contact. */
  attempts: z.number().int().nonnegative(),
  lastDurationSec: z.number().nonnegative().nullable(),
  /** Null for a pending contact (never called). */
  firstCallAt: isoTime.nullable(),
  lastCallAt: isoTime.nullable(),
  /** From the uploaded contact metadata (absent or empty until a sheet is uploaded). */
  email: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
  metadata: z.record(z.string(), z.string()).default({}),
});
export type ContactRow = z.infer<typeof contactRowSchema>;

export const CONTACT_SORTS = [
  'lastCallAt:desc',
  'lastCallAt:asc',
  'number:asc',
  'number:desc',
  'name:asc',
  'name:desc',
  'attempts:desc',
  'attempts:asc',
] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export const CONTACTS_MAX_LIMIT = 500;

/** Query parameters of GET /api/campaigns/:id/contacts; the server answers 400 with zod's message when they fail. */
export const contactsQuerySchema = z.object({
  q: z.string().trim().max(100).default(''),
  status: contactFinalStatusSchema.optional(),
  /** One tag from the uploaded metadata (matched without regard to case). */
  tag: z.string().trim().min(1).max(100).optional(),
  sort: z.enum(CONTACT_SORTS).default('lastCallAt:desc'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(CONTACTS_MAX_LIMIT).default(50),
});
export type ContactsQuery = z.infer<typeof contactsQuerySchema>;

export const contactsResponseSchema = z.object({
  total: count,
  rows: z.array(contactRowSchema),
});
export type ContactsResponse = z.infer<typeof contactsResponseSchema>;

/** PUT /api/campaigns/:id/contact-metadata: rows applied, and each rejected row by its line in the file (header = 1). */
export const contactMetadataResultSchema = z.object({
  applied: count,
  rejected: z.array(z.object({ row: z.number().int().positive(), reason: z.string() })),
});
export type ContactMetadataResult = z.infer<typeof contactMetadataResultSchema>;

/** Exotel keeps call recordings for about 90 days; an older recording link most likely no longer works. */
export const RECORDING_RETENTION_DAYS = 90;

export const contactCallSchema = z.object({
  callSid: z.string(),
  attempt: z.number().int().positive(),
  status: z.enum(CALL_STATUSES),
  startTime: isoTime.nullable(),
  endTime: isoTime.nullable(),
  durationSec: z.number().nonnegative().nullable(),
  price: z.number().nullable(),
  recordingUrl: z.string().nullable(),
  recordingLikelyExpired: z.boolean(),
});
export type ContactCall = z.infer<typeof contactCallSchema>;

/** GET /api/campaigns/:id/contacts/:number/calls: every attempt of one contact, oldest first. */
export const contactCallsResponseSchema = z.object({ calls: z.array(contactCallSchema) });
export type ContactCallsResponse = z.infer<typeof contactCallsResponseSchema>;

export const apiErrorSchema = z.object({ error: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Server-sent events: each names what changed, never the data itself (the browser refetches). */
export const SERVER_EVENT_TYPES = ['call', 'contact', 'campaign', 'sync'] as const;
export const serverEventSchema = z.object({
  type: z.enum(SERVER_EVENT_TYPES),
  campaignId: z.string(),
  at: isoTime,
});
export type ServerEvent = z.infer<typeof serverEventSchema>;

/**
 * `GET /tv/<token>/api/scope` for a display: its name and settings (so the screen follows them), the reload
 * generation an admin raises to reload it, and the server's version. Other fields may come and go.
 */
export const displayScopeResponseSchema = z.looseObject({
  kind: z.literal('display'),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  reloadGeneration: z.number().int().nonnegative().optional(),
  version: z.string().optional(),
});
export type DisplayScopeResponse = z.infer<typeof displayScopeResponseSchema>;

/** Commands an admin sends to displays over their event stream (`display-command` events). */
export const displayCommandSchema = z.object({ command: z.enum(['reload', 'identify']) });
export type DisplayCommand = z.infer<typeof displayCommandSchema>;
