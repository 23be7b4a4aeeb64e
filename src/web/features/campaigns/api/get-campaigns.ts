// The campaigns list: its fetcher and query options side by side. Polling is set here, once.
import { queryOptions } from '@tanstack/react-query';
import { campaignsResponseSchema } from '@domain/api-schemas';
import { apiGet, apiUrl } from '@/lib/api-client';
import { POLL_INTERVAL_MS } from '@/lib/query-client';
import { campaignKeys } from '@/lib/query-keys';

export function getCampaigns(signal?: AbortSignal) {
  return apiGet(apiUrl('/api/campaigns'), campaignsResponseSchema, signal);
}

export const campaignQueries = {
  list: () =>
    queryOptions({
      queryKey: campaignKeys.list(),
      queryFn: ({ signal }) => getCampaigns(signal),
      refetchInterval: POLL_INTERVAL_MS,
    }),
};
