// GET /api/campaigns: every stored campaign, newest first, with complete stats, progress and connect rate. Stats
// come from Exotel's numbers completed by the stored contacts (a grouped count, never every call), cached per
// campaign version, so the list stays cheap however many campaigns and viewers there are.
import { Hono } from 'hono';
import type { CampaignSummary, CampaignsResponse } from '../../domain/api-schemas';
import type { Campaign } from '../../domain/campaign';
import { isCampaignActive } from '../../domain/campaign-status';
import type { RecordCounts } from '../../domain/report/call-scan';
import { reconcileStats } from '../../domain/report/stats';
import type { UpstreamStatus } from '../exotel/upstream-status';
import type { CallboardStore, ContactOutcome } from '../store/store';
import { etagOf, notModified, send304, sendJson } from './http-cache';

/** Contacts by outcome, as the report's call scan counts them: a retriable outcome with a retry to come is pending. */
export function recordCountsOf(campaign: Campaign, outcomes: readonly ContactOutcome[]): RecordCounts {
  const counts: RecordCounts = { contacts: 0, completed: 0, failed: 0, busy: 0, noAnswer: 0, inProgress: 0, pending: 0 };
  const retries = campaign.retries;
  const maxAttempts = retries === null ? 1 : 1 + retries.numberOfRetries;
  const active = isCampaignActive(campaign.status);
  for (const { status, attempts, contacts } of outcomes) {
    counts.contacts += contacts;
    if (status === 'completed') counts.completed += contacts;
    else if (status === 'in-progress') counts.inProgress += contacts;
    else if (active && retries !== null && attempts < maxAttempts && retries.onStatus.includes(status)) counts.pending += contacts;
    else if (status === 'busy') counts.busy += contacts;
    else if (status === 'no-answer') counts.noAnswer += contacts;
    else counts.failed += contacts;
  }
  return counts;
}

export function summarise(campaign: Campaign, outcomes: readonly ContactOutcome[]): CampaignSummary {
  const records = recordCountsOf(campaign, outcomes);
  const { stats } = reconcileStats(campaign.stats, records, { callsStored: 0, campaignActive: isCampaignActive(campaign.status) });
  const done = stats.completed + stats.failed + stats.busy + stats.noAnswer;
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    stats,
    dateCreated: campaign.dateCreated,
    progress: { done, total: stats.created },
    connectRate: stats.created > 0 ? stats.completed / stats.created : null,
  };
}

export function campaignRoutes(deps: { store: CallboardStore; upstream: UpstreamStatus }): Hono {
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
      const summary = summarise(campaign, deps.store.contactOutcomes(campaign.id));
      summaries.set(campaign.id, { version, summary });
      return summary;
    });
    for (const id of summaries.keys()) if (!seen.has(id)) summaries.delete(id);
    const body: CampaignsResponse = { campaigns: list, upstream };
    return sendJson(c, JSON.stringify(body), etag);
  });
  return app;
}
