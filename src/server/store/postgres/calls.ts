// PostgreSQL side of the CallStore port: call attempts upserted by call sid (merge rules in merge-call.ts), each
// touched contact refolded in the same transaction (contacts.ts), and the reads reports need (rows, counts, which
// campaign). A batch costs a fixed handful of statements: existing rows read at once, merged here, written at once.
import { z } from 'zod';
import type { ContactsQuery, ContactsResponse } from '../../../domain/api-schemas';
import type { CallRecord } from '../../../domain/campaign';
import type { ReportCall } from '../../../domain/report-input';
import type { ContactOutcome } from '../../../domain/report/contact-outcome';
import { mergeCall, sameCall, type StoredCall } from '../merge-call';
import { storedCallFromRow } from '../rows';
import type { CallCounts, CallSource, CallStore, UpsertResult } from '../store';
import type { PgConnection } from './connection';
import { PgContacts, type ContactKey } from './contacts';
import type { PgCounters } from './counters';
import { SequencedReportRows } from './report-rows';

const campaignIdRow = z.object({ campaign_id: z.string() });
const callCountsRow = z.object({
  total: z.number(),
  from_sync: z.number(),
  synced_since_webhooks: z.number(),
  without_webhook: z.number(),
});

const CALL_COLUMNS = `call_sid, campaign_id, number, name, status, status_rank, date_created, at_ms, start_time, end_time,
  duration_sec, price, attempt_number, recording_url, digits, from_sync, from_webhook`;
const WRITTEN_COLUMNS = `${CALL_COLUMNS}, updated_at, write_seq`;
/** The calls' columns as a recordset a statement can read from a JSON array of rows. */
const CALL_RECORDSET = `t(call_sid text, campaign_id text, number text, name text, status text, status_rank integer, date_created text,
  at_ms bigint, start_time text, end_time text, duration_sec double precision, price double precision, attempt_number integer,
  recording_url text, digits text, from_sync boolean, from_webhook boolean, updated_at text, write_seq bigint)`;

/** The first half of the advisory lock key of a campaign's call writes (the second is the campaign's hash). */
const CALL_WRITES_LOCK = 1_000_014;

interface Staged {
  /** The row before this batch (null for a new call). */
  before: StoredCall | null;
  call: StoredCall;
}

export class PgCallStore implements CallStore {
  private readonly contacts: PgContacts;
  private readonly reportRows: SequencedReportRows;

  constructor(
    private readonly connection: PgConnection,
    private readonly counters: PgCounters,
  ) {
    this.contacts = new PgContacts(connection);
    this.reportRows = new SequencedReportRows(connection);
  }

  upsertCalls(records: readonly CallRecord[], source: CallSource): UpsertResult {
    return this.connection.transaction(() => {
      const result: UpsertResult = { inserted: 0, updated: 0, contactsChanged: 0 };
      const touchedContacts = new Map<string, ContactKey>();
      const touchedCampaigns = new Set<string>();
      const touch = (call: StoredCall) => {
        touchedContacts.set(`${call.campaignId}\u0000${call.number}`, { campaignId: call.campaignId, number: call.number });
        touchedCampaigns.add(call.campaignId);
      };
      let malformed = 0;

      const callSids = records.map((record) => record.callSid);
      const locked = new Set(records.map((record) => record.campaignId));
      this.lockCampaigns(locked);
      let current = this.storedCalls(callSids);
      // A record may move a stored call from another campaign: that campaign's contacts change too.
      const movedFrom = new Set([...current.values()].map((call) => call.campaignId).filter((id) => !locked.has(id)));
      if (movedFrom.size > 0) {
        this.lockCampaigns(movedFrom);
        current = this.storedCalls(callSids);
      }
      // Each record merges with the row as the records before it in the batch left it, as one write at a time would.
      const changed = new Map<string, Staged>();
      for (const record of records) {
        const atMs = Date.parse(record.dateCreated);
        if (Number.isNaN(atMs)) {
          malformed++;
          continue;
        }
        const existing = current.get(record.callSid) ?? null;
        const merged = mergeCall(existing, record, source, atMs);
        if (existing !== null && sameCall(existing, merged)) continue;
        current.set(record.callSid, merged);
        const staged = changed.get(record.callSid);
        changed.set(record.callSid, { before: staged === undefined ? existing : staged.before, call: merged });
        if (existing === null) result.inserted++;
        else {
          result.updated++;
          touch(existing);
        }
        touch(merged);
      }

      const staged = [...changed.values()];
      const leftCampaigns = new Set(staged.flatMap(({ before, call }) => (before !== null && before.campaignId !== call.campaignId ? [before.campaignId] : [])));
      this.writeCalls(staged, this.reportRows.nextWriteSeqs(touchedCampaigns, leftCampaigns));
      result.contactsChanged = this.contacts.refold([...touchedContacts.values()]);
      for (const campaignId of touchedCampaigns) this.connection.bumpVersion(campaignId);
      // Only when there is something to count: the call costs a round trip.
      if (malformed > 0) this.counters.noteMalformedRecords(malformed);
      return result;
    });
  }

