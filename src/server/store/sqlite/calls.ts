// SQLite side of the CallStore port: call attempts upserted by call sid (merge rules in merge-call.ts), each
// touched contact refolded in the same transaction, and the reads reports need (rows, counts, which campaign).
import { z } from 'zod';
import type { ContactsQuery, ContactsResponse } from '../../../domain/api-schemas';
import type { CallRecord } from '../../../domain/campaign';
import type { ReportCall } from '../../../domain/report-input';
import type { ContactOutcome } from '../../../domain/report/contact-outcome';
import { mergeCall, sameCall, type StoredCall } from '../merge-call';
import { isCallStatus, numberOrNull, storedCallFromRow } from '../rows';
import type { CallCounts, CallSource, CallStore, UpsertResult } from '../store';
import type { SqliteConnection } from './connection';
import type { SqliteContacts } from './contacts';
import type { SqliteCounters } from './counters';
import type { ReportRowCache } from './report-row-cache';

const rowidRow = z.object({ rowid: z.number().int() });
const campaignIdRow = z.object({ campaign_id: z.string() });
const startedCountRow = z.object({ calls: z.number().int() });
const callCountsRow = z.object({
  total: z.number(),
  from_sync: z.number(),
  synced_since_webhooks: z.number(),
  without_webhook: z.number(),
});

