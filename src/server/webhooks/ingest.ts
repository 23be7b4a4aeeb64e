// Places a parsed webhook event in its campaign, stores it once and applies it, and says what browsers should be
// told once it commits. One home for those rules, used per event by the quarantine replay and per group of
// arrivals by ingest-group.ts (whose call records are then upserted in one pass).
import type { ServerEvent } from '../../domain/api-schemas';
import type { CallRecord } from '../../domain/campaign';
import { isStatusRegression } from '../../domain/campaign-status';
import type { CallStore, CampaignStore, DurableTransactions, Transactions, WebhookLog } from '../store/store';
import { dedupeKey } from './webhook-event';
import type { CallStatusEvent, WebhookEvent } from './webhook-event';

export type IngestOutcome = 'applied' | 'duplicate' | 'quarantined' | 'unresolved';

export interface IngestResult {
  outcome: IngestOutcome;
  campaignId: string | null;
}

export interface Delivery {
  /** A campaign named outside the body: the callback URL's `?campaign=`, or the one a quarantined event named. */
  campaignHint: string | null;
  receivedAt: string;
  /** The decoded body as JSON (form bodies too), so a replay reads one format. */
  rawBody: string;
}

/** The ports placing, storing and applying a webhook event writes through (in one transaction). */
export type IngestStore = Transactions & DurableTransactions & CampaignStore & CallStore & WebhookLog;

/** What placing an event reads: the store's answers, or those of a group that has not written its calls yet. */
export interface CampaignLookup {
  campaignExists(id: string): boolean;
  findCampaignForCall(callSid: string): string | null;
  findCampaignsForNumber(number: string): string[];
  campaignsInProgress(): string[];
}

export function storeLookup(store: Pick<IngestStore, 'getCampaign' | 'findCampaignForCall' | 'findCampaignsForNumber' | 'listCampaigns'>): CampaignLookup {
  return {
    campaignExists: (id) => store.getCampaign(id) !== null,
    findCampaignForCall: (callSid) => store.findCampaignForCall(callSid),
    findCampaignsForNumber: (number) => store.findCampaignsForNumber(number),
    campaignsInProgress: () => store.listCampaigns().filter((campaign) => campaign.status === 'in-progress').map((campaign) => campaign.id),
  };
}

/** Where the call records an applied event yields go: upserted at once, or gathered for one pass per group. */
export interface CallSink {
  add(record: CallRecord): void;
}

/**
 * Which campaign an event belongs to. A named campaign must be known (null otherwise: the caller quarantines).
 * Unnamed: a stored call with the sid, the one campaign that called the number, and, on arrival only, the one
 * campaign in progress. That last guess is not made on replay, where time has passed and it would be stale.
 */
export function resolveCampaign(lookup: CampaignLookup, event: WebhookEvent, hint: string | null, mode: 'arrival' | 'replay'): string | null {
  const named = event.campaignId ?? hint;
  if (named !== null) return lookup.campaignExists(named) ? named : null;
  const sids = event.kind === 'call-status' ? [event.callSid] : event.kind === 'call-schedule' ? event.callSids : [];
  for (const sid of sids) {
    const found = lookup.findCampaignForCall(sid);
    if (found) return found;
  }
  if (event.kind === 'campaign-status') return null;
  const byNumber = lookup.findCampaignsForNumber(event.number);
  if (byNumber.length === 1 && byNumber[0] !== undefined) return byNumber[0];
  if (mode === 'replay') return null;
  const inProgress = lookup.campaignsInProgress();
  return inProgress.length === 1 && inProgress[0] !== undefined ? inProgress[0] : null;
}

