// The PostgreSQL implementation of every store port (for several instances over one database), composed from one
// module per aggregate (postgres/) over one shared connection and transaction helper, as sqlite-store.ts is.
import type { ContactsQuery, ContactsResponse, WebhookHealth } from '../../domain/api-schemas';
import type { CallRecord, Campaign, UpstreamStats } from '../../domain/campaign';
import type { CampaignStatus } from '../../domain/campaign-status';
import type { ReportCall } from '../../domain/report-input';
import type { ContactMetadataForReport } from '../../domain/report/contact-metadata';
import type { ContactOutcome } from '../../domain/report/contact-outcome';
import { PgCampaignRevenue } from './postgres/campaign-revenue';
import { PgCallStore } from './postgres/calls';
import { PgCampaignStore } from './postgres/campaigns';
import { PgConnection } from './postgres/connection';
import { PgContactMetadata } from './postgres/contact-metadata';
import { PgExports } from './postgres/exports';
import { PgCounters } from './postgres/counters';
import { PgRateBudgetStore } from './postgres/rate-budget';
import { PgSyncStateStore } from './postgres/sync-state';
import { PgWebhookLog } from './postgres/webhook-log';
import type { StorageHealth } from '../../domain/api-schemas';
import type {
  CallCounts,
  CallExportCursor,
  CallSource,
  CallboardStore,
  ContactExportCursor,
  ContactExportFilter,
  ContactExportPage,
  ContactMetadataUpload,
  ExportCall,
  ManagerRevenue,
  QuarantinedEvent,
  StoredWebhookEvent,
  SyncState,
  UpsertResult,
} from './store';

/** Connects to the database at `url` (postgres://…) and brings its schema up to date. */
export function openPostgresStore(url: string): PostgresStore {
  return new PostgresStore(PgConnection.open(url));
}

/** Every port over one connection: each method hands over to the module of its aggregate. */
export class PostgresStore implements CallboardStore {
  readonly connection: PgConnection;
  private readonly campaigns: PgCampaignStore;
  private readonly calls: PgCallStore;
  private readonly syncStates: PgSyncStateStore;
  private readonly webhooks: PgWebhookLog;
  private readonly counters: PgCounters;
  private readonly rateBudget: PgRateBudgetStore;
  private readonly contactMetadata: PgContactMetadata;
  private readonly exports: PgExports;
  private readonly revenue: PgCampaignRevenue;

  constructor(connection: PgConnection) {
    this.connection = connection;
    this.counters = new PgCounters(this.connection);
    this.campaigns = new PgCampaignStore(this.connection);
    this.calls = new PgCallStore(this.connection, this.counters);
    this.syncStates = new PgSyncStateStore(this.connection);
    this.webhooks = new PgWebhookLog(this.connection, this.counters);
    this.rateBudget = new PgRateBudgetStore(this.connection);
    this.contactMetadata = new PgContactMetadata(this.connection);
    this.exports = new PgExports(this.connection);
    this.revenue = new PgCampaignRevenue(this.connection);
  }

  transaction<T>(fn: () => T): T {
    return this.connection.transaction(fn);
  }
  durableTransaction<T>(fn: () => T): Promise<T> {
    return this.connection.durableTransaction(fn);
  }
  storageHealth(): StorageHealth {
    return this.connection.health.storageHealth();
  }

  upsertCampaigns(campaigns: readonly Campaign[], polledAt: string): void {
    this.campaigns.upsertCampaigns(campaigns, polledAt);
  }
  listCampaigns(): Campaign[] {
    return this.campaigns.listCampaigns();
  }
  getCampaign(id: string): Campaign | null {
    return this.campaigns.getCampaign(id);
  }
  setCampaignStatus(campaignId: string, status: CampaignStatus, stats: UpstreamStats | null, at: string): boolean {
    return this.campaigns.setCampaignStatus(campaignId, status, stats, at);
  }
  campaignVersion(campaignId: string): number {
    return this.campaigns.campaignVersion(campaignId);
  }

