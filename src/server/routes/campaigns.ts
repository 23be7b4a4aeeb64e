// GET /api/campaigns: every stored campaign, newest first, with complete stats, progress and connect rate. Stats
// come from Exotel's numbers completed by the stored contacts (a grouped count, never every call), cached per
// campaign version, so the list stays cheap however many campaigns and viewers there are.
import { Hono } from 'hono';
import type { CampaignSummary, CampaignsResponse } from '../../domain/api-schemas';
import { summariseCampaign } from '../../domain/campaign-summary';
import type { UpstreamStatus } from '../exotel/upstream-status';
import type { CallStore, CampaignStore } from '../store/store';
import { etagOf, notModified, send304, sendJson } from './http-cache';

export function campaignRoutes(deps: { store: CampaignStore & CallStore; upstream: UpstreamStatus }): Hono {
  const app = new Hono();
  const summaries = new Map<string, { version: number; summary: CampaignSummary }>();

  app.get('/campaigns', (c) => {
    const campaigns = deps.store.listCampaigns();
    const versions = campaigns.map((campaign) => deps.store.campaignVersion(campaign.id));
    const upstream = deps.upstream.snapshot();
    const etag = etagOf(`campaigns|${campaigns.map((campaign, i) => `${campaign.id}:${versions[i]}`).join(',')}|${JSON.stringify(upstream)}`);
    if (notModified(c, etag)) return send304(c, etag);

    const seen = new Set<string>();
    const list = campaigns.map((campaign, i) => {
      seen.add(campaign.id);
      const version = versions[i] ?? 0;
      const cached = summaries.get(campaign.id);
      if (cached && cached.version === version) return cached.summary;
      const summary = summariseCampaign(campaign, deps.store.contactOutcomes(campaign.id));
      summaries.set(campaign.id, { version, summary });
      return summary;
    });
    for (const id of summaries.keys()) if (!seen.has(id)) summaries.delete(id);
    const body: CampaignsResponse = { campaigns: list, upstream };
    return sendJson(c, JSON.stringify(body), etag);
  });
  return app;
}
