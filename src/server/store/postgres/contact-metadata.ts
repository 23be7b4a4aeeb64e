// PostgreSQL side of the ContactMetadataStore port: an uploaded sheet's rows, their tags (indexed for the tag filter)
// and the sheet's metadata columns. A re-upload replaces the campaign's rows in one transaction, written a few
// thousand rows per statement rather than one statement per row.
import { z } from 'zod';
import type { ContactMetadataForReport } from '../../../domain/report/contact-metadata';
import { metadataSearchTextOf } from '../contact-metadata-rows';
import { tagKeyOf } from '../contact-query';
import type { ContactMetadataStore, ContactMetadataUpload } from '../store';
import type { PgConnection } from './connection';

const columnsRow = z.object({ columns_json: z.string() });
const columnsSchema = z.array(z.string());
const reportRow = z.object({ number: z.string(), tags_json: z.string(), revenue: z.number().nullable() });
const tagsSchema = z.array(z.string());

/** Rows per INSERT: one statement per chunk keeps each message to the database to a few megabytes. */
const ROWS_PER_STATEMENT = 5_000;

export class PgContactMetadata implements ContactMetadataStore {
  constructor(private readonly connection: PgConnection) {}

  replaceContactMetadata(campaignId: string, upload: ContactMetadataUpload): void {
    this.connection.transaction(() => {
      this.connection.run('DELETE FROM contact_metadata WHERE campaign_id = $1', [campaignId]);
      this.connection.run('DELETE FROM contact_tags WHERE campaign_id = $1', [campaignId]);
      for (let start = 0; start < upload.rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = upload.rows.slice(start, start + ROWS_PER_STATEMENT);
        this.connection.run(
          `INSERT INTO contact_metadata (campaign_id, number_key, number, name, email, tags_json, revenue, metadata_json, search_text)
           SELECT $1, number_key, number, name, email, tags_json, revenue, metadata_json, search_text
           FROM jsonb_to_recordset($2::jsonb) AS t(number_key text, number text, name text, email text, tags_json text,
             revenue double precision, metadata_json text, search_text text)`,
          [
            campaignId,
            JSON.stringify(
              chunk.map((row) => ({
                number_key: row.key,
                number: row.number,
                name: row.name,
                email: row.email,
                tags_json: JSON.stringify(row.tags),
                revenue: row.revenue,
                metadata_json: JSON.stringify(row.metadata),
                search_text: metadataSearchTextOf(row),
              })),
            ),
          ],
        );
        const tags = chunk.flatMap((row) => row.tags.map((tag) => ({ tag_key: tagKeyOf(tag), number_key: row.key })));
        if (tags.length > 0) {
          this.connection.run(
            `INSERT INTO contact_tags (campaign_id, tag_key, number_key)
             SELECT $1, tag_key, number_key FROM jsonb_to_recordset($2::jsonb) AS t(tag_key text, number_key text)
             ON CONFLICT DO NOTHING`,
            [campaignId, JSON.stringify(tags)],
          );
        }
      }
      this.connection.run(
        `INSERT INTO contact_metadata_uploads (campaign_id, columns_json, rows, uploaded_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (campaign_id) DO UPDATE SET columns_json = excluded.columns_json, rows = excluded.rows, uploaded_at = excluded.uploaded_at`,
        [campaignId, JSON.stringify(upload.columns), upload.rows.length, upload.uploadedAt],
      );
      this.connection.bumpVersion(campaignId);
    });
  }

  metadataColumns(campaignId: string): string[] | null {
    const row = this.connection.get('SELECT columns_json FROM contact_metadata_uploads WHERE campaign_id = $1', [campaignId]);
    return row === undefined ? null : columnsSchema.parse(JSON.parse(columnsRow.parse(row).columns_json));
  }

  contactMetadataForReport(campaignId: string): ContactMetadataForReport[] {
    return this.connection.all('SELECT number, tags_json, revenue FROM contact_metadata WHERE campaign_id = $1', [campaignId]).map((raw) => {
      const row = reportRow.parse(raw);
      return { number: row.number, tags: tagsSchema.parse(JSON.parse(row.tags_json)), revenue: row.revenue };
    });
  }
}
