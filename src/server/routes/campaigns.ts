// GET /api/campaigns: every stored campaign, newest first, with complete stats, progress, connect rate and calls
// per minute. Stats come from Exotel's numbers completed by the stored contacts (a grouped count, never every call),
// cached per campaign version, so the list stays cheap however many campaigns and viewers there are. Calls per
// minute move with the clock, not the version: they are counted on each request (an index range scan per campaign).
// Who may call it: a signed-in user under /api, or a share link or display under its prefix (routes/scoped.ts filters
// the list to its scope); nothing in it names a contact.
import { Hono } from 'hono';
import type { CampaignSummary, CampaignsResponse } from '../../domain/api-schemas';
import { summariseCampaign } from '../../domain/campaign-summary';
import type { UpstreamStatus } from '../exotel/upstream-status';
import type { CallStore, CampaignStore } from '../store/store';
import { etagOf, notModified, send304, sendJson } from './http-cache';

/** Calls per minute are the calls started over this window, divided by its minutes. */
export const CALLS_PER_MINUTE_WINDOW_MS = 5 * 60_000;

export function campaignRoutes(deps: { store: CampaignStore & CallStore; upstream: UpstreamStatus; now?: () => Date }): Hono {
  const app = new Hono();
  const now = deps.now ?? (() => new Date());
  const summaries = new Map<string, { version: number; summary: CampaignSummary }>();

  app.get('/campaigns', (c) => {
    const campaigns = deps.store.listCampaigns();
    const versions = campaigns.map((campaign) => deps.store.campaignVersion(campaign.id));
    const sinceMs = now().getTime() - CALLS_PER_MINUTE_WINDOW_MS;
    const perMinute = campaigns.map((campaign) => deps.store.countCallsStartedSince(campaign.id, sinceMs) / (CALLS_PER_MINUTE_WINDOW_MS / 60_000));
    const upstream = deps.upstream.snapshot();
    const etag = etagOf(
      `campaigns|${campaigns.map((campaign, i) => `${campaign.id}:${versions[i]}:${perMinute[i]}`).join(',')}|${JSON.stringify(upstream)}`,
    );
    if (notModified(c, etag)) return send304(c, etag);

    const seen = new Set<string>();
    const list = campaigns.map((campaign, i): CampaignSummary => {
      seen.add(campaign.id);
      const version = versions[i] ?? 0;
      const cached = summaries.get(campaign.id);
      const summary = cached && cached.version === version ? cached.summary : summariseCampaign(campaign, deps.store.contactOutcomes(campaign.id));
      summaries.set(campaign.id, { version, summary });
      return { ...summary, callsPerMinute: perMinute[i] ?? 0 };
    });
    for (const id of summaries.keys()) if (!seen.has(id)) summaries.delete(id);
    const body: CampaignsResponse = { campaigns: list, upstream };
    return sendJson(c, JSON.stringify(body), etag);
  });
  return app;
}
