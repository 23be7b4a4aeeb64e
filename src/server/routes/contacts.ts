// GET /api/campaigns/:id/contacts: one page of the campaign's contacts (search, status filter, sort, paging),
// straight from the store's indexed contacts table. ETag from the campaign version and the query.
import { Hono } from 'hono';
import { contactsQuerySchema } from '../../domain/api-schemas';
import type { CallStore, CampaignStore } from '../store/store';
import type { WatchedCampaigns } from '../sync/watched';
import { CAMPAIGN_ID_ERROR, isCampaignId, unknownCampaignError } from '../../domain/campaign-id';
import { etagOf, notModified, send304, sendJson } from './http-cache';

export function contactRoutes(deps: { store: CampaignStore & CallStore; watched: WatchedCampaigns }): Hono {
  const app = new Hono();
  app.get('/campaigns/:id/contacts', (c) => {
    const id = c.req.param('id');
    if (!isCampaignId(id)) return c.json({ error: CAMPAIGN_ID_ERROR }, 400);
    const parsed = contactsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; ');
      return c.json({ error: `Invalid contacts query: ${problems}` }, 400);
    }
    if (deps.store.getCampaign(id) === null) return c.json({ error: unknownCampaignError(id) }, 404);
    deps.watched.touch(id);

    const query = parsed.data;
    const etag = etagOf(`contacts|${id}|${deps.store.campaignVersion(id)}|${JSON.stringify(query)}`);
    if (notModified(c, etag)) return send304(c, etag);
    return sendJson(c, JSON.stringify(deps.store.queryContacts(id, query)), etag);
  });
  return app;
}
