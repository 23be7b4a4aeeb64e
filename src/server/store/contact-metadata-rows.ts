// How an uploaded sheet's contact row is stored and read back, in both stores: the text the contact search looks
// in, and the email, tags and further columns parsed from their stored JSON.
import { z } from 'zod';
import type { ContactRow } from '../../domain/api-schemas';
import type { ContactMetadataRow } from '../../domain/csv/contact-metadata-sheet';

/** The metadata columns a contact read joins in (all null when the contact has no row in the sheet). */
export const metadataCells = z.object({
  email: z.string().nullable(),
  tags_json: z.string().nullable(),
  metadata_json: z.string().nullable(),
});

const tagsSchema = z.array(z.string());
const metadataSchema = z.record(z.string(), z.string());

/** A contact's email, tags and metadata from its uploaded sheet row (empty when it has none). */
export function metadataFields(cells: z.infer<typeof metadataCells>): Pick<ContactRow, 'email' | 'tags' | 'metadata'> {
  return {
    email: cells.email,
    tags: cells.tags_json === null ? [] : tagsSchema.parse(JSON.parse(cells.tags_json)),
    metadata: cells.metadata_json === null ? {} : metadataSchema.parse(JSON.parse(cells.metadata_json)),
  };
}

/** What the contact search looks in: the number's digits (with 91), name, email and tags, lower-cased (LIKE is ASCII-only). */
export function metadataSearchTextOf(row: ContactMetadataRow): string {
  return [`91${row.key}`, row.name ?? '', row.email ?? '', ...row.tags].join('\u001f').toLowerCase();
}
