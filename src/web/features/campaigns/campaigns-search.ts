// The campaigns screen's shareable state, read from the URL: name search, status filter, sort order.
import { useMemo } from 'react';
import { z } from 'zod';
import { CAMPAIGN_STATUSES } from '@domain/campaign-status';
import type { CampaignSummary } from '@domain/api-schemas';
import { useLocation } from '@/lib/router';

export const CAMPAIGN_SORTS = ['newest', 'oldest', 'name'] as const;

export const campaignsSearchSchema = z.object({
  q: z.string().max(100).catch(''),
  status: z.enum(CAMPAIGN_STATUSES).optional().catch(undefined),
  sort: z.enum(CAMPAIGN_SORTS).catch('newest'),
});
export type CampaignsSearch = z.infer<typeof campaignsSearchSchema>;

export function parseCampaignsSearch(params: URLSearchParams): CampaignsSearch {
  return campaignsSearchSchema.parse({
    q: params.get('q') ?? '',
    status: params.get('status') ?? undefined,
    sort: params.get('sort') ?? undefined,
  });
}

/** The search in force, parsed once per URL so the object stays stable between renders (it feeds a select). */
export function useCampaignsSearch(): CampaignsSearch {
  const query = useLocation().search.toString();
  return useMemo(() => parseCampaignsSearch(new URLSearchParams(query)), [query]);
}

function createdMs(campaign: CampaignSummary): number {
  const ms = campaign.dateCreated ? Date.parse(campaign.dateCreated) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

/** The campaigns a person asked to see, in the order they asked for (newest first by default). */
export function selectCampaigns(campaigns: readonly CampaignSummary[], search: CampaignsSearch): CampaignSummary[] {
  const needle = search.q.trim().toLowerCase();
  const shown = campaigns.filter(
    (campaign) => (!needle || campaign.name.toLowerCase().includes(needle)) && (!search.status || campaign.status === search.status),
  );
  if (search.sort === 'name') return shown.sort((a, b) => a.name.localeCompare(b.name, 'en-IN'));
  const direction = search.sort === 'oldest' ? 1 : -1;
  return shown.sort((a, b) => direction * (createdMs(a) - createdMs(b)) || a.name.localeCompare(b.name, 'en-IN'));
}
