// A contact as the contacts list shows it, from the rows either store (SQLite, PostgreSQL) reads back: a dialled
// contact (its folded calls joined to its sheet row) or a pending one, which only the uploaded sheet knows.
import { z } from 'zod';
import type { ContactRow } from '../../domain/api-schemas';
import { metadataCells, metadataFields } from './contact-metadata-rows';
import { contactRowDbSchema } from './rows';

/** The call fields of a contact only the uploaded sheet knows: never called, so pending, with no attempts or call times. */
export const NEVER_CALLED = {
  finalStatus: 'pending',
  attempts: 0,
  lastDurationSec: null,
  firstCallAt: null,
  lastCallAt: null,
} as const;

/** A pending contact's row: its number and name from the sheet, with the sheet's email, tags and metadata. */
const pendingContactCells = metadataCells.extend({ number: z.string(), name: z.string().nullable() });

export function pendingContactOf(raw: unknown): ContactRow {
  const row = pendingContactCells.parse(raw);
  return { number: row.number, name: row.name, ...NEVER_CALLED, ...metadataFields(row) };
}

/** A dialled contact's row joined to its sheet row (the metadata cells null when the sheet has none). */
export function dialledContactOf(raw: unknown): ContactRow {
  const row = contactRowDbSchema.parse(raw);
  return {
    number: row.number,
    name: row.name,
    finalStatus: row.final_status,
    attempts: row.attempts,
    lastDurationSec: row.last_duration_sec,
    firstCallAt: new Date(row.first_call_at).toISOString(),
    lastCallAt: new Date(row.last_call_at).toISOString(),
    ...metadataFields(metadataCells.parse(raw)),
  };
}
