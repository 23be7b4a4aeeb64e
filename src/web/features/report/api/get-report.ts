// A campaign's report: its fetcher and query options side by side. Polling is set here, once; SSE events only
// invalidate it sooner.
import { queryOptions } from '@tanstack/react-query';
import { reportSchema } from '@domain/api-schemas';
import { apiGet, apiUrl } from '@/lib/api-client';
import { POLL_INTERVAL_MS } from '@/lib/query-client';
import { campaignKeys } from '@/lib/query-keys';

export function getReport(campaignId: string, signal?: AbortSignal) {
  return apiGet(apiUrl(`/api/campaigns/${encodeURIComponent(campaignId)}/report`), reportSchema, signal);
}

export const reportQueries = {
  report: (campaignId: string) =>
    queryOptions({
      queryKey: campaignKeys.report(campaignId),
      queryFn: ({ signal }) => getReport(campaignId, signal),
      refetchInterval: POLL_INTERVAL_MS,
    }),
};
