// The two CSV exports as streams: one row per contact (the contact list's filters and a date range) or one row per
// call attempt (a date range). `mask` is set for a masked scope (see columns.ts for what it hides).
import type { CallsExportQuery, ContactsExportQuery } from '../../domain/csv/export-fields';
import { exportRange } from '../../domain/csv/export-range';
import type { CallExportCursor, ContactExportCursor, ContactMetadataStore, ExportStore } from '../store/store';
import { callCells, callColumns, contactCells, contactColumns } from './columns';
import { csvStream } from './csv-stream';

/** Rows read per pull: small enough to keep memory flat, large enough that a 200,000-row export takes seconds. */
export const EXPORT_PAGE_ROWS = 500;

export interface ExportOptions {
  mask: boolean;
  timeZone: string;
}

export type CsvExport = { ok: true; stream: ReadableStream<Uint8Array> } | { ok: false; error: string };

export function exportContactsCsv(
  store: ExportStore & ContactMetadataStore,
  campaignId: string,
  query: ContactsExportQuery,
  options: ExportOptions,
): CsvExport {
  const chosen = contactColumns(query.fields, {
    metadataColumns: store.metadataColumns(campaignId),
    hasPrices: store.campaignHasPrices(campaignId),
    mask: options.mask,
  });
  if (!chosen.ok) return chosen;
  const { columns } = chosen;
  const range = exportRange(query.from, query.to, options.timeZone);
  const filter = { q: query.q, status: query.status, tag: query.tag, fromMs: range.fromMs, toMs: range.toMs };
  let cursor: ContactExportCursor | null = { part: 'dialled', after: null };
  const stream = csvStream(
    columns.map((column) => column.header),
    () => {
      if (cursor === null) return null;
      const page = store.contactExportPage(campaignId, filter, cursor, EXPORT_PAGE_ROWS);
      cursor = page.next;
      return page.rows.map((row) => contactCells(row, columns, options.mask, options.timeZone));
    },
  );
  return { ok: true, stream };
}

export function exportCallsCsv(store: ExportStore, campaignId: string, query: CallsExportQuery, options: ExportOptions): CsvExport {
  const chosen = callColumns(query.fields, options.mask);
  if (!chosen.ok) return chosen;
  const { columns } = chosen;
  const range = exportRange(query.from, query.to, options.timeZone);
  let cursor: CallExportCursor = null;
  let done = false;
  const stream = csvStream(columns, () => {
    if (done) return null;
    const calls = store.callExportPage(campaignId, range, cursor, EXPORT_PAGE_ROWS);
    const last = calls[calls.length - 1];
    if (calls.length < EXPORT_PAGE_ROWS || last === undefined) done = true;
    else cursor = { atMs: last.atMs, rowid: last.rowid };
    return calls.map((call) => callCells(call, columns, options.mask, options.timeZone));
  });
  return { ok: true, stream };
}
