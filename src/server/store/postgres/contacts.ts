// Contacts in PostgreSQL: each contact's row folded from its stored calls (with its search text), and the reads over
// them: a page of contacts, outcomes grouped for the campaigns list, campaigns by number. A batch of touched contacts
// is refolded in a handful of statements, whatever its size (each statement is a round trip).
import { z } from 'zod';
import type { ContactRow, ContactsQuery, ContactsResponse } from '../../../domain/api-schemas';
import { CALL_STATUSES } from '../../../domain/call-status';
import { foldContact, type ContactAttempt } from '../../../domain/contacts/fold-contact';
import type { ContactOutcome } from '../../../domain/report/contact-outcome';
import { dialledContactOf, holdsFolded, pendingContactOf, storedFoldCells } from '../contact-rows';
import { digitsOf, numberKeyOf, searchTextOf } from '../contact-query';
import { isCallStatus, numberOrNull } from '../rows';
import type { PgConnection } from './connection';
import { bind, pgContactSql, pgPendingContactSql } from './contact-query';

const countRow = z.object({ n: z.number() });
const numberRow = z.object({ number: z.string() });
const campaignIdRow = z.object({ campaign_id: z.string() });
const contactOutcomeRow = z.object({ status: z.enum(CALL_STATUSES), attempts: z.number().int(), contacts: z.number().int() });
const storedContactRow = storedFoldCells.extend({ campaign_id: z.string(), number: z.string() });

export interface ContactKey {
  campaignId: string;
  number: string;
}

/** The (campaign, number) pairs as a recordset a statement can join: `jsonb_to_recordset($n::jsonb) AS ${KEYS}`. */
const KEYS = 't(campaign_id text, number text)';
const keyOf = (campaignId: string, number: string) => `${campaignId}\u0000${number}`;

export class PgContacts {
  constructor(private readonly connection: PgConnection) {}

  /** Recomputes these contacts from their stored attempts (inside the caller's transaction); returns how many changed. */
  refold(contacts: readonly ContactKey[]): number {
    if (contacts.length === 0) return 0;
    const keys = JSON.stringify(contacts.map(({ campaignId, number }) => ({ campaign_id: campaignId, number })));
    const attempts = new Map<string, ContactAttempt[]>();
    for (const cells of this.connection.arrays(
      `SELECT calls.campaign_id, calls.number, status, at_ms, duration_sec, name FROM calls
       JOIN jsonb_to_recordset($1::jsonb) AS ${KEYS} ON calls.campaign_id = t.campaign_id AND calls.number = t.number`,
      [keys],
    )) {
      const [campaignId, number, status, at, durationSec, name] = cells;
      if (typeof campaignId !== 'string' || typeof number !== 'string' || !isCallStatus(status) || typeof at !== 'number') continue;
      const key = keyOf(campaignId, number);
      const list = attempts.get(key) ?? [];
      list.push({ status, at, durationSec: numberOrNull(durationSec), name: typeof name === 'string' ? name : null });
      attempts.set(key, list);
    }
    const before = new Map<string, z.infer<typeof storedContactRow>>();
    for (const raw of this.connection.all(
      `SELECT c.campaign_id, c.number, name, final_status, attempts, last_duration_sec, first_call_at, last_call_at FROM contacts AS c
       JOIN jsonb_to_recordset($1::jsonb) AS ${KEYS} ON c.campaign_id = t.campaign_id AND c.number = t.number`,
      [keys],
    )) {
      const row = storedContactRow.parse(raw);
      before.set(keyOf(row.campaign_id, row.number), row);
    }

    const gone: Array<{ campaign_id: string; number: string }> = [];
    const written: Array<Record<string, string | number | null>> = [];
    for (const { campaignId, number } of contacts) {
      const key = keyOf(campaignId, number);
      const stored = before.get(key) ?? null;
      const found = attempts.get(key);
      if (found === undefined) {
        if (stored !== null) gone.push({ campaign_id: campaignId, number });
        continue;
      }
      const folded = foldContact(found);
      if (stored !== null && holdsFolded(stored, folded)) continue;
      written.push({
        campaign_id: campaignId,
        number,
        number_digits: digitsOf(number),
        number_key: numberKeyOf(number),
        name: folded.name,
        final_status: folded.finalStatus,
        attempts: folded.attempts,
        last_duration_sec: folded.lastDurationSec,
        first_call_at: folded.firstCallAt,
        last_call_at: folded.lastCallAt,
        search_text: searchTextOf(number, folded.name).toLowerCase(),
      });
    }
    if (gone.length > 0) {
      this.connection.run(
        `DELETE FROM contacts AS c USING jsonb_to_recordset($1::jsonb) AS ${KEYS} WHERE c.campaign_id = t.campaign_id AND c.number = t.number`,
        [JSON.stringify(gone)],
      );
    }
    if (written.length > 0) {
      this.connection.run(
        `INSERT INTO contacts (campaign_id, number, number_digits, number_key, name, final_status, attempts, last_duration_sec,
           first_call_at, last_call_at, search_text)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(campaign_id text, number text, number_digits text, number_key text, name text,
           final_status text, attempts integer, last_duration_sec double precision, first_call_at bigint, last_call_at bigint, search_text text)
         ON CONFLICT (campaign_id, number) DO UPDATE SET name = excluded.name, final_status = excluded.final_status,
           attempts = excluded.attempts, last_duration_sec = excluded.last_duration_sec, first_call_at = excluded.first_call_at,
           last_call_at = excluded.last_call_at, search_text = excluded.search_text`,
        [JSON.stringify(written)],
      );
    }
    return gone.length + written.length;
  }