  /**
   * Makes other instances' writes to these campaigns wait until this transaction ends. The merge reads a call's row
   * and the refold a contact's calls before writing: without the lock, two instances writing the same campaign at
   * once could each read without the other's write and commit a merge or fold that misses it (READ COMMITTED).
   */
  private lockCampaigns(campaignIds: ReadonlySet<string>): void {
    if (campaignIds.size === 0) return;
    // Always in the same order, so that two batches over the same campaigns cannot deadlock. (A moved call's old
    // campaign is locked second: should that ever deadlock, PostgreSQL fails one of the two transactions.)
    this.connection.run(
      `SELECT pg_advisory_xact_lock(${CALL_WRITES_LOCK}, hashtext(id))
       FROM (SELECT id FROM jsonb_array_elements_text($1::jsonb) AS id ORDER BY id COLLATE "C") AS ordered`,
      [JSON.stringify([...campaignIds])],
    );
  }

  /** The stored rows of these call sids, by sid. */
  private storedCalls(callSids: readonly string[]): Map<string, StoredCall> {
    const stored = new Map<string, StoredCall>();
    if (callSids.length === 0) return stored;
    for (const raw of this.connection.all(
      `SELECT ${CALL_COLUMNS} FROM calls WHERE call_sid IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify([...new Set(callSids)])],
    )) {
      const call = storedCallFromRow(raw);
      stored.set(call.callSid, call);
    }
    return stored;
  }

  /** Inserts or updates the calls' rows in one statement, each stamped with its campaign's write number. */
  private writeCalls(staged: readonly Staged[], writeSeqs: ReadonlyMap<string, number>): void {
    if (staged.length === 0) return;
    const updatedAt = new Date().toISOString();
    const rows = staged.map(({ call }) => ({
      call_sid: call.callSid,
      campaign_id: call.campaignId,
      number: call.number,
      name: call.name,
      status: call.status,
      status_rank: call.statusRank,
      date_created: call.dateCreated,
      at_ms: call.atMs,
      start_time: call.startTime,
      end_time: call.endTime,
      duration_sec: call.durationSec,
      price: call.price,
      attempt_number: call.attemptNumber,
      recording_url: call.recordingUrl,
      digits: call.digits,
      from_sync: call.fromSync,
      from_webhook: call.fromWebhook,
      updated_at: updatedAt,
      write_seq: writeSeqs.get(call.campaignId) ?? 0,
    }));
    const written = this.connection.all(
      `INSERT INTO calls (${WRITTEN_COLUMNS})
       SELECT ${WRITTEN_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS ${CALL_RECORDSET}
       ON CONFLICT (call_sid) DO UPDATE SET campaign_id = excluded.campaign_id, number = excluded.number, name = excluded.name,
         status = excluded.status, status_rank = excluded.status_rank, date_created = excluded.date_created, at_ms = excluded.at_ms,
         start_time = excluded.start_time, end_time = excluded.end_time, duration_sec = excluded.duration_sec, price = excluded.price,
         attempt_number = excluded.attempt_number, recording_url = excluded.recording_url, digits = excluded.digits,
         from_sync = excluded.from_sync, from_webhook = excluded.from_webhook, updated_at = excluded.updated_at, write_seq = excluded.write_seq
       RETURNING call_sid`,
      [JSON.stringify(rows)],
    );
    if (written.length !== staged.length) throw new Error(`calls upsert wrote ${written.length} of ${staged.length} rows`);
  }

  reportCalls(campaignId: string): ReportCall[] {
    // Kept in memory and brought up to date by what any instance wrote since (report-rows.ts).
    return this.reportRows.rowsOf(campaignId);
  }

  countCalls(campaignId: string): CallCounts {
    const row = callCountsRow.parse(
      this.connection.get(
        `WITH first_webhook AS (SELECT (SELECT first_at_ms FROM campaign_webhook_times WHERE campaign_id = $1) AS since_ms)
         SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE from_sync) AS from_sync,
           COUNT(*) FILTER (WHERE from_sync AND at_ms >= since_ms) AS synced_since_webhooks,
           COUNT(*) FILTER (WHERE from_sync AND NOT from_webhook AND at_ms >= since_ms) AS without_webhook
         FROM calls, first_webhook WHERE campaign_id = $1`,
        [campaignId],
      ),
    );
    return {
      total: row.total,
      fromSync: row.from_sync,
      syncedSinceWebhooks: row.synced_since_webhooks,
      withoutWebhook: row.without_webhook,
    };
  }

  countCallsStartedSince(campaignId: string, sinceMs: number): number {
    // calls_by_campaign_time (campaign_id, at_ms, id) makes this a short range scan.
    const row = this.connection.get('SELECT COUNT(*) AS calls FROM calls WHERE campaign_id = $1 AND at_ms >= $2', [campaignId, sinceMs]);
    return Number(row?.calls ?? 0);
  }

  findCampaignForCall(callSid: string): string | null {
    const row = this.connection.get('SELECT campaign_id FROM calls WHERE call_sid = $1', [callSid]);
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
