// Contacts in SQLite: each contact's row folded from its stored calls (with its search index entry), and the
// reads over them: a page of contacts, outcomes grouped for the campaigns list, campaigns by number.
import { z } from 'zod';
import type { ContactRow, ContactsQuery, ContactsResponse } from '../../../domain/api-schemas';
import { CALL_STATUSES } from '../../../domain/call-status';
import { foldContact, type ContactAttempt } from '../../../domain/contacts/fold-contact';
import type { ContactOutcome } from '../../../domain/report/contact-outcome';
import { metadataCells, metadataFields } from '../contact-metadata-rows';
import { holdsFolded, pendingContactOf, storedFoldCells } from '../contact-rows';
import { contactSql, digitsOf, numberKeyOf, pendingContactSql, searchTextOf, type ContactSql } from '../contact-query';
import { contactRowDbSchema, isCallStatus, numberOrNull } from '../rows';
import type { SqliteConnection } from './connection';
import { COUNTER, type SqliteCounters } from './counters';

const countRow = z.object({ n: z.number() });
const campaignIdRow = z.object({ campaign_id: z.string() });
const contactOutcomeRow = z.object({ status: z.enum(CALL_STATUSES), attempts: z.number().int(), contacts: z.number().int() });
const storedContactRow = storedFoldCells.extend({ search_id: z.number().nullable() });

const sheetRow = metadataCells.extend({ number_key: z.string(), name: z.string().nullable() });
const pageRow = z.object({ number: z.string(), n: z.number().int() });
const pageContactRow = contactRowDbSchema.extend({ number_key: z.string() });

