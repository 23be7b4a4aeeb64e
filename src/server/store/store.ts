// The store's ports, one per aggregate: campaigns, calls and contacts, sync state, the webhook log with its
// quarantine, and counters. Each consumer names only the ports it needs; SQLite implements them all today
// (sqlite-store.ts), and a PostgreSQL implementation can be a second implementation of the same ports. The methods
// are synchronous because better-sqlite3 is.
import type { Campaign, CallRecord, UpstreamStats } from '../../domain/campaign';
import type { CampaignStatus } from '../../domain/campaign-status';
import type { ContactFinalStatus, ContactsQuery, ContactsResponse, WebhookHealth } from '../../domain/api-schemas';
import type { CallStatus } from '../../domain/call-status';
import type { ContactMetadataRow } from '../../domain/csv/contact-metadata-sheet';
import type { ReportCall } from '../../domain/report-input';
import type { ContactMetadataForReport } from '../../domain/report/contact-metadata';
import type { ContactOutcome } from '../../domain/report/contact-outcome';
import type { StorageStatus } from './storage-health';

/** Where a call record came from: the periodic call-details sync (the source of truth) or a webhook (fast). */
export type CallSource = 'sync' | 'webhook';

export interface UpsertResult {
  inserted: number;
  updated: number;
  /** Numbers whose contact row changed (final status, attempts, last call): for `contact` events. */
  contactsChanged: number;
}

/** Per-campaign progress of the call-details sync, so that a restart resumes where it stopped. */
export interface SyncState {
  campaignId: string;
  /** Rows of call-details (sorted by date_created asc) read and stored so far: the next read starts here. */
  highWaterOffset: number;
  /** Exotel's metadata.total at the last read; null before the first. */
  callsExpected: number | null;
  lastPolledAt: string | null;
  lastFullPassAt: string | null;
}

export interface StoredWebhookEvent {
  kind: 'call-status' | 'call-schedule' | 'campaign-status';
  /** A key that is equal for repeated deliveries of the same event (e.g. kind + call sid + status). */
  dedupeKey: string;
  campaignId: string | null;
  receivedAt: string;
  rawBody: string;
}

/** A webhook event whose campaign is not known yet: it waits here and counts only once the campaign is known. */
export interface QuarantinedEvent extends StoredWebhookEvent {
  id: number;
  /** What may identify the campaign later: a call sid that sync will find, or the called number. */
  callSid: string | null;
  number: string | null;
}

/** One unit of work over every port: what runs inside commits or rolls back together. */
export interface Transactions {
  /** Runs fn in one transaction (nested calls join the outer one); a throw rolls everything back. */
  transaction<T>(fn: () => T): T;
}

/** A unit of work whose commit is known to be on disk when it resolves: for what callboard acknowledges (webhooks). */
export interface DurableTransactions {
  /**
   * Runs fn in one transaction (committed before this returns), and resolves with its result once the commit would
   * survive a power loss; rejects when it will not. Not inside another transaction.
   */
  durableTransaction<T>(fn: () => T): Promise<T>;
}

export interface CampaignStore {
  /** Campaigns with the latest stats Exotel gave; a stats snapshot is kept for trends when they change. */
  upsertCampaigns(campaigns: readonly Campaign[], polledAt: string): void;
  listCampaigns(): Campaign[];
  getCampaign(id: string): Campaign | null;
  /** Applies a campaign-status webhook (its stats refine the stored ones); returns false when the campaign is unknown. */
  setCampaignStatus(campaignId: string, status: CampaignStatus, stats: UpstreamStats | null, at: string): boolean;
  /**
   * A counter that grows with every write touching the campaign (campaign row, calls, sync state, webhooks):
   * reports are cached by it and it makes the ETag, so an unchanged poll costs a 304.
   */
  campaignVersion(campaignId: string): number;
}

