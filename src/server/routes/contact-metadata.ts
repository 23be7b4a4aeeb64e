// PUT /api/campaigns/:id/contact-metadata: a CSV sheet of the campaign's contacts (number, name, email, tags,
// revenue, up to 20 further columns), as a text/csv body or a multipart `file`. Good rows replace the campaign's
// metadata; bad ones come back by line number. Only signed-in users reach it: scopes never mount it.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContactMetadataResult } from '../../domain/api-schemas';
import { CAMPAIGN_ID_ERROR, isCampaignId, unknownCampaignError } from '../../domain/campaign-id';
import { decodeSheet, readContactMetadataSheet } from '../../domain/csv/contact-metadata-sheet';
import type { LiveHub } from '../live/hub';
import type { CampaignStore, ContactMetadataStore } from '../store/store';

/** 20 MB: about 200,000 rows of a typical sheet. */
export const CONTACT_METADATA_MAX_BYTES = 20 * 1024 * 1024;

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream'];

export interface ContactMetadataDeps {
  store: CampaignStore & ContactMetadataStore;
  hub?: LiveHub;
  now?: () => Date;
  maxBytes?: number;
}

export function contactMetadataRoutes(deps: ContactMetadataDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  const maxBytes = deps.maxBytes ?? CONTACT_METADATA_MAX_BYTES;
  app.put(
    '/campaigns/:id/contact-metadata',
    bodyLimit({ maxSize: maxBytes, onError: (c) => c.json({ error: `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` }, 413) }),
    async (c) => {
      const id = c.req.param('id');
      if (!isCampaignId(id)) return c.json({ error: CAMPAIGN_ID_ERROR }, 400);
      if (deps.store.getCampaign(id) === null) return c.json({ error: unknownCampaignError(id) }, 404);
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      let bytes: Uint8Array;
      if (type === 'multipart/form-data') {
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File)) return c.json({ error: 'the form has no file field named "file"' }, 400);
        bytes = new Uint8Array(await file.arrayBuffer());
      } else if (CSV_TYPES.includes(type)) bytes = new Uint8Array(await c.req.arrayBuffer());
      else return c.json({ error: 'send the sheet as text/csv or as a multipart form with a "file" field' }, 415);

      const sheet = readContactMetadataSheet(decodeSheet(bytes));
      if (!sheet.ok) return c.json({ error: `The sheet cannot be used: ${sheet.error}` }, 400);
      deps.store.replaceContactMetadata(id, { columns: sheet.columns, rows: sheet.rows, uploadedAt: now().toISOString() });
      // The contact list shows the sheet's names and tags; the report's by-tag table and revenue come from it too.
      const at = now().toISOString();
      deps.hub?.publish({ type: 'contact', campaignId: id, at });
      deps.hub?.publish({ type: 'campaign', campaignId: id, at });
      const body: ContactMetadataResult = { applied: sheet.rows.length, rejected: sheet.rejected };
      return c.json(body);
    },
  );
  return app;
}