  queryContacts(campaignId: string, query: ContactsQuery): ContactsResponse {
    const hasMetadata = this.connection.get('SELECT 1 FROM contact_metadata_uploads WHERE campaign_id = $1', [campaignId]) !== undefined;
    const dialled = pgContactSql(campaignId, query, hasMetadata);
    const dialledTotal = countRow.parse(this.connection.get(`SELECT COUNT(*) AS n FROM contacts WHERE ${dialled.where}`, dialled.params)).n;
    // Contacts only the uploaded sheet knows (pending) come after every dialled one, whatever the sort.
    const pending = hasMetadata ? pgPendingContactSql(campaignId, query) : null;
    const pendingTotal =
      pending === null ? 0 : countRow.parse(this.connection.get(`SELECT COUNT(*) AS n FROM contact_metadata AS m WHERE ${pending.where}`, pending.params)).n;
    const total = dialledTotal + pendingTotal;
    if (total <= query.offset) return { total, rows: [] };
    const rows: ContactRow[] = [];
    if (query.offset < dialledTotal) {
      // The page's numbers come from a sort index (or the search matches) alone; only those rows are then read.
      const params = [...dialled.params];
      const numbers = this.connection
        .all(
          `SELECT number FROM contacts WHERE ${dialled.where} ORDER BY ${dialled.orderBy}
           LIMIT ${bind(params, query.limit)} OFFSET ${bind(params, query.offset)}`,
          params,
        )
        .map((raw) => numberRow.parse(raw).number);
      const read = new Map<string, ContactRow>();
      for (const raw of this.connection.all(
        `SELECT c.number, COALESCE(m.name, c.name) AS name, c.final_status, c.attempts, c.last_duration_sec, c.first_call_at,
           c.last_call_at, m.email, m.tags_json, m.metadata_json
         FROM contacts AS c LEFT JOIN contact_metadata AS m ON m.campaign_id = c.campaign_id AND m.number_key = c.number_key
         WHERE c.campaign_id = $1 AND c.number IN (SELECT jsonb_array_elements_text($2::jsonb))`,
        [campaignId, JSON.stringify(numbers)],
      )) {
        const row = dialledContactOf(raw);
        read.set(row.number, row);
      }
      for (const number of numbers) {
        const row = read.get(number);
        if (row !== undefined) rows.push(row);
      }
    }
    const room = query.limit - rows.length;
    if (pending !== null && room > 0) {
      const params = [...pending.params];
      const offset = Math.max(0, query.offset - dialledTotal);
      for (const raw of this.connection.all(
        `SELECT m.number, m.name, m.email, m.tags_json, m.metadata_json FROM contact_metadata AS m WHERE ${pending.where}
         ORDER BY ${pending.orderBy} LIMIT ${bind(params, room)} OFFSET ${bind(params, offset)}`,
        params,
      )) {
        rows.push(pendingContactOf(raw));
      }
    }
    return { total, rows };
  }

  contactOutcomes(campaignId: string): ContactOutcome[] {
    return this.connection
      .all(
        `SELECT final_status AS status, attempts, COUNT(*) AS contacts FROM contacts WHERE campaign_id = $1
         GROUP BY final_status, attempts ORDER BY final_status COLLATE "C", attempts`,
        [campaignId],
      )
      .map((row) => contactOutcomeRow.parse(row));
  }

  findCampaignsForNumber(number: string): string[] {
    const key = numberKeyOf(number);
    if (key === '') return [];
    return this.connection
      .all('SELECT DISTINCT campaign_id COLLATE "C" AS campaign_id FROM contacts WHERE number_key = $1 ORDER BY 1', [key])
      .map((row) => campaignIdRow.parse(row).campaign_id);
  }
}
