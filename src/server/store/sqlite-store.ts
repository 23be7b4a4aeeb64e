// The SQLite implementation of CallboardStore (better-sqlite3, WAL). All SQL of the server lives in this folder,
// so a PostgreSQL implementation can be added beside it without touching sync, routes or webhooks.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { ContactRow, ContactsQuery, ContactsResponse, WebhookHealth } from '../../domain/api-schemas';
import type { CallRecord, Campaign, UpstreamStats } from '../../domain/campaign';
import type { CampaignStatus } from '../../domain/campaign-status';
import { foldContact, type ContactAttempt, type FoldedContact } from '../../domain/contacts/fold-contact';
import type { ReportCall } from '../../domain/report-input';
import { msOfIso } from '../../domain/instant';
import { statsKey } from '../../domain/stats-key';
import { contactSql, digitsOf, numberKeyOf, searchTextOf } from './contact-query';
import { mergeCall, sameCall, type StoredCall } from './merge-call';
import { migrate } from './migrations';
import { campaignFromRow, contactRowDbSchema, isCallStatus, numberOrNull, storedCallFromRow } from './rows';
import { CALL_STATUSES } from '../../domain/call-status';
import type {
  CallSource,
  ContactOutcome,
  CallboardStore,
  QuarantinedEvent,
  StoredWebhookEvent,
  SyncState,
  UpsertResult,
} from './store';

const BUSY_TIMEOUT_MS = 5_000;

/** Opens (creating if needed) the database at `path`; ':memory:' gives a private in-memory store. */
export function openSqliteStore(path: string): CallboardStore {
  return new SqliteStore(openSqliteDatabase(path));
}

/** The configured, migrated connection behind a store (tests read it to compare whole tables). */
export function openSqliteDatabase(path: string): Database.Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
  // Keeps the planner's statistics current on long-lived connections (cheap; see SQLite's PRAGMA optimize).
  db.pragma('optimize = 0x10002');
  return db;
}

const countRow = z.object({ n: z.number() });
const contactOutcomeRow = z.object({ status: z.enum(CALL_STATUSES), attempts: z.number().int(), contacts: z.number().int() });
const versionRow = z.object({ version: z.number() });
const campaignIdRow = z.object({ campaign_id: z.string() });
const textValueRow = z.object({ text_value: z.string().nullable() });
const lastAtRow = z.object({ last_at: z.string() });
const counterRow = z.object({ name: z.string(), value: z.number() });
const callCountsRow = z.object({
  total: z.number(),
  from_sync: z.number(),
  synced_since_webhooks: z.number(),
  without_webhook: z.number(),
});
const syncStateRow = z.object({
  campaign_id: z.string(),
  high_water_offset: z.number(),
  calls_expected: z.number().nullable(),
  last_polled_at: z.string().nullable(),
  last_full_pass_at: z.string().nullable(),
});
const quarantineRow = z.object({
  id: z.number(),
  kind: z.enum(['call-status', 'call-schedule', 'campaign-status']),
  dedupe_key: z.string(),
  campaign_id: z.string().nullable(),
  received_at: z.string(),
  raw_body: z.string(),
  call_sid: z.string().nullable(),
  number: z.string().nullable(),
});
const storedContactRow = z.object({
  name: z.string().nullable(),
  final_status: z.string(),
  attempts: z.number(),
  last_duration_sec: z.number().nullable(),
  first_call_at: z.number(),
  last_call_at: z.number(),
  search_id: z.number().nullable(),
});

const COUNTER = {
  malformed: 'malformed_records',
  accepted: 'webhooks_accepted',
  duplicate: 'webhooks_duplicate',
  rejected: 'webhooks_rejected',
  lastWebhook: 'webhook_last_at',
} as const;

/** How long raw webhook events are kept, and how often (in accepted events) older ones are pruned. */
export const WEBHOOK_EVENT_RETENTION_MS = 7 * 24 * 60 * 60_000;
const PRUNE_EVERY_EVENTS = 1_000;
/** Campaigns whose report rows stay in memory (about 30 MB for 200,000 calls). */
const REPORT_ROW_CACHE_CAMPAIGNS = 4;
const rowidRow = z.object({ rowid: z.number().int() });

export class SqliteStore implements CallboardStore {
  private readonly statements = new Map<string, Database.Statement>();

