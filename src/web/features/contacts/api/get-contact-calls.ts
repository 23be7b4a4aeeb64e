// Query factory for one contact's call history: every attempt, with its recording link.
import { queryOptions } from '@tanstack/react-query';
import { contactCallsResponseSchema } from '@domain/api-schemas';
import { apiGet, apiUrl } from '@/lib/api-client';
import { campaignKeys } from '@/lib/query-keys';

export function getContactCalls(campaignId: string, number: string, signal?: AbortSignal) {
  const url = apiUrl(`/api/campaigns/${encodeURIComponent(campaignId)}/contacts/${encodeURIComponent(number)}/calls`);
  return apiGet(url, contactCallsResponseSchema, signal);
}

export const contactCallsQueries = {
  calls: (campaignId: string, number: string) =>
    queryOptions({
      queryKey: campaignKeys.contactCalls(campaignId, number),
      queryFn: ({ signal }) => getContactCalls(campaignId, number, signal),
    }),
};