function callRecordOf(event: CallStatusEvent, campaignId: string): CallRecord {
  // A ringing call has no duration, price or recording yet: whatever a sender puts there ("0") must not
  // overwrite the real values of the final event when the two arrive out of order.
  const ended = event.status !== 'in-progress';
  return {
    callSid: event.callSid,
    campaignId,
    number: event.number,
    name: null,
    status: event.status,
    dateCreated: event.dateCreated,
    startTime: null,
    endTime: null,
    durationSec: ended ? event.durationSec : null,
    price: ended ? event.price : null,
    attemptNumber: event.attemptNumber,
    recordingUrl: ended ? event.recordingUrl : null,
    digits: event.digits,
  };
}

/** Applies an event inside the caller's transaction (its call to `calls`); returns the browser events for after commit. */
function applyEvent(store: IngestStore, event: WebhookEvent, campaignId: string, receivedAt: string, calls: CallSink): ServerEvent[] {
  const at = receivedAt;
  switch (event.kind) {
    case 'call-status': {
      calls.add(callRecordOf(event, campaignId));
      const events: ServerEvent[] = [{ type: 'call', campaignId, at }];
      if (event.status === 'completed') events.push({ type: 'contact', campaignId, at });
      return events;
    }
    case 'call-schedule':
      // The contact's rows follow from its calls, which carry the real data; nothing is invented here.
      return [{ type: 'contact', campaignId, at }];
    case 'campaign-status': {
      const stored = store.getCampaign(campaignId);
      if (!stored || isStatusRegression(stored, event)) return [];
      // An undated event keeps the stored date: a made-up one would reorder later events by arrival.
      const applied = store.setCampaignStatus(campaignId, event.status, event.stats, event.dateUpdated ?? stored.dateUpdated ?? receivedAt);
      return applied ? [{ type: 'campaign', campaignId, at }] : [];
    }
  }
}

export interface StoredOutcome {
  result: IngestResult;
  /** Browser events to publish once the surrounding transaction has committed. */
  published: ServerEvent[];
}

/**
 * Places, stores and applies one event inside the caller's transaction, reading placement from `lookup` and
 * handing its call record to `calls`. On arrival an unplaceable event is quarantined; on replay it is left where
 * it is (`unresolved`).
 */
export function placeEvent(
  store: IngestStore,
  lookup: CampaignLookup,
  calls: CallSink,
  event: WebhookEvent,
  delivery: Delivery,
  mode: 'arrival' | 'replay',
): StoredOutcome {
  const campaignId = resolveCampaign(lookup, event, delivery.campaignHint, mode);
  if (campaignId === null) {
    if (mode === 'replay') return { result: { outcome: 'unresolved', campaignId: null }, published: [] };
    store.quarantine({
      kind: event.kind,
      dedupeKey: dedupeKey(event, event.campaignId ?? delivery.campaignHint ?? '?'),
      campaignId: event.campaignId ?? delivery.campaignHint,
      receivedAt: delivery.receivedAt,
      rawBody: delivery.rawBody,
      callSid: event.kind === 'call-status' ? event.callSid : event.kind === 'call-schedule' ? (event.callSids[0] ?? null) : null,
      number: event.kind === 'campaign-status' ? null : event.number,
    });
    return { result: { outcome: 'quarantined', campaignId: null }, published: [] };
  }
  const fresh = store.recordWebhookEvent({
    kind: event.kind,
    dedupeKey: dedupeKey(event, campaignId),
    campaignId,
    receivedAt: delivery.receivedAt,
    rawBody: delivery.rawBody,
  });
  if (!fresh) return { result: { outcome: 'duplicate', campaignId }, published: [] };
  return { result: { outcome: 'applied', campaignId }, published: applyEvent(store, event, campaignId, delivery.receivedAt, calls) };
}

/** Places, stores and applies one event on its own; call it inside store.transaction. */
export function storeEvent(store: IngestStore, event: WebhookEvent, delivery: Delivery, mode: 'arrival' | 'replay'): StoredOutcome {
  const calls: CallRecord[] = [];
  const outcome = placeEvent(store, storeLookup(store), { add: (record) => void calls.push(record) }, event, delivery, mode);
  if (calls.length > 0) store.upsertCalls(calls, 'webhook');
  return outcome;
}