  private eventsSincePrune = 0;
  /** Report rows (rowid -> row) of the campaigns reported most recently, kept equal to what is committed. */
  private readonly reportRowCache = new Map<string, Map<number, ReportCall>>();
  private pendingReportRows: Array<{ rowid: number; previousCampaignId: string | null; call: StoredCall }> = [];

  constructor(private readonly db: Database.Database) {}

  /**
   * Deletes raw webhook events that arrived before `beforeMs`; returns how many. Exotel repeats a delivery within
   * minutes, so a week of raw events dedupes every repeat and leaves time to look into a bad day.
   */
  pruneWebhookEvents(beforeMs: number): number {
    return this.sql('DELETE FROM webhook_events WHERE received_at_ms < ?').run(beforeMs).changes;
  }

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  transaction<T>(fn: () => T): T {
    // Nested calls simply run inside the outer transaction, which commits or rolls back everything at once.
    if (this.db.inTransaction) return fn();
    try {
      const result = this.db.transaction(fn)();
      // Only what committed reaches the in-memory report rows; a rollback leaves them as they were.
      this.applyPendingReportRows();
      return result;
    } finally {
      this.pendingReportRows = [];
    }
  }

  private bumpVersion(campaignId: string): void {
    this.sql(
      'INSERT INTO campaign_versions (campaign_id, version) VALUES (?, 1) ON CONFLICT(campaign_id) DO UPDATE SET version = version + 1',
    ).run(campaignId);
  }

  campaignVersion(campaignId: string): number {
    const row = this.sql('SELECT version FROM campaign_versions WHERE campaign_id = ?').get(campaignId);
    return row === undefined ? 0 : versionRow.parse(row).version;
  }

  // ---- campaigns ----

  upsertCampaigns(campaigns: readonly Campaign[], polledAt: string): void {
    this.transaction(() => {
      for (const campaign of campaigns) this.writeCampaign(campaign, polledAt, polledAt);
    });
  }

  /** Writes one campaign; bumps its version only when something a report shows changed (not the poll time). */
  private writeCampaign(campaign: Campaign, polledAt: string, statsAt: string): void {
    const before = this.getCampaign(campaign.id);
    const stats = statsKey(campaign.stats);
    const params = {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      stats_json: stats,
      caller_id: campaign.callerId,
      retries_json: campaign.retries === null ? null : JSON.stringify(campaign.retries),
      send_at: campaign.schedule.sendAt,
      end_at: campaign.schedule.endAt,
      date_created: campaign.dateCreated,
      date_created_ms: msOfIso(campaign.dateCreated),
      date_updated: campaign.dateUpdated,
      polled_at: polledAt,
    };
    this.sql(
      `INSERT INTO campaigns (id, name, status, stats_json, caller_id, retries_json, send_at, end_at, date_created, date_created_ms, date_updated, polled_at)
       VALUES (@id, @name, @status, @stats_json, @caller_id, @retries_json, @send_at, @end_at, @date_created, @date_created_ms, @date_updated, @polled_at)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, status = excluded.status, stats_json = excluded.stats_json,
         caller_id = excluded.caller_id, retries_json = excluded.retries_json, send_at = excluded.send_at, end_at = excluded.end_at,
         date_created = excluded.date_created, date_created_ms = excluded.date_created_ms, date_updated = excluded.date_updated,
         polled_at = excluded.polled_at`,
    ).run(params);
    const statsChanged = before === null || statsKey(before.stats) !== stats;
    if (statsChanged) {
      this.sql('INSERT INTO campaign_stats_history (campaign_id, at, stats_json) VALUES (?, ?, ?)').run(campaign.id, statsAt, stats);
    }
    const after = this.getCampaign(campaign.id);
    if (before === null || JSON.stringify(before) !== JSON.stringify(after)) this.bumpVersion(campaign.id);
  }

  listCampaigns(): Campaign[] {
    return this.sql('SELECT * FROM campaigns ORDER BY date_created_ms DESC NULLS LAST, id DESC')
      .all()
      .map(campaignFromRow);
  }

  getCampaign(id: string): Campaign | null {
    const row = this.sql('SELECT * FROM campaigns WHERE id = ?').get(id);
    return row === undefined ? null : campaignFromRow(row);
  }

