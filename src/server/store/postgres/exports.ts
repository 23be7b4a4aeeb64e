// PostgreSQL side of the ExportStore and ContactHistoryStore ports: contacts and call attempts read a page at a time
// in key order (keyset paging, so page 400 costs what page 1 does), and every attempt of one contact. calls.id plays
// SQLite's rowid: the tie-break of equal times and the call cursor.
import { z } from 'zod';
import { numberKeyOf } from '../contact-query';
import { dialledExportContactOf, exportCallOf, pendingExportContactOf, pendingExportRow } from '../export-rows';
import type {
  CallExportCursor,
  ContactExportCursor,
  ContactExportFilter,
  ContactExportPage,
  ContactHistoryStore,
  ExportCall,
  ExportContact,
  ExportStore,
} from '../store';
import type { PgValue } from './blocking-client';
import type { PgConnection } from './connection';
import { bind, pgContactSql, pgPendingContactSql } from './contact-query';

const numberRow = z.object({ number: z.string() });

/** An attempt's number: Exotel's when it sent one, else its place among the number's calls in time order. */
const ATTEMPT = `COALESCE(attempt_number, (SELECT COUNT(*) FROM calls AS earlier WHERE earlier.campaign_id = calls.campaign_id
  AND earlier.number = calls.number AND (earlier.at_ms, earlier.id) <= (calls.at_ms, calls.id)))`;
const CALL_COLUMNS = `id AS rowid, at_ms, call_sid, number, ${ATTEMPT} AS attempt, status, start_time, end_time, duration_sec, price, recording_url`;

export class PgExports implements ExportStore, ContactHistoryStore {
  constructor(private readonly connection: PgConnection) {}

  private hasMetadata(campaignId: string): boolean {
    return this.connection.get('SELECT 1 FROM contact_metadata_uploads WHERE campaign_id = $1', [campaignId]) !== undefined;
  }

  contactExportPage(campaignId: string, filter: ContactExportFilter, cursor: ContactExportCursor, limit: number): ContactExportPage {
    const hasMetadata = this.hasMetadata(campaignId);
    // A date range is about calls: contacts never called are outside any range.
    const pendingPart = hasMetadata && filter.fromMs === null && filter.toMs === null;
    if (cursor.part === 'dialled') {
      const base = pgContactSql(campaignId, { ...filter, sort: 'number:asc' }, hasMetadata);
      const conditions = [base.where];
      const params: PgValue[] = [...base.params];
      if (filter.fromMs !== null) conditions.push(`last_call_at >= ${bind(params, filter.fromMs)}`);
      if (filter.toMs !== null) conditions.push(`last_call_at <= ${bind(params, filter.toMs)}`);
      if (cursor.after !== null) conditions.push(`number > ${bind(params, cursor.after)}`);
      const numbers = this.connection
        .all(`SELECT number FROM contacts WHERE ${conditions.join(' AND ')} ORDER BY number LIMIT ${bind(params, limit)}`, params)
        .map((raw) => numberRow.parse(raw).number);
      const read = new Map<string, ExportContact>();
      for (const raw of this.connection.all(
        `SELECT c.number, COALESCE(m.name, c.name) AS name, c.final_status, c.attempts, c.last_duration_sec, c.first_call_at,
           c.last_call_at, m.email, m.tags_json, m.metadata_json, m.revenue,
           (SELECT SUM(price) FROM calls WHERE calls.campaign_id = c.campaign_id AND calls.number = c.number) AS cost
         FROM contacts AS c LEFT JOIN contact_metadata AS m ON m.campaign_id = c.campaign_id AND m.number_key = c.number_key
         WHERE c.campaign_id = $1 AND c.number IN (SELECT jsonb_array_elements_text($2::jsonb))`,
        [campaignId, JSON.stringify(numbers)],
      )) {
        const row = dialledExportContactOf(raw);
        read.set(row.number, row);
      }
      const rows = numbers.flatMap((number) => read.get(number) ?? []);
      if (numbers.length === limit) return { rows, next: { part: 'dialled', after: numbers[numbers.length - 1] ?? null } };
      return { rows, next: pendingPart ? { part: 'pending', after: null } : null };
    }

    const pending = pendingPart ? pgPendingContactSql(campaignId, filter) : null;
    if (pending === null) return { rows: [], next: null };
    const conditions = [pending.where];
    const params: PgValue[] = [...pending.params];
    if (cursor.after !== null) conditions.push(`m.number_key > ${bind(params, cursor.after)}`);
    const raws = this.connection
      .all(
        `SELECT m.number_key, m.number, m.name, m.email, m.tags_json, m.metadata_json, m.revenue, NULL::double precision AS cost
         FROM contact_metadata AS m WHERE ${conditions.join(' AND ')} ORDER BY ${pending.orderBy} LIMIT ${bind(params, limit)}`,
        params,
      )
      .map((raw) => pendingExportRow.parse(raw));
    const rows = raws.map(pendingExportContactOf);
    const last = raws[raws.length - 1];
    return { rows, next: raws.length === limit && last !== undefined ? { part: 'pending', after: last.number_key } : null };
  }

  callExportPage(campaignId: string, range: { fromMs: number | null; toMs: number | null }, cursor: CallExportCursor, limit: number): ExportCall[] {
    const params: PgValue[] = [];
    const conditions = [`campaign_id = ${bind(params, campaignId)}`];
    if (range.fromMs !== null) conditions.push(`at_ms >= ${bind(params, range.fromMs)}`);
    if (range.toMs !== null) conditions.push(`at_ms <= ${bind(params, range.toMs)}`);
    if (cursor !== null) conditions.push(`(at_ms, id) > (${bind(params, cursor.atMs)}, ${bind(params, cursor.rowid)})`);
    return this.connection
      .all(`SELECT ${CALL_COLUMNS} FROM calls WHERE ${conditions.join(' AND ')} ORDER BY at_ms, id LIMIT ${bind(params, limit)}`, params)
      .map(exportCallOf);
  }

  campaignHasPrices(campaignId: string): boolean {
    return this.connection.get('SELECT 1 FROM calls WHERE campaign_id = $1 AND price IS NOT NULL LIMIT 1', [campaignId]) !== undefined;
  }

  contactCalls(campaignId: string, number: string): ExportCall[] | null {
    // The number as stored, else the same number in another Indian form (+91…, 0…, bare ten digits).
    let stored = this.connection.get('SELECT number FROM contacts WHERE campaign_id = $1 AND number = $2', [campaignId, number]);
    if (stored === undefined) {
      const key = numberKeyOf(number);
      if (key.length < 10) return null;
      stored = this.connection.get('SELECT number FROM contacts WHERE number_key = $1 AND campaign_id = $2 ORDER BY number LIMIT 1', [key, campaignId]);
    }
    if (stored === undefined) return null;
    return this.connection
      .all(`SELECT ${CALL_COLUMNS} FROM calls WHERE campaign_id = $1 AND number = $2 ORDER BY at_ms, id`, [campaignId, numberRow.parse(stored).number])
      .map(exportCallOf);
  }
}
