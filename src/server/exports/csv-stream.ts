// A CSV download as a web ReadableStream that reads the database only as fast as the client takes the file: each
// pull asks for one page of rows, csv-stringify encodes it (RFC 4180, CRLF), and nothing else is held. The header
// (after a UTF-8 BOM, so Excel reads the file as UTF-8) is queued at once, so the first byte never waits for a query.
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../domain/csv/spreadsheet-safe';

export type CsvCell = string | number | null;

const encoder = new TextEncoder();

function encode(records: readonly (readonly CsvCell[])[], bom: boolean): Uint8Array {
  const safe = records.map((record) => record.map((cell) => (typeof cell === 'string' ? spreadsheetSafe(cell) : cell)));
  return encoder.encode(stringify(safe, { bom, record_delimiter: 'windows', cast: { number: (value) => String(value) } }));
}

/**
 * `nextPage` returns the next rows, or null when there are none left. It runs synchronously inside one pull, so a
 * page read never overlaps another statement on the shared connection.
 */
export function csvStream(header: readonly string[], nextPage: () => CsvCell[][] | null): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encode([header], true));
      },
      pull(controller) {
        // Skip past pages that are wholly filtered out, but give back the event loop after each enqueue.
        for (;;) {
          const rows = nextPage();
          if (rows === null) {
            controller.close();
            return;
          }
          if (rows.length > 0) {
            controller.enqueue(encode(rows, false));
            return;
          }
        }
      },
    },
    // One encoded page waiting is enough: the next is read when the client has taken it.
    { highWaterMark: 1 },
  );
}

/** `Diwali offers (Pune)` on 2026-11-30 -> `diwali-offers-pune-contacts-2026-11-30.csv`. */
export function csvFileName(campaignName: string, kind: 'contacts' | 'calls', day: string): string {
  const slug = campaignName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'campaign'}-${kind}-${day}.csv`;
}

/** The attachment header, with a UTF-8 name beside the ASCII one for names outside ASCII. */
export function attachmentHeader(campaignName: string, kind: 'contacts' | 'calls', day: string): string {
  const ascii = csvFileName(campaignName, kind, day);
  const printable = [...campaignName].filter((char) => char >= ' ' && !'\\/:*?"<>|'.includes(char)).join('');
  const full = `${printable.trim() || 'campaign'} ${kind} ${day}.csv`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(full)}`;
}