/** Call attempts, and the contacts folded from them (a contact's row always follows its calls). */
export interface CallStore {
  /**
   * Upserts attempts by call sid in one transaction. A final status is never replaced by `in-progress`;
   * a `sync` record overwrites fields a webhook gave, a `webhook` record never overwrites a synced one's fields.
   */
  upsertCalls(records: readonly CallRecord[], source: CallSource): UpsertResult;
  /** Every stored attempt of a campaign, compact, for report functions. */
  reportCalls(campaignId: string): ReportCall[];
  /**
   * total: every stored attempt; fromSync: those sync has confirmed. Webhook coverage is judged only over calls
   * created after the campaign's first webhook arrived (calls from before the callback URLs were set never had one):
   * syncedSinceWebhooks counts synced calls in that window, withoutWebhook those no webhook announced.
   */
  countCalls(campaignId: string): CallCounts;
  queryContacts(campaignId: string, query: ContactsQuery): ContactsResponse;
  /**
   * Contacts grouped by final status and number of attempts (a few dozen rows): lets the campaigns list complete
   * Exotel's stats without loading every call.
   */
  contactOutcomes(campaignId: string): ContactOutcome[];
  /** Which campaign a call belongs to, from stored calls; null when no stored call has that sid. */
  findCampaignForCall(callSid: string): string | null;
  /** Campaigns that have called this number (to place a webhook that names no campaign). */
  findCampaignsForNumber(number: string): string[];
  /** Attempts of a campaign created (dialled) at or after `sinceMs`: the campaigns list's calls per minute. */
  countCallsStartedSince(campaignId: string, sinceMs: number): number;
}

export interface CallCounts {
  total: number;
  fromSync: number;
  syncedSinceWebhooks: number;
  withoutWebhook: number;
}

export interface SyncStateStore {
  getSyncState(campaignId: string): SyncState | null;
  saveSyncState(state: SyncState): void;
}

/** Raw webhook deliveries (deduped), their counts and times, and the events waiting for their campaign. */
export interface WebhookLog {
  /**
   * Stores the raw event once and counts it as accepted (and its time as the last webhook time, overall and for
   * its campaign); returns false, counting a duplicate, when the dedupe key was seen before.
   */
  recordWebhookEvent(event: StoredWebhookEvent): boolean;
  /** The last time a webhook for this campaign arrived; null if none has. */
  lastWebhookAt(campaignId: string): string | null;
  /**
   * Keeps an event until its campaign is known: once per dedupe key (returns false for a repeat), for at most a
   * week and at most a bounded number of events, the oldest dropped first.
   */
  quarantine(event: Omit<QuarantinedEvent, 'id'>): boolean;
  /** The oldest waiting events after `afterId` (a cursor, for replaying in small batches). */
  listQuarantined(limit: number, afterId?: number): QuarantinedEvent[];
  releaseQuarantined(id: number): void;
  webhookHealth(): WebhookHealth;
  noteWebhookRejected(): void;
}

export interface CounterStore {
  /** Exotel records that could not be understood: counted for /api/health, never stored as calls. */
  noteMalformedRecords(count: number): void;
  malformedRecords(): number;
  /**
   * Which rows of a campaign's call-details list (by offset, oldest first) could not be read, for the rows
   * [from, to) just read: replaces what was known of those rows, so a re-read never counts a row twice.
   */
  noteUnreadableCallRecords(campaignId: string, from: number, to: number, unreadableOffsets: readonly number[]): void;
  /** Call-details rows of the campaign that could not be read at their last read: the report says so. */
  unreadableCallRecords(campaignId: string): number;
}

/** When recent Exotel requests went, so that the rate budget's window outlives a restart. */
export interface RateBudgetStore {
  /** Send times (epoch ms) at or after sinceMs, oldest first. */
  recentSends(sinceMs: number): number[];
  /** Records one send and forgets those before forgetBeforeMs. */
  recordSend(atMs: number, forgetBeforeMs: number): void;
}

