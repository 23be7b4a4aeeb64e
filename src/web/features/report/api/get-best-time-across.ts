// Best time to call across every campaign of the last 90 days: its fetcher and query options side by side. A
// 90-day aggregate moves slowly, so it is read when asked for and kept fresh for a few minutes, not polled.
import { queryOptions } from '@tanstack/react-query';
import { bestTimeAcrossSchema } from '@domain/api-schemas';
import { apiGet, apiUrl } from '@/lib/api-client';
import { insightKeys } from '@/lib/query-keys';

const FRESH_FOR_MS = 5 * 60_000;

export function getBestTimeAcross(signal?: AbortSignal) {
  return apiGet(apiUrl('/api/insight/best-time'), bestTimeAcrossSchema, signal);
}

export const insightQueries = {
  bestTime: () =>
    queryOptions({
      queryKey: insightKeys.bestTime,
      queryFn: ({ signal }) => getBestTimeAcross(signal),
      staleTime: FRESH_FOR_MS,
    }),
};
