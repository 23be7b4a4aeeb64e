// A campaign's report: its fetcher and query options side by side. Polling is set here, once; SSE events only
// invalidate it sooner.
import { queryOptions } from '@tanstack/react-query';
import { reportSchema } from '@domain/api-schemas';
import { apiGet, apiUrl, DEFAULT_API_BASE } from '@/lib/api-client';
import { POLL_INTERVAL_MS } from '@/lib/query-client';
import { campaignKeys } from '@/lib/query-keys';

/** `apiBase` is `/s/<token>/api` in a share link's view. */
export function getReport(campaignId: string, signal?: AbortSignal, apiBase = DEFAULT_API_BASE) {
  return apiGet(apiUrl(`${apiBase}/campaigns/${encodeURIComponent(campaignId)}/report`), reportSchema, signal);
}

export const reportQueries = {
  report: (campaignId: string, apiBase = DEFAULT_API_BASE) =>
    queryOptions({
      queryKey: campaignKeys.report(campaignId, apiBase),
      queryFn: ({ signal }) => getReport(campaignId, signal, apiBase),
      refetchInterval: POLL_INTERVAL_MS,
    }),
};
