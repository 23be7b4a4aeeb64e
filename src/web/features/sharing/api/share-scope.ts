// A share link's view asks its own scope first (GET /s/<token>/api/scope): which campaigns it may show, whether
// contacts are included, whether numbers are masked. A 404 means the link is not (or no longer) available.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { campaignsResponseSchema } from '@domain/api-schemas';
import { apiGet, apiUrl } from '@/lib/api-client';
import { accessKeys } from '@/lib/query-keys';

export const shareScopeSchema = z.object({
  campaignIds: z.array(z.string()),
  masked: z.boolean().default(true),
  contacts: z.boolean().default(false),
  label: z.string().nullish(),
  expiresAt: z.string().nullish(),
});
export type ShareScope = z.infer<typeof shareScopeSchema>;

export function getShareScope(apiBase: string, signal?: AbortSignal) {
  return apiGet(apiUrl(`${apiBase}/scope`), shareScopeSchema, signal);
}

export const shareScopeQueries = {
  scope: (apiBase: string) =>
    queryOptions({
      queryKey: accessKeys.shareScope(apiBase),
      queryFn: ({ signal }) => getShareScope(apiBase, signal),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),
};

/** The campaigns a link names, with their names and status (GET /s/<token>/api/campaigns), for a link to several. */
export function getSharedCampaigns(apiBase: string, signal?: AbortSignal) {
  return apiGet(apiUrl(`${apiBase}/campaigns`), campaignsResponseSchema, signal);
}

export const sharedCampaignQueries = {
  list: (apiBase: string) =>
    queryOptions({
      queryKey: [...accessKeys.shareScope(apiBase), 'campaigns'] as const,
      queryFn: ({ signal }) => getSharedCampaigns(apiBase, signal),
      select: (data) => data.campaigns,
    }),
};