export class SqliteContacts {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly counters: SqliteCounters,
  ) {}

  /** Recomputes one contact from its stored attempts (inside the caller's transaction); true when its row changed. */
  refold(campaignId: string, number: string): boolean {
    const sql = (source: string) => this.connection.sql(source);
    const attempts: ContactAttempt[] = [];
    for (const row of sql('SELECT status, at_ms, duration_sec, name FROM calls WHERE campaign_id = ? AND number = ?')
      .raw()
      .all(campaignId, number)) {
      if (!Array.isArray(row)) continue;
      const cells: readonly unknown[] = row;
      const [status, at, durationSec, name] = cells;
      if (!isCallStatus(status) || typeof at !== 'number') continue;
      attempts.push({ status, at, durationSec: numberOrNull(durationSec), name: typeof name === 'string' ? name : null });
    }
    const beforeRow = sql(
      'SELECT name, final_status, attempts, last_duration_sec, first_call_at, last_call_at, search_id FROM contacts WHERE campaign_id = ? AND number = ?',
    ).get(campaignId, number);
    const before = beforeRow === undefined ? null : storedContactRow.parse(beforeRow);

    if (attempts.length === 0) {
      if (before === null) return false;
      sql('DELETE FROM contacts WHERE campaign_id = ? AND number = ?').run(campaignId, number);
      if (before.search_id !== null) sql('DELETE FROM contact_search WHERE rowid = ?').run(before.search_id);
      return true;
    }
    const folded = foldContact(attempts);
    if (before !== null && holdsFolded(before, folded)) return false;

    // The search index holds the name: a new contact gets an entry, a renamed one a fresh entry.
    let searchId = before?.search_id ?? null;
    if (searchId === null || before?.name !== folded.name) {
      if (searchId !== null) sql('DELETE FROM contact_search WHERE rowid = ?').run(searchId);
      else searchId = this.counters.next(COUNTER.contactSearchSeq);
      sql('INSERT INTO contact_search (rowid, text) VALUES (?, ?)').run(searchId, searchTextOf(number, folded.name));
    }
    sql(
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

  queryContacts(campaignId: string, query: ContactsQuery): ContactsResponse {
    const sql = (source: string) => this.connection.sql(source);
    const hasMetadata = sql('SELECT 1 FROM contact_metadata_uploads WHERE campaign_id = ?').get(campaignId) !== undefined;
    const dialled = contactSql(campaignId, query, hasMetadata);
    const { numbers, dialledTotal } = this.dialledPage(campaignId, dialled, query);
    // Contacts only the uploaded sheet knows (pending) come after every dialled one, whatever the sort.
    const pending = hasMetadata ? pendingContactSql(campaignId, query) : null;
    const pendingTotal = pending === null ? 0 : countRow.parse(sql(`SELECT COUNT(*) AS n FROM ${pending.from} WHERE ${pending.where}`).get(...pending.params)).n;
    const total = dialledTotal + pendingTotal;
    if (total <= query.offset) return { total, rows: [] };
    const rows = this.readContacts(campaignId, numbers, hasMetadata);
    const room = query.limit - rows.length;
    if (pending !== null && room > 0) {
      const offset = Math.max(0, query.offset - dialledTotal);
      for (const raw of sql(
        `SELECT m.number, m.name, m.email, m.tags_json, m.metadata_json FROM ${pending.from} WHERE ${pending.where}
         ORDER BY ${pending.orderBy} LIMIT ? OFFSET ?`,
      ).all(...pending.params, room, offset)) {
        rows.push(pendingContactOf(raw));
      }
    }
    return { total, rows };
  }

  /**
   * The numbers of the page's dialled contacts, from a sort index alone (however deep the offset) or from the search
   * matches, and how many dialled contacts match in all.
   */
  private dialledPage(campaignId: string, dialled: ContactSql, query: ContactsQuery): { numbers: string[]; dialledTotal: number } {
    const sql = (source: string) => this.connection.sql(source);
    const { from, where, params, orderBy } = dialled;
    const page = (select: string) => sql(`SELECT ${select} FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`);
    const count = () => countRow.parse(sql(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`).get(...params)).n;
    if (dialled.countBy === 'with-page') {
      // Every match is read to be sorted anyway: counting them in the same statement saves a second search.
      const matches = page('number, COUNT(*) OVER () AS n').all(...params, query.limit, query.offset).map((raw) => pageRow.parse(raw));
      const first = matches[0];
      return { numbers: matches.map((row) => row.number), dialledTotal: first === undefined ? count() : first.n };
    }
    const dialledTotal =
      dialled.countBy === 'status-counts'
        ? query.status === undefined
          ? countRow.parse(sql('SELECT COALESCE(SUM(contacts), 0) AS n FROM contact_counts WHERE campaign_id = ?').get(campaignId)).n
          : countRow.parse(sql('SELECT COALESCE(SUM(contacts), 0) AS n FROM contact_counts WHERE campaign_id = ? AND final_status = ?').get(campaignId, query.status)).n
        : count();
    if (query.offset >= dialledTotal) return { numbers: [], dialledTotal };
    return { numbers: z.array(z.string()).parse(page('number').pluck().all(...params, query.limit, query.offset)), dialledTotal };
  }

  /**
   * The rows of these dialled contacts, in this order, read in one statement (a statement per row costs a query plan
   * each time); the sheet's name, email, tags and metadata are looked up only when the campaign has a sheet.
   */
  private readContacts(campaignId: string, numbers: readonly string[], hasMetadata: boolean): ContactRow[] {
    if (numbers.length === 0) return [];
    const sql = (source: string) => this.connection.sql(source);
    const byNumber = new Map<string, z.infer<typeof pageContactRow>>();
    for (const raw of sql(
      `SELECT number, number_key, name, final_status, attempts, last_duration_sec, first_call_at, last_call_at
       FROM contacts WHERE campaign_id = ? AND number IN (SELECT value FROM json_each(?))`,
    ).all(campaignId, JSON.stringify(numbers))) {
      const row = pageContactRow.parse(raw);
      byNumber.set(row.number, row);
    }
    const sheet = new Map<string, z.infer<typeof sheetRow>>();
    if (hasMetadata) {
      const keys = [...byNumber.values()].map((row) => row.number_key);
      for (const raw of sql(
        `SELECT number_key, name, email, tags_json, metadata_json FROM contact_metadata
         WHERE campaign_id = ? AND number_key IN (SELECT value FROM json_each(?))`,
      ).all(campaignId, JSON.stringify(keys))) {
        const row = sheetRow.parse(raw);
        sheet.set(row.number_key, row);
      }
    }
    const rows: ContactRow[] = [];
    for (const number of numbers) {
      const row = byNumber.get(number);
      if (row === undefined) continue;
      const extra = sheet.get(row.number_key);
      rows.push({
        number: row.number,
        name: extra?.name ?? row.name,
        finalStatus: row.final_status,
        attempts: row.attempts,
        lastDurationSec: row.last_duration_sec,
        firstCallAt: new Date(row.first_call_at).toISOString(),
        lastCallAt: new Date(row.last_call_at).toISOString(),
        ...(extra === undefined ? { email: null, tags: [], metadata: {} } : metadataFields(extra)),
      });
    }
    return rows;
  }

  contactOutcomes(campaignId: string): ContactOutcome[] {
    return this.connection
      .sql('SELECT final_status AS status, attempts, COUNT(*) AS contacts FROM contacts WHERE campaign_id = ? GROUP BY final_status, attempts')
      .all(campaignId)
      .map((row) => contactOutcomeRow.parse(row));
  }

  findCampaignsForNumber(number: string): string[] {
    const key = numberKeyOf(number);
    if (key === '') return [];
    return this.connection
      .sql('SELECT DISTINCT campaign_id FROM contacts WHERE number_key = ? ORDER BY campaign_id')
      .all(key)
      .map((row) => campaignIdRow.parse(row).campaign_id);
  }
}