  setCampaignStatus(campaignId: string, status: CampaignStatus, stats: UpstreamStats | null, at: string): boolean {
    return this.transaction(() => {
      const before = this.getCampaign(campaignId);
      if (before === null) return false;
      const polledRow = this.sql('SELECT polled_at AS text_value FROM campaigns WHERE id = ?').get(campaignId);
      const polledAt = polledRow === undefined ? at : (textValueRow.parse(polledRow).text_value ?? at);
      // A status webhook may carry only some counts: it refines the stored stats rather than replacing them.
      const merged: UpstreamStats =
        stats === null
          ? before.stats
          : {
              created: stats.created ?? before.stats.created,
              completed: stats.completed ?? before.stats.completed,
              failed: stats.failed ?? before.stats.failed,
              pending: stats.pending ?? before.stats.pending,
              inProgress: stats.inProgress ?? before.stats.inProgress,
              busy: stats.busy ?? before.stats.busy,
              noAnswer: stats.noAnswer ?? before.stats.noAnswer,
              extra: { ...before.stats.extra, ...stats.extra },
            };
      // The status's own date, when later than what is stored: it orders a later pause and resume.
      const dateUpdated = before.dateUpdated !== null && Date.parse(before.dateUpdated) >= Date.parse(at) ? before.dateUpdated : at;
      this.writeCampaign({ ...before, status, stats: merged, dateUpdated }, polledAt, at);
      return true;
    });
  }

  // ---- calls and contacts ----

