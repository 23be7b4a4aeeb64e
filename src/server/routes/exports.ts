// GET /api/campaigns/:id/contacts.csv and /calls.csv: the campaign's contacts (with the contact list's filters) or
// call attempts as a CSV download, streamed a page at a time from the store (export-csv.ts). `mask` tells, per
// request, whether the caller is a masked scope; a scope's router sets it (the signed-in /api never masks).
import { Hono, type Context } from 'hono';
import { CAMPAIGN_ID_ERROR, isCampaignId, unknownCampaignError } from '../../domain/campaign-id';
import { callsExportQuerySchema, contactsExportQuerySchema } from '../../domain/csv/export-fields';
import { exportCallsCsv, exportContactsCsv, type CsvExport } from '../exports/export-csv';
import { attachmentHeader } from '../exports/csv-stream';
import { isoInZone } from '../exports/columns';
import type { CampaignStore, ContactMetadataStore, ExportStore } from '../store/store';

export interface ExportRouteDeps {
  store: CampaignStore & ExportStore & ContactMetadataStore;
  timeZone: string;
  now?: () => Date;
  /** Whether this request's principal may see numbers, names and metadata only masked. */
  mask?: (c: Context) => boolean;
}

function problemsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || 'query'}: ${issue.message}`).join('; ');
}

export function exportRoutes(deps: ExportRouteDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  const mask = deps.mask ?? (() => false);

  const send = (c: Context, campaignName: string, kind: 'contacts' | 'calls', made: CsvExport): Response => {
    if (!made.ok) return c.json({ error: `Invalid export: ${made.error}` }, 400);
    const day = (isoInZone(now().getTime(), deps.timeZone) ?? '').slice(0, 10);
    return new Response(made.stream, {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachmentHeader(campaignName, kind, day),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };

  app.get('/campaigns/:id/contacts.csv', (c) => {
    const id = c.req.param('id');
    if (!isCampaignId(id)) return c.json({ error: CAMPAIGN_ID_ERROR }, 400);
    const parsed = contactsExportQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return c.json({ error: `Invalid export query: ${problemsOf(parsed.error.issues)}` }, 400);
    const campaign = deps.store.getCampaign(id);
    if (campaign === null) return c.json({ error: unknownCampaignError(id) }, 404);
    return send(c, campaign.name, 'contacts', exportContactsCsv(deps.store, id, parsed.data, { mask: mask(c), timeZone: deps.timeZone }));
  });

  app.get('/campaigns/:id/calls.csv', (c) => {
    const id = c.req.param('id');
    if (!isCampaignId(id)) return c.json({ error: CAMPAIGN_ID_ERROR }, 400);
    const parsed = callsExportQuerySchema.safeParse(c.req.query());
    if (!parsed.success) return c.json({ error: `Invalid export query: ${problemsOf(parsed.error.issues)}` }, 400);
    const campaign = deps.store.getCampaign(id);
    if (campaign === null) return c.json({ error: unknownCampaignError(id) }, 404);
    return send(c, campaign.name, 'calls', exportCallsCsv(deps.store, id, parsed.data, { mask: mask(c), timeZone: deps.timeZone }));
  });
  return app;
}