  upsertCalls(records: readonly CallRecord[], source: CallSource): UpsertResult {
    return this.calls.upsertCalls(records, source);
  }
  reportCalls(campaignId: string): ReportCall[] {
    return this.calls.reportCalls(campaignId);
  }
  countCalls(campaignId: string): CallCounts {
    return this.calls.countCalls(campaignId);
  }
  queryContacts(campaignId: string, query: ContactsQuery): ContactsResponse {
    return this.calls.queryContacts(campaignId, query);
  }
  contactOutcomes(campaignId: string): ContactOutcome[] {
    return this.calls.contactOutcomes(campaignId);
  }
  countCallsStartedSince(campaignId: string, sinceMs: number): number {
    return this.calls.countCallsStartedSince(campaignId, sinceMs);
  }
  findCampaignForCall(callSid: string): string | null {
    return this.calls.findCampaignForCall(callSid);
  }
  findCampaignsForNumber(number: string): string[] {
    return this.calls.findCampaignsForNumber(number);
  }

  getSyncState(campaignId: string): SyncState | null {
    return this.syncStates.getSyncState(campaignId);
  }
  saveSyncState(state: SyncState): void {
    this.syncStates.saveSyncState(state);
  }

  recordWebhookEvent(event: StoredWebhookEvent): boolean {
    return this.webhooks.recordWebhookEvent(event);
  }
  lastWebhookAt(campaignId: string): string | null {
    return this.webhooks.lastWebhookAt(campaignId);
  }
  quarantine(event: Omit<QuarantinedEvent, 'id'>): boolean {
    return this.webhooks.quarantine(event);
  }
  listQuarantined(limit: number, afterId?: number): QuarantinedEvent[] {
    return this.webhooks.listQuarantined(limit, afterId);
  }
  releaseQuarantined(id: number): void {
    this.webhooks.releaseQuarantined(id);
  }
  webhookHealth(): WebhookHealth {
    return this.webhooks.webhookHealth();
  }
  noteWebhookRejected(): void {
    this.webhooks.noteWebhookRejected();
  }

  noteMalformedRecords(count: number): void {
    this.counters.noteMalformedRecords(count);
  }
  malformedRecords(): number {
    return this.counters.malformedRecords();
  }
  noteUnreadableCallRecords(campaignId: string, from: number, to: number, unreadableOffsets: readonly number[]): void {
    this.counters.noteUnreadableCallRecords(campaignId, from, to, unreadableOffsets);
  }
  unreadableCallRecords(campaignId: string): number {
    return this.counters.unreadableCallRecords(campaignId);
  }

  recentSends(sinceMs: number): number[] {
    return this.rateBudget.recentSends(sinceMs);
  }
  recordSend(atMs: number, forgetBeforeMs: number): void {
    this.rateBudget.recordSend(atMs, forgetBeforeMs);
  }

  replaceContactMetadata(campaignId: string, upload: ContactMetadataUpload): void {
    this.contactMetadata.replaceContactMetadata(campaignId, upload);
  }
  contactMetadataForReport(campaignId: string): ContactMetadataForReport[] {
    return this.contactMetadata.contactMetadataForReport(campaignId);
  }
  metadataColumns(campaignId: string): string[] | null {
    return this.contactMetadata.metadataColumns(campaignId);
  }

  contactExportPage(campaignId: string, filter: ContactExportFilter, cursor: ContactExportCursor, limit: number): ContactExportPage {
    return this.exports.contactExportPage(campaignId, filter, cursor, limit);
  }
  callExportPage(campaignId: string, range: { fromMs: number | null; toMs: number | null }, cursor: CallExportCursor, limit: number): ExportCall[] {
    return this.exports.callExportPage(campaignId, range, cursor, limit);
  }
  campaignHasPrices(campaignId: string): boolean {
    return this.exports.campaignHasPrices(campaignId);
  }
  contactCalls(campaignId: string, number: string): ExportCall[] | null {
    return this.exports.contactCalls(campaignId, number);
  }

  setManagerRevenue(campaignId: string, rupees: number | null, by: string, at: string): boolean {
    return this.revenue.setManagerRevenue(campaignId, rupees, by, at);
  }
  managerRevenue(campaignId: string): ManagerRevenue | null {
    return this.revenue.managerRevenue(campaignId);
  }

  close(): void {
    this.connection.close();
  }
}