export class SqliteCallStore implements CallStore {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly contacts: SqliteContacts,
    private readonly reportRows: ReportRowCache,
    private readonly counters: SqliteCounters,
  ) {}

  upsertCalls(records: readonly CallRecord[], source: CallSource): UpsertResult {
    return this.connection.transaction(() => {
      const result: UpsertResult = { inserted: 0, updated: 0, contactsChanged: 0 };
      const touchedContacts = new Map<string, { campaignId: string; number: string }>();
      const touchedCampaigns = new Set<string>();
      const touch = (call: StoredCall) => {
        touchedContacts.set(`${call.campaignId}\u0000${call.number}`, { campaignId: call.campaignId, number: call.number });
        touchedCampaigns.add(call.campaignId);
      };
      let malformed = 0;

      for (const record of records) {
        const atMs = Date.parse(record.dateCreated);
        if (Number.isNaN(atMs)) {
          malformed++;
          continue;
        }
        const row = this.connection.sql('SELECT * FROM calls WHERE call_sid = ?').get(record.callSid);
        const existing = row === undefined ? null : storedCallFromRow(row);
        const merged = mergeCall(existing, record, source, atMs);
        if (existing !== null && sameCall(existing, merged)) continue;
        const rowid = this.writeCall(merged);
        this.reportRows.stage(rowid, existing?.campaignId ?? null, merged);
        if (existing === null) result.inserted++;
        else {
          result.updated++;
          touch(existing);
        }
        touch(merged);
      }

      for (const { campaignId, number } of touchedContacts.values()) {
        if (this.contacts.refold(campaignId, number)) result.contactsChanged++;
      }
      for (const campaignId of touchedCampaigns) this.connection.bumpVersion(campaignId);
      this.counters.noteMalformedRecords(malformed);
      return result;
    });
  }

  /** Inserts or updates the call's row; returns its rowid (kept across updates), the key of the report rows. */
  private writeCall(call: StoredCall): number {
    const written = this.connection
      .sql(
        `INSERT INTO calls (call_sid, campaign_id, number, name, status, status_rank, date_created, at_ms, start_time, end_time,
         duration_sec, price, attempt_number, recording_url, digits, from_sync, from_webhook, updated_at)
       VALUES (@callSid, @campaignId, @number, @name, @status, @statusRank, @dateCreated, @atMs, @startTime, @endTime,
         @durationSec, @price, @attemptNumber, @recordingUrl, @digits, @fromSync, @fromWebhook, @updatedAt)
       ON CONFLICT(call_sid) DO UPDATE SET campaign_id = excluded.campaign_id, number = excluded.number, name = excluded.name,
         status = excluded.status, status_rank = excluded.status_rank, date_created = excluded.date_created, at_ms = excluded.at_ms,
         start_time = excluded.start_time, end_time = excluded.end_time, duration_sec = excluded.duration_sec, price = excluded.price,
         attempt_number = excluded.attempt_number, recording_url = excluded.recording_url, digits = excluded.digits,
         from_sync = excluded.from_sync, from_webhook = excluded.from_webhook, updated_at = excluded.updated_at
       RETURNING rowid`,
      )
      .get({
        ...call,
        fromSync: call.fromSync ? 1 : 0,
        fromWebhook: call.fromWebhook ? 1 : 0,
        updatedAt: new Date().toISOString(),
      });
    return rowidRow.parse(written).rowid;
  }

  reportCalls(campaignId: string): ReportCall[] {
    const cached = this.reportRows.rowsOf(campaignId);
    if (cached !== undefined) return cached;
    // Materialising 200,000 rows costs ~250 ms (the rows, not SQLite's search): done once per campaign, then
    // every committed write keeps the copy current (report-row-cache.ts).
    const rows = new Map<number, ReportCall>();
    for (const row of this.connection
      .sql('SELECT rowid, number, status, at_ms, duration_sec, price, attempt_number FROM calls WHERE campaign_id = ?')
      .raw()
      .iterate(campaignId)) {
      if (!Array.isArray(row)) continue;
      const cells: readonly unknown[] = row;
      const [rowid, number, status, at] = cells;
      if (typeof rowid !== 'number' || typeof number !== 'string' || !isCallStatus(status) || typeof at !== 'number') continue;
      rows.set(rowid, {
        number,
        status,
        at,
        durationSec: numberOrNull(cells[4]),
        price: numberOrNull(cells[5]),
        attemptNumber: numberOrNull(cells[6]),
      });
    }
    // Rows read inside an open transaction may yet be rolled back: they are not kept.
    if (!this.connection.inTransaction) this.reportRows.keep(campaignId, rows);
    return [...rows.values()];
  }

  countCalls(campaignId: string): CallCounts {
    const row = callCountsRow.parse(
      this.connection
        .sql(
          `WITH first_webhook AS (SELECT (SELECT first_at_ms FROM campaign_webhook_times WHERE campaign_id = ?) AS since_ms)
         SELECT COUNT(*) AS total, COALESCE(SUM(from_sync), 0) AS from_sync,
           COALESCE(SUM(from_sync = 1 AND at_ms >= since_ms), 0) AS synced_since_webhooks,
           COALESCE(SUM(from_sync = 1 AND from_webhook = 0 AND at_ms >= since_ms), 0) AS without_webhook
         FROM calls, first_webhook WHERE campaign_id = ?`,
        )
        .get(campaignId, campaignId),
    );
    return {
      total: row.total,
      fromSync: row.from_sync,
      syncedSinceWebhooks: row.synced_since_webhooks,
      withoutWebhook: row.without_webhook,
    };
  }

  countCallsStartedSince(campaignId: string, sinceMs: number): number {
    // calls_by_campaign_time (campaign_id, at_ms) makes this a short range scan.
    const row = this.connection.sql('SELECT COUNT(*) AS calls FROM calls WHERE campaign_id = ? AND at_ms >= ?').get(campaignId, sinceMs);
    return startedCountRow.parse(row).calls;
  }

  findCampaignForCall(callSid: string): string | null {
    const row = this.connection.sql('SELECT campaign_id FROM calls WHERE call_sid = ?').get(callSid);
    return row === undefined ? null : campaignIdRow.parse(row).campaign_id;
  }

  queryContacts(campaignId: string, query: ContactsQuery): ContactsResponse {
    return this.contacts.queryContacts(campaignId, query);
  }

  contactOutcomes(campaignId: string): ContactOutcome[] {
    return this.contacts.contactOutcomes(campaignId);
  }

  findCampaignsForNumber(number: string): string[] {
    return this.contacts.findCampaignsForNumber(number);
  }
}
