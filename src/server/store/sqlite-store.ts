// The SQLite implementation of every store port, composed from one module per aggregate (sqlite/) over one shared
// connection and transaction helper. All SQL of the server lives under this folder.
import type Database from 'better-sqlite3';
import type { ContactsQuery, ContactsResponse, WebhookHealth } from '../../domain/api-schemas';
import type { CallRecord, Campaign, UpstreamStats } from '../../domain/campaign';
import type { CampaignStatus } from '../../domain/campaign-status';
import type { ReportCall } from '../../domain/report-input';
import type { ContactMetadataForReport } from '../../domain/report/contact-metadata';
import type { ContactOutcome } from '../../domain/report/contact-outcome';
import { SqliteCampaignRevenue } from './sqlite/campaign-revenue';
import { SqliteCallStore } from './sqlite/calls';
import { SqliteCampaignStore } from './sqlite/campaigns';
import { openSqliteDatabase, SqliteConnection } from './sqlite/connection';
import { SqliteContactMetadata } from './sqlite/contact-metadata';
import { SqliteContacts } from './sqlite/contacts';
import { SqliteExports } from './sqlite/exports';
import { SqliteCounters } from './sqlite/counters';
import { ReportRowCache } from './sqlite/report-row-cache';
import { SqliteRateBudgetStore } from './sqlite/rate-budget';
import { SqliteSyncStateStore } from './sqlite/sync-state';
import { SqliteWebhookLog } from './sqlite/webhook-log';
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

export { openSqliteDatabase } from './sqlite/connection';
export { WEBHOOK_EVENT_RETENTION_MS } from './webhook-retention';

/** Opens (creating if needed) the database at `path`; ':memory:' gives a private in-memory store. */
export function openSqliteStore(path: string): CallboardStore {
  return new SqliteStore(openSqliteDatabase(path));
}

/** Every port over one connection: each method hands over to the module of its aggregate. */
export class SqliteStore implements CallboardStore {
  private readonly connection: SqliteConnection;
  private readonly campaigns: SqliteCampaignStore;
  private readonly calls: SqliteCallStore;
  private readonly syncStates: SqliteSyncStateStore;
  private readonly webhooks: SqliteWebhookLog;
  private readonly counters: SqliteCounters;
  private readonly rateBudget: SqliteRateBudgetStore;
  private readonly contactMetadata: SqliteContactMetadata;
  private readonly exports: SqliteExports;
  private readonly revenue: SqliteCampaignRevenue;

  constructor(db: Database.Database) {
    this.connection = new SqliteConnection(db);
    const reportRows = new ReportRowCache();
    this.connection.observe(reportRows);
    this.counters = new SqliteCounters(this.connection);
    this.campaigns = new SqliteCampaignStore(this.connection);
    this.calls = new SqliteCallStore(this.connection, new SqliteContacts(this.connection, this.counters), reportRows, this.counters);
    this.syncStates = new SqliteSyncStateStore(this.connection);
    this.webhooks = new SqliteWebhookLog(this.connection, this.counters);
    this.rateBudget = new SqliteRateBudgetStore(this.connection);
    this.contactMetadata = new SqliteContactMetadata(this.connection);
    this.exports = new SqliteExports(this.connection);
    this.revenue = new SqliteCampaignRevenue(this.connection);
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
  findCampaignForCall(callSid: string): string | null {
    return this.calls.findCampaignForCall(callSid);
  }
  countCallsStartedSince(campaignId: string, sinceMs: number): number {
    return this.calls.countCallsStartedSince(campaignId, sinceMs);
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
  metadataColumns(campaignId: string): string[] | null {
    return this.contactMetadata.metadataColumns(campaignId);
  }
  contactMetadataForReport(campaignId: string): ContactMetadataForReport[] {
    return this.contactMetadata.contactMetadataForReport(campaignId);
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
