// The contact list's shareable state, read from the URL: the search, final-status and tag filters, the sort order,
// and the contact whose call history is open.
import { useMemo } from 'react';
import { z } from 'zod';
import { CONTACT_SORTS, contactFinalStatusSchema } from '@domain/api-schemas';
import { useLocation } from '@/lib/router';

export const contactsSearchSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  status: contactFinalStatusSchema.optional().catch(undefined),
  tag: z.string().trim().min(1).max(100).optional().catch(undefined),
  sort: z.enum(CONTACT_SORTS).catch('lastCallAt:desc'),
  contact: z.string().max(32).optional().catch(undefined),
});
export type ContactsSearch = z.infer<typeof contactsSearchSchema>;

export function parseContactsSearch(params: URLSearchParams): ContactsSearch {
  return contactsSearchSchema.parse({
    q: params.get('q') ?? '',
    status: params.get('status') ?? undefined,
    tag: params.get('tag') ?? undefined,
    sort: params.get('sort') ?? undefined,
    contact: params.get('contact') ?? undefined,
  });
}

/** The filters in force, parsed once per URL so the object stays stable between renders (it feeds query keys). */
export function useContactsSearch(): ContactsSearch {
  const query = useLocation().search.toString();
  return useMemo(() => parseContactsSearch(new URLSearchParams(query)), [query]);
}
