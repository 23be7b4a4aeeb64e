// The rows the CSV exports and a contact's history read back, turned into ExportContact and ExportCall the same way
// in either store (SQLite, PostgreSQL): the SQL that reads them stays with each store.
import { z } from 'zod';
import { CALL_STATUSES } from '../../domain/call-status';
import { metadataCells, metadataFields } from './contact-metadata-rows';
import { dialledCallFieldsOf, NEVER_CALLED } from './contact-rows';
import type { ExportCall, ExportContact } from './store';

/** What an export adds to a contact's row: its sheet's email, tags, metadata and revenue, and the cost of its calls. */
const exportCells = metadataCells.extend({ revenue: z.number().nullable(), cost: z.number().nullable() });

type ExportCells = z.infer<typeof exportCells>;
/** A contact's state from its calls: folded from them, or NEVER_CALLED. */
type CallState = Pick<ExportContact, 'finalStatus' | 'attempts' | 'lastDurationSec' | 'firstCallAt' | 'lastCallAt'>;

/**
 * An export row, written out field by field. Built from spreads (a spread followed by more properties), each row
 * ended up in V8's old generation: reading 200,000 rows peaked at +61 MB of heap, written out at +15 MB (in a
 * plain loop over 500-row pages, `{ ...row, x }` peaks at +40 MB where `{ ...row }` or a literal stays at +3 MB).
 */
function exportContactOf(number: string, name: string | null, call: CallState, cells: ExportCells): ExportContact {
  const sheet = metadataFields(cells);
  return {
    number,
    name,
    finalStatus: call.finalStatus,
    attempts: call.attempts,
    lastDurationSec: call.lastDurationSec,
    firstCallAt: call.firstCallAt,
    lastCallAt: call.lastCallAt,
    cost: cells.cost,
    email: sheet.email,
    tags: sheet.tags,
    revenue: cells.revenue,
    metadata: sheet.metadata,
  };
}

/** A dialled contact joined to its sheet row and the sum of its calls' prices; call times stay epoch milliseconds. */
export function dialledExportContactOf(raw: unknown): ExportContact {
  const call = dialledCallFieldsOf(raw);
  return exportContactOf(call.number, call.name, call, exportCells.parse(raw));
}

/** A pending contact's sheet row, with the key the export's keyset paging goes on after. */
export const pendingExportRow = exportCells.extend({ number_key: z.string(), number: z.string(), name: z.string().nullable() });
export type PendingExportRow = z.infer<typeof pendingExportRow>;

/** A contact only the sheet knows: never called (see NEVER_CALLED). */
export function pendingExportContactOf(row: PendingExportRow): ExportContact {
  return exportContactOf(row.number, row.name, NEVER_CALLED, row);
}

/** One call attempt; `rowid` is the store's tie-break of equal times (SQLite's rowid, PostgreSQL's calls.id). */
const exportCallRow = z.object({
  rowid: z.number().int(),
  at_ms: z.number(),
  call_sid: z.string(),
  number: z.string(),
  attempt: z.number().int().positive(),
  status: z.enum(CALL_STATUSES),
  start_time: z.string().nullable(),
  end_time: z.string().nullable(),
  duration_sec: z.number().nullable(),
  price: z.number().nullable(),
  recording_url: z.string().nullable(),
});

export function exportCallOf(raw: unknown): ExportCall {
  const row = exportCallRow.parse(raw);
  return {
    rowid: row.rowid,
    atMs: row.at_ms,
    callSid: row.call_sid,
    number: row.number,
    attempt: row.attempt,
    status: row.status,
    startTime: row.start_time,
    endTime: row.end_time,
    durationSec: row.duration_sec,
    price: row.price,
    recordingUrl: row.recording_url,
  };
}
