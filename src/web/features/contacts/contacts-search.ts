// The contact list's shareable state, read from the URL: the search, final-status filter and sort order.
import { useMemo } from 'react';
import { z } from 'zod';
import { CALL_STATUSES } from '@domain/call-status';
import { CONTACT_SORTS } from '@domain/api-schemas';
import { useLocation } from '@/lib/router';

export const contactsSearchSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  status: z.enum(CALL_STATUSES).optional().catch(undefined),
  sort: z.enum(CONTACT_SORTS).catch('lastCallAt:desc'),
});
export type ContactsSearch = z.infer<typeof contactsSearchSchema>;

export function parseContactsSearch(params: URLSearchParams): ContactsSearch {
  return contactsSearchSchema.parse({
    q: params.get('q') ?? '',
    status: params.get('status') ?? undefined,
    sort: params.get('sort') ?? undefined,
  });
}

/** The filters in force, parsed once per URL so the object stays stable between renders (it feeds query keys). */
export function useContactsSearch(): ContactsSearch {
  const query = useLocation().search.toString();
  return useMemo(() => parseContactsSearch(new URLSearchParams(query)), [query]);
}
