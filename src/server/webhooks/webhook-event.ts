// Exotel's three campaign webhooks, in both documented dialects (snake_case reference, PascalCase guide), parsed
// with zod into one event shape each. Keys and values are read by exotel/dialect.ts, the home of those rules for
// every Exotel parser; a number or date outside src/domain/value-bounds.ts is refused with the field named.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { campaignIdSchema } from '../../domain/campaign-id';
import { parseCallStatus } from '../../domain/call-status';
import type { CallStatus } from '../../domain/call-status';
import { parseCampaignStatus } from '../../domain/campaign-status';
import type { CampaignStatus } from '../../domain/campaign-status';
import type { UpstreamStats } from '../../domain/campaign';
import { statsKey } from '../../domain/stats-key';
import { foldRecord, isBlank, pick, present, readAttempt, readDate, readDuration, readPrice, text } from '../exotel/dialect';
import type { Folded } from '../exotel/dialect';
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


// Webhook bodies are anyone's input: text is also capped in length.
const capped = text.pipe(z.string().max(512));
const callSidText = capped.pipe(z.string().max(128));
const numberText = capped.pipe(z.string().max(32));

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

function parseCallStatusEvent(folded: Folded, nowMs: number): ParsedEvent {
  const campaign = campaignOf(folded);
  if (!campaign.ok) return campaign;
  const callSid = pick(folded, callSidText, 'callsid', 'sid');
  if (!callSid) return { ok: false, error: 'call_sid (CallSid) is missing' };
  const number = pick(folded, numberText, 'number', 'to');
  if (!number) return { ok: false, error: 'number (To) is missing' };
  const rawStatus = pick(folded, capped, 'status', 'callstatus');
  if (!rawStatus) return { ok: false, error: 'status is missing' };
  const status = parseCallStatus(rawStatus);
  if (!status) return { ok: false, error: 'status is not a call status' };
  const dateUpdated = readDate(folded, 'date_updated (DateUpdated)', nowMs, ['dateupdated']);
  if (!dateUpdated.ok) return dateUpdated;
  const dateCreatedRead = readDate(folded, 'date_created (DateCreated)', nowMs, ['datecreated']);
  if (!dateCreatedRead.ok) return dateCreatedRead;
  // The reference sends both dates; a sender with only date_updated still tells when the attempt happened.
  const dateCreated = dateCreatedRead.value ?? dateUpdated.value;
  if (!dateCreated) return { ok: false, error: 'date_created (DateCreated) is missing or not a date' };
  const durationSec = readDuration(folded, 'duration (Duration)', 'duration', 'durationsec');
  if (!durationSec.ok) return durationSec;
  const price = readPrice(folded, 'price (Price)', 'price');
  if (!price.ok) return price;
  const attemptNumber = readAttempt(folded, 'attempt_number', 'attemptnumber', 'attempt');
  if (!attemptNumber.ok) return attemptNumber;
  return {
    ok: true,
    event: {
      kind: 'call-status',
      campaignId: campaign.id,
      callSid,
      number,
      status,
      dateCreated,
      dateUpdated: dateUpdated.value,
      durationSec: durationSec.value,
      recordingUrl: pick(folded, capped, 'recordingurl'),
      price: price.value,
      attemptNumber: attemptNumber.value,
      digits: pick(folded, capped, 'digits', 'digit'),
    },
  };
}

function parseCallScheduleEvent(folded: Folded, nowMs: number): ParsedEvent {
  const campaign = campaignOf(folded);
  if (!campaign.ok) return campaign;
  const number = pick(folded, numberText, 'to', 'number');
  if (!number) return { ok: false, error: 'to (To) is missing' };
  const rawStatus = pick(folded, capped, 'finalstatus', 'status');
  if (!rawStatus) return { ok: false, error: 'status (FinalStatus) is missing' };
  const finalStatus = parseCallStatus(rawStatus);
  if (!finalStatus) return { ok: false, error: 'status is not a call status' };
  const attemptCount = readAttempt(folded, 'attempt_count (AttemptCount)', 'attemptcount');
  if (!attemptCount.ok) return attemptCount;
  const dateUpdated = readDate(folded, 'date_updated (DateUpdated)', nowMs, ['dateupdated']);
  if (!dateUpdated.ok) return dateUpdated;
  return {
    ok: true,
    event: {
      kind: 'call-schedule',
      campaignId: campaign.id,
      number,
      finalStatus,
      callSids: callSidsOf(folded.get('callsids')),
      attemptCount: attemptCount.value,
      dateUpdated: dateUpdated.value,
    },
  };
}

function parseCampaignStatusEvent(folded: Folded, nowMs: number): ParsedEvent {
  const campaign = campaignOf(folded);
  if (!campaign.ok) return campaign;
  if (!campaign.id) return { ok: false, error: 'campaign_sid (CampaignSid) is missing' };
  const rawStatus = pick(folded, capped, 'status');
  if (!rawStatus) return { ok: false, error: 'status is missing' };
  const status = parseCampaignStatus(rawStatus);
  if (!status) return { ok: false, error: 'status is not a campaign status' };
  const rawStats = jsonInString(folded.get('stats'));
  const read = isBlank(rawStats) ? null : normaliseStats(rawStats);
  if (read !== null && !read.ok) return { ok: false, error: read.problem };
  const stats = read === null ? null : read.stats;
  const hasCounts = stats !== null && Object.entries(stats).some(([key, value]) => key !== 'extra' && value !== undefined);
  const dateUpdated = readDate(folded, 'date_updated (DateUpdated)', nowMs, ['dateupdated']);
  if (!dateUpdated.ok) return dateUpdated;
  return {
    ok: true,
    event: {
      kind: 'campaign-status',
      campaignId: campaign.id,
      status,
      stats: stats && (hasCounts || Object.keys(stats.extra).length > 0) ? stats : null,
      dateUpdated: dateUpdated.value,
      reportUrl: pick(folded, capped, 'reporturl'),
    },
  };
}

/**
 * Parses a decoded body of the given kind; the error names the field the sender should fix. `nowMs` (when the
 * event arrived) bounds its dates.
 */
export function parseWebhookEvent(kind: WebhookKind, body: Record<string, unknown>, nowMs: number = Date.now()): ParsedEvent {
  const folded = foldRecord(body);
  switch (kind) {
    case 'call-status':
      return parseCallStatusEvent(folded, nowMs);
    case 'call-schedule':
      return parseCallScheduleEvent(folded, nowMs);
    case 'campaign-status':
      return parseCampaignStatusEvent(folded, nowMs);
  }
}

function statsFingerprint(stats: UpstreamStats): string {
  return createHash('sha256').update(statsKey(stats)).digest('hex').slice(0, 16);
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
