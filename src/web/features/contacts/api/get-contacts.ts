// Query factory for pages of a campaign's contacts. Each page is its own query, so the list can hold 100,000
// contacts while only the pages on screen are fetched, and an invalidation refetches only those.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { contactsResponseSchema, type ContactFinalStatus, type ContactSort } from '@domain/api-schemas';
import { apiGet, apiUrl, DEFAULT_API_BASE } from '@/lib/api-client';
import { campaignKeys } from '@/lib/query-keys';

export const CONTACTS_PAGE_SIZE = 100;

export interface ContactPageParams {
  q: string;
  status: ContactFinalStatus | undefined;
  tag: string | undefined;
  sort: ContactSort;
  offset: number;
  limit: number;
}

/** `apiBase` is `/s/<token>/api` in a share link's view. */
export function getContacts(campaignId: string, params: ContactPageParams, signal?: AbortSignal, apiBase = DEFAULT_API_BASE) {
  const url = apiUrl(`${apiBase}/campaigns/${encodeURIComponent(campaignId)}/contacts`, {
    q: params.q,
    status: params.status,
    tag: params.tag,
    sort: params.sort,
    offset: params.offset,
    limit: params.limit,
  });
  return apiGet(url, contactsResponseSchema, signal);
}

export const contactQueries = {
  list: (campaignId: string, params: ContactPageParams, apiBase = DEFAULT_API_BASE) =>
    queryOptions({
      queryKey: campaignKeys.contactPage(campaignId, params, apiBase),
      queryFn: ({ signal }) => getContacts(campaignId, params, signal, apiBase),
      // While a new search runs, the old rows stay on screen instead of a blank list.
      placeholderData: keepPreviousData,
    }),
};
