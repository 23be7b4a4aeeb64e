// SQLite side of the ExportStore and ContactHistoryStore ports: contacts and call attempts read a page at a time in
// key order (keyset paging, so page 400 costs what page 1 does), and every attempt of one contact.
import { contactSql, numberKeyOf, pendingContactSql } from '../contact-query';
import { dialledExportContactOf, exportCallOf, pendingExportContactOf, pendingExportRow } from '../export-rows';
import type {
  CallExportCursor,
  ContactExportCursor,
  ContactExportFilter,
  ContactExportPage,
  ContactHistoryStore,
  ExportCall,
  ExportStore,
} from '../store';
import type { SqliteConnection } from './connection';

/** An attempt's number: Exotel's when it sent one, else its place among the number's calls in time order. */
const ATTEMPT = `COALESCE(attempt_number, (SELECT COUNT(*) FROM calls AS earlier WHERE earlier.campaign_id = calls.campaign_id
  AND earlier.number = calls.number AND (earlier.at_ms < calls.at_ms OR (earlier.at_ms = calls.at_ms AND earlier.rowid <= calls.rowid))))`;
const CALL_COLUMNS = `rowid, at_ms, call_sid, number, ${ATTEMPT} AS attempt, status, start_time, end_time, duration_sec, price, recording_url`;

export class SqliteExports implements ExportStore, ContactHistoryStore {
  constructor(private readonly connection: SqliteConnection) {}

  private hasMetadata(campaignId: string): boolean {
    return this.connection.sql('SELECT 1 FROM contact_metadata_uploads WHERE campaign_id = ?').get(campaignId) !== undefined;
  }

  contactExportPage(campaignId: string, filter: ContactExportFilter, cursor: ContactExportCursor, limit: number): ContactExportPage {
    const sql = (source: string) => this.connection.sql(source);
    const hasMetadata = this.hasMetadata(campaignId);
    // A date range is about calls: contacts never called are outside any range.
    const pendingPart = hasMetadata && filter.fromMs === null && filter.toMs === null;
    if (cursor.part === 'dialled') {
      const base = contactSql(campaignId, { ...filter, sort: 'number:asc' }, hasMetadata);
      const conditions = [base.where];
      const params = [...base.params];
      if (filter.fromMs !== null) {
        conditions.push('last_call_at >= ?');
        params.push(filter.fromMs);
      }
      if (filter.toMs !== null) {
        conditions.push('last_call_at <= ?');
        params.push(filter.toMs);
      }
      if (cursor.after !== null) {
        conditions.push('number > ?');
        params.push(cursor.after);
      }
      // One statement per page: the page's numbers (the list's filters, in number order) joined to their metadata and
      // cost, so a page costs one query and one parsed row per contact, not one query per contact.
      const raws = sql(
        `SELECT c.number, COALESCE(m.name, c.name) AS name, c.final_status, c.attempts, c.last_duration_sec, c.first_call_at,
           c.last_call_at, m.email, m.tags_json, m.metadata_json, m.revenue,
           (SELECT SUM(price) FROM calls WHERE calls.campaign_id = c.campaign_id AND calls.number = c.number) AS cost
         FROM contacts AS c LEFT JOIN contact_metadata AS m ON m.campaign_id = c.campaign_id AND m.number_key = c.number_key
         WHERE c.campaign_id = ? AND c.number IN (SELECT number FROM ${base.from} WHERE ${conditions.join(' AND ')} ORDER BY number LIMIT ?)
         ORDER BY c.number`,
      ).all(campaignId, ...params, limit);
      const rows = raws.map(dialledExportContactOf);
      const last = rows.length === 0 ? null : rows[rows.length - 1]!.number;
      if (raws.length === limit) return { rows, next: { part: 'dialled', after: last } };
      return { rows, next: pendingPart ? { part: 'pending', after: null } : null };
    }

    const pending = pendingPart ? pendingContactSql(campaignId, filter) : null;
    if (pending === null) return { rows: [], next: null };
    const conditions = [pending.where];
    const params = [...pending.params];
    if (cursor.after !== null) {
      conditions.push('m.number_key > ?');
      params.push(cursor.after);
    }
    const raws = sql(
      `SELECT m.number_key, m.number, m.name, m.email, m.tags_json, m.metadata_json, m.revenue, NULL AS cost FROM ${pending.from}
       WHERE ${conditions.join(' AND ')} ORDER BY ${pending.orderBy} LIMIT ?`,
    )
      .all(...params, limit)
      .map((raw) => pendingExportRow.parse(raw));
    const rows = raws.map(pendingExportContactOf);
    const last = raws[raws.length - 1];
    const lastKey = last === undefined ? null : numberKeyOf(last.number);
    return { rows, next: raws.length === limit ? { part: 'pending', after: lastKey } : null };
  }

  callExportPage(campaignId: string, range: { fromMs: number | null; toMs: number | null }, cursor: CallExportCursor, limit: number): ExportCall[] {
    const conditions = ['campaign_id = ?'];
    const params: unknown[] = [campaignId];
    if (range.fromMs !== null) {
      conditions.push('at_ms >= ?');
      params.push(range.fromMs);
    }
    if (range.toMs !== null) {
      conditions.push('at_ms <= ?');
      params.push(range.toMs);
    }
    if (cursor !== null) {
      conditions.push('(at_ms > ? OR (at_ms = ? AND rowid > ?))');
      params.push(cursor.atMs, cursor.atMs, cursor.rowid);
    }
    return this.connection
      .sql(`SELECT ${CALL_COLUMNS} FROM calls WHERE ${conditions.join(' AND ')} ORDER BY at_ms, rowid LIMIT ?`)
      .all(...params, limit)
      .map(exportCallOf);
  }

  campaignHasPrices(campaignId: string): boolean {
    return this.connection.sql('SELECT 1 FROM calls WHERE campaign_id = ? AND price IS NOT NULL LIMIT 1').get(campaignId) !== undefined;
  }

  contactCalls(campaignId: string, number: string): ExportCall[] | null {
    const sql = (source: string) => this.connection.sql(source);
    // The number as stored, else the same number in another Indian form (+91…, 0…, bare ten digits).
    let stored = sql('SELECT number FROM contacts WHERE campaign_id = ? AND number = ?').pluck().get(campaignId, number);
    if (stored === undefined) {
      const key = numberKeyOf(number);
      if (key.length < 10) return null;
      stored = sql('SELECT number FROM contacts WHERE number_key = ? AND campaign_id = ? ORDER BY number LIMIT 1').pluck().get(key, campaignId);
    }
    if (typeof stored !== 'string') return null;
    return sql(`SELECT ${CALL_COLUMNS} FROM calls WHERE campaign_id = ? AND number = ? ORDER BY at_ms, rowid`)
      .all(campaignId, stored)
      .map(exportCallOf);
  }
}
