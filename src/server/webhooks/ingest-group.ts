// Ingests arriving webhooks a group at a time: each event of a group is placed, deduplicated and quarantined in
// arrival order, exactly as if alone, but the group's call records are upserted in one pass, the whole group is one
// durable commit, and browsers hear one event per campaign and type per group instead of one per webhook.
import type { ServerEvent } from '../../domain/api-schemas';
import type { CallRecord } from '../../domain/campaign';
import type { Publisher } from './coalesce';
import { GroupCommit, GROUP_COMMIT_WINDOW_MS } from './group-commit';
import { placeEvent, storeLookup } from './ingest';
import type { CallSink, CampaignLookup, Delivery, IngestResult, IngestStore, StoredOutcome } from './ingest';
import type { WebhookEvent } from './webhook-event';

export interface Arrival {
  event: WebhookEvent;
  delivery: Delivery;
}

/**
 * Placement as the group sees it before its calls are written: a call or number met earlier in the group already
 * places later events, as it would have had each event been stored alone. Known campaigns are asked once a group.
 */
class GroupLookup implements CampaignLookup, CallSink {
  readonly calls: CallRecord[] = [];
  private readonly campaignOfCall = new Map<string, string>();
  private readonly campaignsOfNumber = new Map<string, Set<string>>();
  private readonly known = new Map<string, boolean>();
  private readonly stored: CampaignLookup;

  constructor(store: IngestStore) {
    this.stored = storeLookup(store);
  }

  add(record: CallRecord): void {
    this.calls.push(record);
    this.campaignOfCall.set(record.callSid, record.campaignId);
    const campaigns = this.campaignsOfNumber.get(record.number) ?? new Set<string>();
    campaigns.add(record.campaignId);
    this.campaignsOfNumber.set(record.number, campaigns);
  }

  campaignExists(id: string): boolean {
    let exists = this.known.get(id);
    if (exists === undefined) {
      exists = this.stored.campaignExists(id);
      this.known.set(id, exists);
    }
    return exists;
  }

  findCampaignForCall(callSid: string): string | null {
    return this.campaignOfCall.get(callSid) ?? this.stored.findCampaignForCall(callSid);
  }

  findCampaignsForNumber(number: string): string[] {
    const stored = this.stored.findCampaignsForNumber(number);
    const pending = this.campaignsOfNumber.get(number);
    return pending === undefined ? stored : [...new Set([...stored, ...pending])];
  }

  campaignsInProgress(): string[] {
    return this.stored.campaignsInProgress();
  }
}

/** Stores a group of arrivals inside the caller's transaction: one outcome per arrival, in order. */
export function storeArrivals(store: IngestStore, arrivals: readonly Arrival[]): StoredOutcome[] {
  const group = new GroupLookup(store);
  const outcomes = arrivals.map(({ event, delivery }) => placeEvent(store, group, group, event, delivery, 'arrival'));
  if (group.calls.length > 0) store.upsertCalls(group.calls, 'webhook');
  return outcomes;
}

/** What a committed group tells browsers: one event per campaign and type, the latest of each. */
export function groupEvents(outcomes: readonly StoredOutcome[]): ServerEvent[] {
  const latest = new Map<string, ServerEvent>();
  for (const outcome of outcomes) {
    for (const event of outcome.published) latest.set(`${event.type}\u0000${event.campaignId}`, event);
  }
  return [...latest.values()];
}

export interface WebhookIngest {
  /** Resolves once the arrival's group is durably committed (browsers told); rejects when it could not be stored. */
  submit(arrival: Arrival): Promise<IngestResult>;
}

export function webhookIngest(store: IngestStore, hub: Publisher, windowMs = GROUP_COMMIT_WINDOW_MS): WebhookIngest {
  const commits = new GroupCommit<Arrival, StoredOutcome>(
    store,
    (arrivals) => storeArrivals(store, arrivals),
    windowMs,
    (outcomes) => {
      for (const event of groupEvents(outcomes)) hub.publish(event);
    },
  );
  return { submit: async (arrival) => (await commits.submit(arrival)).result };
}