/** What an uploaded contact sheet said of a campaign's contacts (name, email, tags, revenue, further columns). */
export interface ContactMetadataStore {
  /** Replaces the campaign's metadata with these rows (one per number key) in one transaction. */
  replaceContactMetadata(campaignId: string, upload: ContactMetadataUpload): void;
  /** The uploaded metadata columns in the sheet's order; null when no sheet was uploaded for the campaign. */
  metadataColumns(campaignId: string): string[] | null;
  /**
   * Every uploaded contact of the campaign as the report needs it (number as uploaded, tags, revenue), for the
   * report's "by tag" table and the revenue read back from the sheet; [] when no sheet was uploaded.
   */
  contactMetadataForReport(campaignId: string): ContactMetadataForReport[];
}

export interface ContactMetadataUpload {
  columns: readonly string[];
  rows: readonly ContactMetadataRow[];
  uploadedAt: string;
}

/** One contact as an export writes it: a dialled contact, or a pending one known only from the uploaded sheet. */
export interface ExportContact {
  number: string;
  name: string | null;
  finalStatus: ContactFinalStatus;
  attempts: number;
  lastDurationSec: number | null;
  firstCallAt: number | null;
  lastCallAt: number | null;
  /** Sum of the prices of its attempts; null when none has a price. */
  cost: number | null;
  email: string | null;
  tags: string[];
  revenue: number | null;
  metadata: Record<string, string>;
}

export interface ContactExportFilter {
  q: string;
  status: ContactFinalStatus | undefined;
  tag: string | undefined;
  /** The contact's last call within the range (pending contacts have none, so a range leaves them out). */
  fromMs: number | null;
  toMs: number | null;
}

/** Where a page of an export ends, so the next page starts after it (keyset paging: constant cost per page). */
export type ContactExportCursor = { part: 'dialled' | 'pending'; after: string | null };
/** One page of a contacts export, and the cursor of the next (null after the last page). */
export type ContactExportPage = { rows: ExportContact[]; next: ContactExportCursor | null };
export type CallExportCursor = { atMs: number; rowid: number } | null;

export interface ExportCall {
  rowid: number;
  atMs: number;
  callSid: string;
  number: string;
  attempt: number;
  status: CallStatus;
  startTime: string | null;
  endTime: string | null;
  durationSec: number | null;
  price: number | null;
  recordingUrl: string | null;
}

/**
 * Reads for the CSV exports, a page at a time: each page is read at once and the connection is free between pages,
 * so a long download never holds the database while the client is slow.
 */
export interface ExportStore {
  contactExportPage(campaignId: string, filter: ContactExportFilter, cursor: ContactExportCursor, limit: number): ContactExportPage;
  callExportPage(campaignId: string, range: { fromMs: number | null; toMs: number | null }, cursor: CallExportCursor, limit: number): ExportCall[];
  /** Whether any attempt of the campaign has a price (the contacts export then adds a cost column). */
  campaignHasPrices(campaignId: string): boolean;
}

/** Every attempt of one contact, for its history panel. */
export interface ContactHistoryStore {
  /** Oldest first; null when the campaign has no contact with that number (in any Indian form). */
  contactCalls(campaignId: string, number: string): ExportCall[] | null;
}

/** A campaign's revenue as a manager entered it: it wins over the uploaded sheet's revenue column in the report. */
export interface ManagerRevenue {
  rupees: number;
  /** Who entered it: the signed-in user's email (as the audit log names actors). */
  setBy: string;
  setAt: string;
}

export interface CampaignRevenueStore {
  /**
   * Sets the campaign's revenue (null clears it) and moves the campaign's version, so a cached report and its ETag
   * follow. Answers false, storing nothing, when the campaign is unknown.
   */
  setManagerRevenue(campaignId: string, rupees: number | null, by: string, at: string): boolean;
  managerRevenue(campaignId: string): ManagerRevenue | null;
}

/** Every port over one database, as the composition root (main.ts) and tests open it. */
export interface CallboardStore
  extends Transactions,
    DurableTransactions,
    CampaignStore,
    CallStore,
    SyncStateStore,
    WebhookLog,
    CounterStore,
    RateBudgetStore,
    StorageStatus,
    ContactMetadataStore,
    ExportStore,
    ContactHistoryStore,
    CampaignRevenueStore {
  close(): void;
}
