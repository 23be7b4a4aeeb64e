// A contact as the contacts list shows it, from the rows either store (SQLite, PostgreSQL) reads back: a dialled
// contact (its folded calls joined to its sheet row) or a pending one, which only the uploaded sheet knows.
import { z } from 'zod';
import type { ContactRow } from '../../domain/api-schemas';
import type { FoldedContact } from '../../domain/contacts/fold-contact';
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

/** A dialled contact's folded call fields, as both stores keep them (call times in epoch ms). */
export function dialledCallFieldsOf(raw: unknown) {
  const row = contactRowDbSchema.parse(raw);
  return {
    number: row.number,
    name: row.name,
    finalStatus: row.final_status,
    attempts: row.attempts,
    lastDurationSec: row.last_duration_sec,
    firstCallAt: row.first_call_at,
    lastCallAt: row.last_call_at,
  };
}

/** A dialled contact's row joined to its sheet row (the metadata cells null when the sheet has none). */
export function dialledContactOf(raw: unknown): ContactRow {
  const fields = dialledCallFieldsOf(raw);
  return {
    ...fields,
    firstCallAt: new Date(fields.firstCallAt).toISOString(),
    lastCallAt: new Date(fields.lastCallAt).toISOString(),
    ...metadataFields(metadataCells.parse(raw)),
  };
}

/** A stored contact's folded columns, as a refold reads them back before deciding whether to write. */
export const storedFoldCells = z.object({
  name: z.string().nullable(),
  final_status: z.string(),
  attempts: z.number(),
  last_duration_sec: z.number().nullable(),
  first_call_at: z.number(),
  last_call_at: z.number(),
});

/** Whether a stored contact row already holds what folding its calls gives, so the write can be skipped. */
export function holdsFolded(stored: z.infer<typeof storedFoldCells>, folded: FoldedContact): boolean {
  return (
    stored.name === folded.name &&
    stored.final_status === folded.finalStatus &&
    stored.attempts === folded.attempts &&
    stored.last_duration_sec === folded.lastDurationSec &&
    stored.first_call_at === folded.firstCallAt &&
    stored.last_call_at === folded.lastCallAt
  );
}
