// Contacts in SQLite: each contact's row folded from its stored calls (with its search index entry), and the
// reads over them: a page of contacts, outcomes grouped for the campaigns list, campaigns by number.
import { z } from 'zod';
import type { ContactRow, ContactsQuery, ContactsResponse } from '../../../domain/api-schemas';
import { CALL_STATUSES } from '../../../domain/call-status';
import { foldContact, type ContactAttempt, type FoldedContact } from '../../../domain/contacts/fold-contact';
import type { ContactOutcome } from '../../../domain/report/contact-outcome';
import { contactSql, digitsOf, numberKeyOf, searchTextOf } from '../contact-query';
import { contactRowDbSchema, isCallStatus, numberOrNull } from '../rows';
import type { SqliteConnection } from './connection';
import { COUNTER, type SqliteCounters } from './counters';

const countRow = z.object({ n: z.number() });
const campaignIdRow = z.object({ campaign_id: z.string() });
const contactOutcomeRow = z.object({ status: z.enum(CALL_STATUSES), attempts: z.number().int(), contacts: z.number().int() });
const storedContactRow = z.object({
  name: z.string().nullable(),
  final_status: z.string(),
  attempts: z.number(),
  last_duration_sec: z.number().nullable(),
  first_call_at: z.number(),
  last_call_at: z.number(),
  search_id: z.number().nullable(),
});

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
    if (before !== null && sameContact(before, folded)) return false;

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
    const { from, where, params, orderBy } = contactSql(campaignId, query);
    const total = countRow.parse(sql(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`).get(...params)).n;
    if (total <= query.offset) return { total, rows: [] };
    // The page's numbers come from a sort index alone (however deep the offset), or from the search matches;
    // only those rows are then read, by primary key, in the page's order.
    const numbers = sql(`SELECT number FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, query.limit, query.offset);
    const read = sql(
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