  upsertCalls(records: readonly CallRecord[], source: CallSource): UpsertResult {
    return this.transaction(() => {
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
        const row = this.sql('SELECT * FROM calls WHERE call_sid = ?').get(record.callSid);
        const existing = row === undefined ? null : storedCallFromRow(row);
        const merged = mergeCall(existing, record, source, atMs);
        if (existing !== null && sameCall(existing, merged)) continue;
        const rowid = this.writeCall(merged);
        this.pendingReportRows.push({ rowid, previousCampaignId: existing?.campaignId ?? null, call: merged });
        if (existing === null) result.inserted++;
        else {
          result.updated++;
          touch(existing);
        }
        touch(merged);
      }

      for (const { campaignId, number } of touchedContacts.values()) {
        if (this.refoldContact(campaignId, number)) result.contactsChanged++;
      }
      for (const campaignId of touchedCampaigns) this.bumpVersion(campaignId);
      if (malformed > 0) this.noteMalformedRecords(malformed);
      return result;
    });
  }

  /** Inserts or updates the call's row; returns its rowid (kept across updates), the key of the report rows. */
  private writeCall(call: StoredCall): number {
    const written = this.sql(
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
    ).get({
      ...call,
      fromSync: call.fromSync ? 1 : 0,
      fromWebhook: call.fromWebhook ? 1 : 0,
      updatedAt: new Date().toISOString(),
    });
    return rowidRow.parse(written).rowid;
  }

  /** Recomputes one contact from its stored attempts; true when its row changed. */
  private refoldContact(campaignId: string, number: string): boolean {
    const attempts: ContactAttempt[] = [];
    for (const row of this.sql('SELECT status, at_ms, duration_sec, name FROM calls WHERE campaign_id = ? AND number = ?')
      .raw()
      .all(campaignId, number)) {
      if (!Array.isArray(row)) continue;
      const cells: readonly unknown[] = row;
      const [status, at, durationSec, name] = cells;
      if (!isCallStatus(status) || typeof at !== 'number') continue;
      attempts.push({ status, at, durationSec: numberOrNull(durationSec), name: typeof name === 'string' ? name : null });
    }
    const beforeRow = this.sql(
      'SELECT name, final_status, attempts, last_duration_sec, first_call_at, last_call_at, search_id FROM contacts WHERE campaign_id = ? AND number = ?',
    ).get(campaignId, number);
    const before = beforeRow === undefined ? null : storedContactRow.parse(beforeRow);

    if (attempts.length === 0) {
      if (before === null) return false;
      this.sql('DELETE FROM contacts WHERE campaign_id = ? AND number = ?').run(campaignId, number);
      if (before.search_id !== null) this.sql('DELETE FROM contact_search WHERE rowid = ?').run(before.search_id);
      return true;
    }
    const folded = foldContact(attempts);
    if (before !== null && sameContact(before, folded)) return false;

    // The search index holds the name: a new contact gets an entry, a renamed one a fresh entry.
    let searchId = before?.search_id ?? null;
    if (searchId === null || before?.name !== folded.name) {
      if (searchId !== null) this.sql('DELETE FROM contact_search WHERE rowid = ?').run(searchId);
      else searchId = this.nextSearchId();
      this.sql('INSERT INTO contact_search (rowid, text) VALUES (?, ?)').run(searchId, searchTextOf(number, folded.name));
    }
    this.sql(
      `INSERT INTO contacts (campaign_id, number, number_digits, number_key, name, final_status, attempts, last_duration_sec, first_call_at, last_call_at, search_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(campaign_id, number) DO UPDATE SET name = excluded.name, final_status = excluded.final_status,
         attempts = excluded.attempts, last_duration_sec = excluded.last_duration_sec,
         first_call_at = excluded.first_call_at, last_call_at = excluded.last_call_at, search_id = excluded.search_id`,
    ).run(
      campaignId,
      number,
      digitsOf(number),
      numberKeyOf(number),
      folded.name,
      folded.finalStatus,
      folded.attempts,
      folded.lastDurationSec,
      folded.firstCallAt,
      folded.lastCallAt,
      searchId,
    );
    return true;
  }

  private nextSearchId(): number {
    const row = this.sql(
      `INSERT INTO counters (name, value) VALUES ('contact_search_seq', 1)
       ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value AS n`,
    ).get();
    return countRow.parse(row).n;
  }

  reportCalls(campaignId: string): ReportCall[] {
    const cached = this.reportRowCache.get(campaignId);
    if (cached !== undefined) {
      // Most recently used last, so the eviction below drops the campaign nobody has looked at for longest.
      this.reportRowCache.delete(campaignId);
      this.reportRowCache.set(campaignId, cached);
      return [...cached.values()];
    }
    // Materialising 200,000 rows costs ~250 ms (the rows, not SQLite's search): done once per campaign, then
    // every committed write keeps the copy current (applyPendingReportRows).
    const rows = new Map<number, ReportCall>();
    for (const row of this.sql('SELECT rowid, number, status, at_ms, duration_sec, price, attempt_number FROM calls WHERE campaign_id = ?')
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
    if (!this.db.inTransaction) {
      this.reportRowCache.set(campaignId, rows);
      for (const oldest of this.reportRowCache.keys()) {
        if (this.reportRowCache.size <= REPORT_ROW_CACHE_CAMPAIGNS) break;
        this.reportRowCache.delete(oldest);
      }
    }
    return [...rows.values()];
  }

  private applyPendingReportRows(): void {
    for (const { rowid, previousCampaignId, call } of this.pendingReportRows) {
      if (previousCampaignId !== null && previousCampaignId !== call.campaignId) this.reportRowCache.get(previousCampaignId)?.delete(rowid);
      this.reportRowCache.get(call.campaignId)?.set(rowid, {
        number: call.number,
        status: call.status,
        at: call.atMs,
        durationSec: call.durationSec,
        price: call.price,
        attemptNumber: call.attemptNumber,
      });
    }
  }

  countCalls(campaignId: string): { total: number; fromSync: number; syncedSinceWebhooks: number; withoutWebhook: number } {
    const row = callCountsRow.parse(
      this.sql(
        `WITH first_webhook AS (SELECT (SELECT first_at_ms FROM campaign_webhook_times WHERE campaign_id = ?) AS since_ms)
         SELECT COUNT(*) AS total, COALESCE(SUM(from_sync), 0) AS from_sync,
           COALESCE(SUM(from_sync = 1 AND at_ms >= since_ms), 0) AS synced_since_webhooks,
           COALESCE(SUM(from_sync = 1 AND from_webhook = 0 AND at_ms >= since_ms), 0) AS without_webhook
         FROM calls, first_webhook WHERE campaign_id = ?`,
      ).get(campaignId, campaignId),
    );
    return {
      total: row.total,
      fromSync: row.from_sync,
      syncedSinceWebhooks: row.synced_since_webhooks,
      withoutWebhook: row.without_webhook,
    };
  }

  queryContacts(campaignId: string, query: ContactsQuery): ContactsResponse {
    const { from, where, params, orderBy } = contactSql(campaignId, query);
    const total = countRow.parse(this.sql(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`).get(...params)).n;
    if (total <= query.offset) return { total, rows: [] };
    // The page's numbers come from a sort index alone (however deep the offset), or from the search matches;
    // only those rows are then read, by primary key, in the page's order.
    const numbers = this.sql(`SELECT number FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, query.limit, query.offset);
    const read = this.sql(
      `SELECT number, name, final_status, attempts, last_duration_sec, first_call_at, last_call_at
       FROM contacts WHERE campaign_id = ? AND number = ?`,
    );
    const rows: ContactRow[] = [];
    for (const number of numbers) {
      const raw = read.get(campaignId, number);
      if (raw === undefined) continue;
      const row = contactRowDbSchema.parse(raw);
      rows.push({
        number: row.number,
        name: row.name,
        finalStatus: row.final_status,
        attempts: row.attempts,
        lastDurationSec: row.last_duration_sec,
        firstCallAt: new Date(row.first_call_at).toISOString(),
        lastCallAt: new Date(row.last_call_at).toISOString(),
      });
    }
    return { total, rows };
  }

  contactOutcomes(campaignId: string): ContactOutcome[] {
    return this.sql(
      'SELECT final_status AS status, attempts, COUNT(*) AS contacts FROM contacts WHERE campaign_id = ? GROUP BY final_status, attempts',
    )
      .all(campaignId)
      .map((row) => contactOutcomeRow.parse(row));
  }

  findCampaignForCall(callSid: string): string | null {
    const row = this.sql('SELECT campaign_id FROM calls WHERE call_sid = ?').get(callSid);
    return row === undefined ? null : campaignIdRow.parse(row).campaign_id;
  }

  findCampaignsForNumber(number: string): string[] {
    const key = numberKeyOf(number);
    if (key === '') return [];
    return this.sql('SELECT DISTINCT campaign_id FROM contacts WHERE number_key = ? ORDER BY campaign_id')
      .all(key)
      .map((row) => campaignIdRow.parse(row).campaign_id);
  }

  // ---- sync state ----

  getSyncState(campaignId: string): SyncState | null {
    const row = this.sql('SELECT * FROM sync_state WHERE campaign_id = ?').get(campaignId);
    if (row === undefined) return null;
    const parsed = syncStateRow.parse(row);
    return {
      campaignId: parsed.campaign_id,
      highWaterOffset: parsed.high_water_offset,
      callsExpected: parsed.calls_expected,
      lastPolledAt: parsed.last_polled_at,
      lastFullPassAt: parsed.last_full_pass_at,
    };
  }

  saveSyncState(state: SyncState): void {
    this.transaction(() => {
      const before = this.getSyncState(state.campaignId);
      if (before !== null && JSON.stringify(before) === JSON.stringify(normalisedSyncState(state))) return;
      this.sql(
        `INSERT INTO sync_state (campaign_id, high_water_offset, calls_expected, last_polled_at, last_full_pass_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(campaign_id) DO UPDATE SET high_water_offset = excluded.high_water_offset,
           calls_expected = excluded.calls_expected, last_polled_at = excluded.last_polled_at,
           last_full_pass_at = excluded.last_full_pass_at`,
      ).run(state.campaignId, state.highWaterOffset, state.callsExpected, state.lastPolledAt, state.lastFullPassAt);
      this.bumpVersion(state.campaignId);
    });
  }

  // ---- webhooks ----

  recordWebhookEvent(event: StoredWebhookEvent): boolean {
    return this.transaction(() => {
      const ms = Date.parse(event.receivedAt);
      const inserted = this.sql(
        'INSERT OR IGNORE INTO webhook_events (dedupe_key, kind, campaign_id, received_at, received_at_ms, raw_body) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(event.dedupeKey, event.kind, event.campaignId, event.receivedAt, Number.isNaN(ms) ? null : ms, event.rawBody);
      if (inserted.changes === 0) {
        this.addToCounter(COUNTER.duplicate, 1);
        return false;
      }
      this.addToCounter(COUNTER.accepted, 1);
      if (++this.eventsSincePrune >= PRUNE_EVERY_EVENTS && !Number.isNaN(ms)) {
        this.eventsSincePrune = 0;
        this.pruneWebhookEvents(ms - WEBHOOK_EVENT_RETENTION_MS);
      }
      if (!Number.isNaN(ms)) {
        this.sql(
          `INSERT INTO counters (name, value, text_value) VALUES (?, ?, ?)
           ON CONFLICT(name) DO UPDATE SET value = excluded.value, text_value = excluded.text_value WHERE excluded.value > counters.value`,
        ).run(COUNTER.lastWebhook, ms, event.receivedAt);
        if (event.campaignId !== null) {
          this.sql(
            `INSERT INTO campaign_webhook_times (campaign_id, last_at, last_at_ms, first_at_ms) VALUES (?, ?, ?, ?)
             ON CONFLICT(campaign_id) DO UPDATE SET
               last_at = CASE WHEN excluded.last_at_ms > last_at_ms THEN excluded.last_at ELSE last_at END,
               last_at_ms = MAX(last_at_ms, excluded.last_at_ms),
               first_at_ms = MIN(COALESCE(first_at_ms, excluded.first_at_ms), excluded.first_at_ms)`,
          ).run(event.campaignId, event.receivedAt, ms, ms);
        }
      }
      if (event.campaignId !== null) this.bumpVersion(event.campaignId);
      return true;
    });
  }

  lastWebhookAt(campaignId: string): string | null {
    const row = this.sql('SELECT last_at FROM campaign_webhook_times WHERE campaign_id = ?').get(campaignId);
    return row === undefined ? null : lastAtRow.parse(row).last_at;
  }

  quarantine(event: Omit<QuarantinedEvent, 'id'>): void {
    this.sql(
      `INSERT INTO webhook_quarantine (dedupe_key, kind, campaign_id, received_at, raw_body, call_sid, number)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(event.dedupeKey, event.kind, event.campaignId, event.receivedAt, event.rawBody, event.callSid, event.number);
  }

  listQuarantined(limit: number): QuarantinedEvent[] {
    return this.sql('SELECT * FROM webhook_quarantine ORDER BY id LIMIT ?')
      .all(limit)
      .map((raw) => {
        const row = quarantineRow.parse(raw);
        return {
          id: row.id,
          kind: row.kind,
          dedupeKey: row.dedupe_key,
          campaignId: row.campaign_id,
          receivedAt: row.received_at,
          rawBody: row.raw_body,
          callSid: row.call_sid,
          number: row.number,
        };
      });
  }

  releaseQuarantined(id: number): void {
    this.sql('DELETE FROM webhook_quarantine WHERE id = ?').run(id);
  }

  webhookHealth(): WebhookHealth {
    const counters = this.counters();
    const lastRow = this.sql('SELECT text_value FROM counters WHERE name = ?').get(COUNTER.lastWebhook);
    const quarantined = countRow.parse(this.sql('SELECT COUNT(*) AS n FROM webhook_quarantine').get()).n;
    return {
      lastAt: lastRow === undefined ? null : textValueRow.parse(lastRow).text_value,
      accepted: counters.get(COUNTER.accepted) ?? 0,
      duplicate: counters.get(COUNTER.duplicate) ?? 0,
      rejected: counters.get(COUNTER.rejected) ?? 0,
      quarantined,
    };
  }

  noteWebhookRejected(): void {
    this.addToCounter(COUNTER.rejected, 1);
  }

  noteMalformedRecords(count: number): void {
    if (count > 0) this.addToCounter(COUNTER.malformed, count);
  }

  malformedRecords(): number {
    return this.counters().get(COUNTER.malformed) ?? 0;
  }

  private addToCounter(name: string, by: number): void {
    this.sql('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value').run(name, by);
  }

  private counters(): Map<string, number> {
    return new Map(
      this.sql('SELECT name, value FROM counters')
        .all()
        .map((raw) => {
          const row = counterRow.parse(raw);
          return [row.name, row.value] as const;
        }),
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function normalisedSyncState(state: SyncState): SyncState {
  return {
    campaignId: state.campaignId,
    highWaterOffset: state.highWaterOffset,
    callsExpected: state.callsExpected,
    lastPolledAt: state.lastPolledAt,
    lastFullPassAt: state.lastFullPassAt,
  };
}

function sameContact(before: z.infer<typeof storedContactRow>, folded: FoldedContact): boolean {
  return (
    before.name === folded.name &&
    before.final_status === folded.finalStatus &&
    before.attempts === folded.attempts &&
    before.last_duration_sec === folded.lastDurationSec &&
    before.first_call_at === folded.firstCallAt &&
    before.last_call_at === folded.lastCallAt
  );
}
