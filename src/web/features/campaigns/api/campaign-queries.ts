// Query factory for campaigns and their reports: keys are hierarchical, so invalidating ['campaigns', id]
// refreshes that campaign's report and contacts together. Polling is set here, once.
import { queryOptions } from '@tanstack/react-query';
import { campaignsResponseSchema, reportSchema } from '@domain/api-schemas';
import { apiGet, apiUrl } from '@/lib/api-client';
import { POLL_INTERVAL_MS } from '@/lib/query-client';

export function getCampaigns(signal?: AbortSignal) {
  return apiGet(apiUrl('/api/campaigns'), campaignsResponseSchema, signal);
}

export function getReport(campaignId: string, signal?: AbortSignal) {
  return apiGet(apiUrl(`/api/campaigns/${encodeURIComponent(campaignId)}/report`), reportSchema, signal);
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  campaign: (campaignId: string) => ['campaigns', campaignId] as const,
  report: (campaignId: string) => ['campaigns', campaignId, 'report'] as const,
};

export const campaignQueries = {
  list: () =>
    queryOptions({
      queryKey: campaignKeys.all,
      queryFn: ({ signal }) => getCampaigns(signal),
      refetchInterval: POLL_INTERVAL_MS,
    }),
  report: (campaignId: string) =>
    queryOptions({
      queryKey: campaignKeys.report(campaignId),
      queryFn: ({ signal }) => getReport(campaignId, signal),
      refetchInterval: POLL_INTERVAL_MS,
    }),
};
