// Which columns an export writes, and each cell of a row. Contacts: the requested fields (or the defaults, then the
// uploaded metadata columns, then cost when any call has a price). A masked export (a share link without full
// PII) shows numbers masked and names as initials, and drops email, tags, revenue, metadata and recording links.
import { initialsOf, maskNumber } from '../../domain/access/masking';
import {
  CALL_EXPORT_FIELDS,
  DEFAULT_CONTACT_FIELDS,
  MASKED_CALL_FIELDS_DROPPED,
  METADATA_CONTACT_FIELDS,
  isCallExportField,
  isContactExportField,
  type CallExportField,
  type ContactExportField,
} from '../../domain/csv/export-fields';
import { zoneOffsetMinutes } from '../../domain/report/time-zone';
import type { ExportCall, ExportContact } from '../store/store';
import type { CsvCell } from './csv-stream';

export type ContactColumn = { header: string; field: ContactExportField } | { header: string; metadataKey: string };

export type Columns<Column> = { ok: true; columns: Column[] } | { ok: false; error: string };

export interface ContactColumnContext {
  /** The uploaded sheet's further columns; null when none was uploaded. */
  metadataColumns: readonly string[] | null;
  hasPrices: boolean;
  mask: boolean;
}

export function contactColumns(requested: readonly string[], context: ContactColumnContext): Columns<ContactColumn> {
  const metadata = context.metadataColumns ?? [];
  if (requested.length === 0) {
    const columns: ContactColumn[] = DEFAULT_CONTACT_FIELDS.map((field) => ({ header: field, field }));
    if (context.metadataColumns !== null && !context.mask) {
      columns.push(...METADATA_CONTACT_FIELDS.map((field) => ({ header: field, field })));
      columns.push(...metadata.map((key) => ({ header: key, metadataKey: key })));
    }
    if (context.hasPrices) columns.push({ header: 'cost', field: 'cost' });
    return { ok: true, columns };
  }
  const columns: ContactColumn[] = [];
  for (const name of new Set(requested)) {
    if (isContactExportField(name)) {
      if (context.mask && METADATA_CONTACT_FIELDS.includes(name)) continue;
      columns.push({ header: name, field: name });
    } else if (metadata.includes(name)) {
      if (!context.mask) columns.push({ header: name, metadataKey: name });
    } else return { ok: false, error: `unknown field "${name}"` };
  }
  if (columns.length === 0) return { ok: false, error: 'no field to export' };
  return { ok: true, columns };
}

export function callColumns(requested: readonly string[], mask: boolean): Columns<CallExportField> {
  const wanted = requested.length === 0 ? CALL_EXPORT_FIELDS : [...new Set(requested)];
  const columns: CallExportField[] = [];
  for (const name of wanted) {
    if (!isCallExportField(name)) return { ok: false, error: `unknown field "${name}"` };
    if (mask && MASKED_CALL_FIELDS_DROPPED.includes(name)) continue;
    columns.push(name);
  }
  if (columns.length === 0) return { ok: false, error: 'no field to export' };
  return { ok: true, columns };
}

/** An instant as ISO 8601 with the campaign's offset: 2026-01-15T10:00:00+05:30. */
export function isoInZone(ms: number | null, timeZone: string): string | null {
  if (ms === null || Number.isNaN(ms)) return null;
  const offset = zoneOffsetMinutes(timeZone, ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Exotel's time text, re-written with the campaign's offset when it can be read; as given otherwise. */
function exotelTime(text: string | null, timeZone: string): string | null {
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : isoInZone(ms, timeZone);
}

function roundMoney(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

export function contactCells(row: ExportContact, columns: readonly ContactColumn[], mask: boolean, timeZone: string): CsvCell[] {
  return columns.map((column) => {
    if ('metadataKey' in column) return row.metadata[column.metadataKey] ?? null;
    switch (column.field) {
      case 'number':
        return mask ? maskNumber(row.number) : row.number;
      case 'name':
        return mask ? initialsOf(row.name) || null : row.name;
      case 'email':
        return row.email;
      case 'tags':
        return row.tags.join(';');
      case 'final_status':
        return row.finalStatus;
      case 'attempts':
        return row.attempts;
      case 'last_duration_sec':
        return row.lastDurationSec;
      case 'first_call_at':
        return isoInZone(row.firstCallAt, timeZone);
      case 'last_call_at':
        return isoInZone(row.lastCallAt, timeZone);
      case 'revenue':
        return row.revenue;
      case 'cost':
        return roundMoney(row.cost);
    }
  });
}

export function callCells(call: ExportCall, columns: readonly CallExportField[], mask: boolean, timeZone: string): CsvCell[] {
  return columns.map((column) => {
    switch (column) {
      case 'call_sid':
        return call.callSid;
      case 'number':
        return mask ? maskNumber(call.number) : call.number;
      case 'attempt':
        return call.attempt;
      case 'status':
        return call.status;
      case 'start_time':
        return exotelTime(call.startTime, timeZone) ?? isoInZone(call.atMs, timeZone);
      case 'end_time':
        return exotelTime(call.endTime, timeZone);
      case 'duration_sec':
        return call.durationSec;
      case 'price':
        return roundMoney(call.price);
      case 'recording_url':
        return mask ? null : call.recordingUrl;
    }
  });
}
