// SQLite side of the ContactMetadataStore port: an uploaded sheet's rows, their tags (indexed for the tag filter)
// and the sheet's metadata columns. A re-upload replaces the campaign's rows in one transaction.
import { z } from 'zod';
import type { ContactMetadataForReport } from '../../../domain/report/contact-metadata';
import { metadataSearchTextOf } from '../contact-metadata-rows';
import { tagKeyOf } from '../contact-query';
import type { ContactMetadataStore, ContactMetadataUpload } from '../store';
import type { SqliteConnection } from './connection';

const columnsRow = z.object({ columns_json: z.string() });
const columnsSchema = z.array(z.string());
const reportRow = z.object({ number: z.string(), tags_json: z.string(), revenue: z.number().nullable() });
const tagsSchema = z.array(z.string());

export class SqliteContactMetadata implements ContactMetadataStore {
  constructor(private readonly connection: SqliteConnection) {}

  replaceContactMetadata(campaignId: string, upload: ContactMetadataUpload): void {
    const sql = (source: string) => this.connection.sql(source);
    this.connection.transaction(() => {
      sql('DELETE FROM contact_metadata WHERE campaign_id = ?').run(campaignId);
      sql('DELETE FROM contact_tags WHERE campaign_id = ?').run(campaignId);
      const insert = sql(
        `INSERT INTO contact_metadata (campaign_id, number_key, number, name, email, tags_json, revenue, metadata_json, search_text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertTag = sql('INSERT OR IGNORE INTO contact_tags (campaign_id, tag_key, number_key) VALUES (?, ?, ?)');
      for (const row of upload.rows) {
        insert.run(
          campaignId,
          row.key,
          row.number,
          row.name,
          row.email,
          JSON.stringify(row.tags),
          row.revenue,
          JSON.stringify(row.metadata),
          metadataSearchTextOf(row),
        );
        for (const tag of row.tags) insertTag.run(campaignId, tagKeyOf(tag), row.key);
      }
      sql(
        `INSERT INTO contact_metadata_uploads (campaign_id, columns_json, rows, uploaded_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(campaign_id) DO UPDATE SET columns_json = excluded.columns_json, rows = excluded.rows, uploaded_at = excluded.uploaded_at`,
      ).run(campaignId, JSON.stringify(upload.columns), upload.rows.length, upload.uploadedAt);
      this.connection.bumpVersion(campaignId);
    });
  }

  metadataColumns(campaignId: string): string[] | null {
    const row = this.connection.sql('SELECT columns_json FROM contact_metadata_uploads WHERE campaign_id = ?').get(campaignId);
    return row === undefined ? null : columnsSchema.parse(JSON.parse(columnsRow.parse(row).columns_json));
  }

  contactMetadataForReport(campaignId: string): ContactMetadataForReport[] {
    return this.connection
      .sql('SELECT number, tags_json, revenue FROM contact_metadata WHERE campaign_id = ?')
      .all(campaignId)
      .map((raw) => {
        const row = reportRow.parse(raw);
        return { number: row.number, tags: tagsSchema.parse(JSON.parse(row.tags_json)), revenue: row.revenue };
      });
  }
}
