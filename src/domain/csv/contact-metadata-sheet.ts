// Reads an uploaded contact-metadata sheet (CSV) into rows keyed by Indian number, and lists every row it rejects
// with its line in the file (the header is line 1). UTF-8 with or without a BOM, or Excel's legacy Windows-1252;
// comma, semicolon (Excel in many locales) or tab separated. csv-parse does the RFC 4180 parsing.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { parseIndianNumber } from '../contacts/indian-number';

export const MAX_METADATA_COLUMNS = 20;
const MAX_TAGS = 20;
const MAX_CELL = 1000;

export interface ContactMetadataRow {
  /** The ten-digit national number contacts are matched by. */
  key: string;
  number: string;
  name: string | null;
  email: string | null;
  tags: string[];
  revenue: number | null;
  metadata: Record<string, string>;
}

export interface RejectedRow {
  row: number;
  reason: string;
}

export type ContactMetadataSheet =
  | { ok: true; columns: string[]; rows: ContactMetadataRow[]; rejected: RejectedRow[] }
  | { ok: false; error: string };

const NUMBER_HEADERS = new Set(['number', 'phone', 'phone_number', 'mobile', 'msisdn']);
const KNOWN = ['name', 'email', 'tags', 'revenue'] as const;
type Known = (typeof KNOWN)[number];

/** The file's text: UTF-8 when it is valid UTF-8, otherwise Windows-1252 (what Excel's plain "CSV" save writes). */
export function decodeSheet(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function delimiterOf(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (char: string) => firstLine.split(char).length - 1;
  const candidates: [string, number][] = [[',', count(',')], [';', count(';')], ['\t', count('\t')]];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]?.[1] ? candidates[0][0] : ',';
}

function newlinesIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) n += cell.split('\n').length - 1;
  return n;
}

function parseRevenue(text: string): number | null | 'bad' {
  if (text === '') return null;
  const cleaned = text.replace(/^(₹|rs\.?|inr)\s*/i, '').replace(/,/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return 'bad';
  return Number(cleaned);
}

const parsedRecords = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }));

type Header = { kind: 'number' } | { kind: 'known'; name: Known } | { kind: 'metadata'; name: string } | { kind: 'ignored' };

function readHeader(cells: readonly string[]): { ok: true; header: Header[]; columns: string[] } | { ok: false; error: string } {
  const seen = new Set<string>();
  const header: Header[] = [];
  const columns: string[] = [];
  for (const raw of cells) {
    const name = raw.trim();
    const folded = name.toLowerCase().replace(/\s+/g, '_');
    if (name === '') {
      header.push({ kind: 'ignored' });
      continue;
    }
    if (seen.has(folded)) return { ok: false, error: `the header names the column "${name}" twice` };
    seen.add(folded);
    if (NUMBER_HEADERS.has(folded)) header.push({ kind: 'number' });
    else if ((KNOWN as readonly string[]).includes(folded)) header.push({ kind: 'known', name: folded as Known });
    else {
      header.push({ kind: 'metadata', name });
      columns.push(name);
    }
  }
  if (!header.some((column) => column.kind === 'number')) return { ok: false, error: 'the header has no "number" column' };
  if (header.filter((column) => column.kind === 'number').length > 1) return { ok: false, error: 'the header has more than one number column' };
  if (columns.length > MAX_METADATA_COLUMNS) {
    return { ok: false, error: `the sheet has ${columns.length} metadata columns; at most ${MAX_METADATA_COLUMNS} are kept besides number, name, email, tags and revenue` };
  }
  return { ok: true, header, columns };
}

export function readContactMetadataSheet(text: string): ContactMetadataSheet {
  // One kind of line break, so csv-parse's line count (which counts a CRLF inside a quoted cell twice) is exact.
  const normalised = text.replace(/\r\n?/g, '\n');
  let records: z.infer<typeof parsedRecords>;
  try {
    const output: unknown = parse(normalised, {
      bom: true,
      delimiter: delimiterOf(normalised),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    });
    records = parsedRecords.parse(output);
  } catch (error) {
    return { ok: false, error: `the file is not valid CSV: ${error instanceof Error ? error.message : String(error)}` };
  }
  const first = records[0];
  if (first === undefined) return { ok: false, error: 'the file is empty' };
  const head = readHeader(first.record);
  if (!head.ok) return head;
  const { header, columns } = head;

  const rows: ContactMetadataRow[] = [];
  const rejected: RejectedRow[] = [];
  const lineOfKey = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines - newlinesIn(record);
    if (record.every((cell) => cell.trim() === '')) continue;
    const extra = record.slice(header.length);
    if (extra.some((cell) => cell.trim() !== '')) {
      rejected.push({ row: line, reason: `too many columns: ${record.length}, the header has ${header.length}` });
      continue;
    }
    const row: ContactMetadataRow = { key: '', number: '', name: null, email: null, tags: [], revenue: null, metadata: {} };
    let problem: string | null = null;
    header.forEach((column, i) => {
      if (problem !== null) return;
      const cell = (record[i] ?? '').trim();
      if (cell.length > MAX_CELL) {
        problem = `a cell is longer than ${MAX_CELL} characters`;
        return;
      }
      if (column.kind === 'number') {
        const parsed = parseIndianNumber(cell);
        if (!parsed.ok) problem = parsed.reason;
        else {
          row.key = parsed.number.key;
          row.number = parsed.number.e164;
        }
      } else if (column.kind === 'metadata') {
        if (cell !== '') row.metadata[column.name] = cell;
      } else if (column.kind === 'known') {
        if (column.name === 'name') row.name = cell === '' ? null : cell;
        else if (column.name === 'email') {
          if (cell !== '' && !/^[^\s@]+@[^\s@]+$/.test(cell)) problem = `bad email: "${cell}"`;
          else row.email = cell === '' ? null : cell;
        } else if (column.name === 'tags') {
          const tags = [...new Set(cell.split(';').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
          if (tags.length > MAX_TAGS) problem = `too many tags: ${tags.length}, at most ${MAX_TAGS}`;
          else row.tags = tags;
        } else {
          const revenue = parseRevenue(cell);
          if (revenue === 'bad') problem = `bad revenue: "${cell}" is not a number`;
          else row.revenue = revenue;
        }
      }
    });
    if (problem !== null) {
      rejected.push({ row: line, reason: problem });
      continue;
    }
    const earlier = lineOfKey.get(row.key);
    if (earlier !== undefined) {
      rejected.push({ row: line, reason: `duplicate: ${row.number} is already on row ${earlier}` });
      continue;
    }
    lineOfKey.set(row.key, line);
    rows.push(row);
  }
  return { ok: true, columns, rows, rejected };
}
