// Exotel's three campaign webhooks, in both documented dialects (snake_case reference, PascalCase guide), parsed
// with zod into one event shape each. Keys match after folding case, hyphens and underscores (`CallSid` = `call_sid`).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { campaignIdSchema } from '../../domain/campaign-id';
import { foldKey, parseCallStatus } from '../../domain/call-status';
import type { CallStatus } from '../../domain/call-status';
import { parseCampaignStatus } from '../../domain/campaign-status';
import type { CampaignStatus } from '../../domain/campaign-status';
import type { UpstreamStats } from '../../domain/campaign';
import { normaliseStats } from '../exotel/normalise';

export const WEBHOOK_KINDS = ['call-status', 'call-schedule', 'campaign-status'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** One attempt's outcome (call_status_callback). The PascalCase dialect names no campaign. */
export interface CallStatusEvent {
  kind: 'call-status';
  campaignId: string | null;
  callSid: string;
  number: string;
  status: CallStatus;
  dateCreated: string;
  dateUpdated: string | null;
  durationSec: number | null;
  recordingUrl: string | null;
  price: number | null;
  attemptNumber: number | null;
  digits: string | null;
}

/** All attempts for one number are done (call_schedule_callback). */
export interface CallScheduleEvent {
  kind: 'call-schedule';
  campaignId: string | null;
  number: string;
  finalStatus: CallStatus;
  callSids: string[];
  attemptCount: number | null;
  dateUpdated: string | null;
}

/** The campaign changed status, usually when it finished (status_callback). */
export interface CampaignStatusEvent {
  kind: 'campaign-status';
  campaignId: string;
  status: CampaignStatus;
  stats: UpstreamStats | null;
  dateUpdated: string | null;
  reportUrl: string | null;
}

export type WebhookEvent = CallStatusEvent | CallScheduleEvent | CampaignStatusEvent;

export type ParsedEvent = { ok: true; event: WebhookEvent } | { ok: false; error: string };


const text = z.union([z.string(), z.number().transform(String)]).pipe(z.string().trim().min(1).max(512));
const callSidText = text.pipe(z.string().max(128));
const numberText = text.pipe(z.string().max(32));
/** A count or amount sent as a number or a numeric string ("43", "1.500"). */
const amount = z.union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().nonnegative().finite());
const positiveInt = amount.pipe(z.number().int().positive());
const dateText = text.refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');

type Folded = Map<string, unknown>;

function fold(body: Record<string, unknown>): Folded {
  const folded: Folded = new Map();
  for (const [key, value] of Object.entries(body)) {
    const foldedKey = foldKey(key);
    // A sender may send both `Status` and `status`; the first non-empty one wins.
    if (!folded.has(foldedKey) || isBlank(folded.get(foldedKey))) folded.set(foldedKey, value);
  }
  return folded;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The first of `keys` whose value passes `schema`; null when none is present or valid. */
function pick<T>(folded: Folded, schema: z.ZodType<T>, ...keys: string[]): T | null {
  for (const key of keys) {
    const value = folded.get(key);
    if (isBlank(value)) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return null;
}

function present(folded: Folded, ...keys: string[]): boolean {
  return keys.some((key) => !isBlank(folded.get(key)));
}

/** A JSON value sent inside a form field as a string (`Stats={"created":3}`, `call_sids=["a","b"]`). */
function jsonInString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

function campaignOf(folded: Folded): { ok: true; id: string | null } | { ok: false; error: string } {
  const keys = ['campaignsid', 'campaignid'];
  if (!present(folded, ...keys)) return { ok: true, id: null };
  const id = pick(folded, campaignIdSchema, ...keys);
  return id === null ? { ok: false, error: 'campaign_sid is not a campaign id' } : { ok: true, id };
}

function callSidsOf(raw: unknown): string[] {
  const value = jsonInString(raw);
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  const sids: string[] = [];
  for (const item of list) {
    const sid = callSidText.safeParse(item);
    if (sid.success) sids.push(sid.data);
  }
  return sids;
}

function parseCallStatusEvent(folded: Folded): ParsedEvent {
  const campaign = campaignOf(folded);
  if (!campaign.ok) return campaign;
  const callSid = pick(folded, callSidText, 'callsid', 'sid');
  if (!callSid) return { ok: false, error: 'call_sid (CallSid) is missing' };
  const number = pick(folded, numberText, 'number', 'to');
  if (!number) return { ok: false, error: 'number (To) is missing' };
  const rawStatus = pick(folded, text, 'status', 'callstatus');
  if (!rawStatus) return { ok: false, error: 'status is missing' };
  const status = parseCallStatus(rawStatus);
  if (!status) return { ok: false, error: 'status is not a call status' };
  const dateUpdated = pick(folded, dateText, 'dateupdated');
  // The reference sends both dates; a sender with only date_updated still tells when the attempt happened.
  const dateCreated = pick(folded, dateText, 'datecreated') ?? dateUpdated;
  if (!dateCreated) return { ok: false, error: 'date_created (DateCreated) is missing or not a date' };
  return {
    ok: true,
    event: {
      kind: 'call-status',
      campaignId: campaign.id,
      callSid,
      number,
      status,
      dateCreated,
      dateUpdated,
      durationSec: pick(folded, amount, 'duration', 'durationsec'),
      recordingUrl: pick(folded, text, 'recordingurl'),
      price: pick(folded, amount, 'price'),
      attemptNumber: pick(folded, positiveInt, 'attemptnumber', 'attempt'),
      digits: pick(folded, text, 'digits', 'digit'),
    },
  };
}

function parseCallScheduleEvent(folded: Folded): ParsedEvent {
  const campaign = campaignOf(folded);
  if (!campaign.ok) return campaign;
  const number = pick(folded, numberText, 'to', 'number');
  if (!number) return { ok: false, error: 'to (To) is missing' };
  const rawStatus = pick(folded, text, 'finalstatus', 'status');
  if (!rawStatus) return { ok: false, error: 'status (FinalStatus) is missing' };
  const finalStatus = parseCallStatus(rawStatus);
  if (!finalStatus) return { ok: false, error: 'status is not a call status' };
  return {
    ok: true,
    event: {
      kind: 'call-schedule',
      campaignId: campaign.id,
      number,
      finalStatus,
      callSids: callSidsOf(folded.get('callsids')),
      attemptCount: pick(folded, positiveInt, 'attemptcount'),
      dateUpdated: pick(folded, dateText, 'dateupdated'),
    },
  };
}

function parseCampaignStatusEvent(folded: Folded): ParsedEvent {
  const campaign = campaignOf(folded);
  if (!campaign.ok) return campaign;
  if (!campaign.id) return { ok: false, error: 'campaign_sid (CampaignSid) is missing' };
  const rawStatus = pick(folded, text, 'status');
  if (!rawStatus) return { ok: false, error: 'status is missing' };
  const status = parseCampaignStatus(rawStatus);
  if (!status) return { ok: false, error: 'status is not a campaign status' };
  const rawStats = jsonInString(folded.get('stats'));
  const stats = isBlank(rawStats) ? null : normaliseStats(rawStats);
  const hasCounts = stats !== null && Object.entries(stats).some(([key, value]) => key !== 'extra' && value !== undefined);
  return {
    ok: true,
    event: {
      kind: 'campaign-status',
      campaignId: campaign.id,
      status,
      stats: stats && (hasCounts || Object.keys(stats.extra).length > 0) ? stats : null,
      dateUpdated: pick(folded, dateText, 'dateupdated'),
      reportUrl: pick(folded, text, 'reporturl'),
    },
  };
}

/** Parses a decoded body of the given kind; the error names the field the sender should fix. */
export function parseWebhookEvent(kind: WebhookKind, body: Record<string, unknown>): ParsedEvent {
  const folded = fold(body);
  switch (kind) {
    case 'call-status':
      return parseCallStatusEvent(folded);
    case 'call-schedule':
      return parseCallScheduleEvent(folded);
    case 'campaign-status':
      return parseCampaignStatusEvent(folded);
  }
}

function statsFingerprint(stats: UpstreamStats): string {
  const { extra, ...known } = stats;
  const entries = [...Object.entries(known), ...Object.entries(extra).map(([key, value]) => [`extra.${key}`, value] as const)]
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
}

/**
 * Equal for repeated deliveries of one event, different for a new fact: a call's sid and status; a contact's
 * campaign, number and final status; a campaign's status and when (or, lacking a date, what stats) it reported.
 */
export function dedupeKey(event: WebhookEvent, campaignId: string): string {
  switch (event.kind) {
    case 'call-status':
      return `call-status|${event.callSid}|${event.status}`;
    case 'call-schedule':
      return `call-schedule|${campaignId}|${event.number}|${event.finalStatus}`;
    case 'campaign-status': {
      const when = event.dateUpdated ? `at:${event.dateUpdated}` : event.stats ? `stats:${statsFingerprint(event.stats)}` : 'once';
      return `campaign-status|${campaignId}|${event.status}|${when}`;
    }
  }
}
