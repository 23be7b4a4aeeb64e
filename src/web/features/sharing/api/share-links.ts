// Share links: creating one for a campaign, listing them (one campaign's, or all in settings), revoking,
// rotating, and each link's log of opens. Fetchers and query options side by side; every change invalidates
// the whole share-links branch, so the dialog and the settings page agree.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { piiModeSchema, type PiiMode } from '@domain/access/principal';
import { apiGet, apiSend, apiUrl } from '@/lib/api-client';
import { accessKeys } from '@/lib/query-keys';

/** A time on the wire: ISO 8601 by the API's convention; epoch milliseconds are read too. */
const instantSchema = z.union([z.string(), z.number()]).transform((value) => (typeof value === 'number' ? new Date(value).toISOString() : value));

export const shareLinkSchema = z
  .object({
    id: z.string(),
    campaignIds: z.array(z.string()).default([]),
    pii: piiModeSchema.default('masked'),
    contacts: z.boolean().default(false),
    label: z.string().nullish(),
    createdBy: z.string().nullish(),
    creator: z.string().nullish(),
    createdAt: instantSchema.nullish(),
    expiresAt: instantSchema.nullish(),
    lastOpenedAt: instantSchema.nullish(),
    opens: z.number().int().default(0),
    revokedAt: instantSchema.nullish(),
  })
  .transform(({ creator, createdBy, ...link }) => ({ ...link, creator: createdBy ?? creator ?? null }));
export type ShareLink = z.infer<typeof shareLinkSchema>;

export const shareLinksResponseSchema = z.object({ links: z.array(shareLinkSchema) });

/** What a create or rotate answers: the link's id and its URL, shown once (the token is not kept). */
export const createdLinkSchema = z.looseObject({ id: z.string(), url: z.string(), expiresAt: instantSchema.nullish() });
export type CreatedLink = z.infer<typeof createdLinkSchema>;

export const shareOpenSchema = z.object({ at: instantSchema, address: z.string().nullish(), userAgent: z.string().nullish() });
export type ShareOpen = z.infer<typeof shareOpenSchema>;

export interface NewShareLink {
  campaignIds: string[];
  ttlHours: number;
  pii: PiiMode;
  contacts: boolean;
  label?: string;
}

export function listShareLinks(campaignId?: string, signal?: AbortSignal) {
  return apiGet(apiUrl('/api/share-links', { campaignId }), shareLinksResponseSchema, signal);
}

export function createShareLink(link: NewShareLink): Promise<CreatedLink> {
  return apiSend('POST', apiUrl('/api/share-links'), createdLinkSchema, link);
}

export function revokeShareLink(id: string): Promise<unknown> {
  return apiSend('DELETE', apiUrl(`/api/share-links/${encodeURIComponent(id)}`), z.unknown());
}

export function rotateShareLink(id: string): Promise<CreatedLink> {
  return apiSend('POST', apiUrl(`/api/share-links/${encodeURIComponent(id)}/rotate`), createdLinkSchema);
}

export function listShareLinkOpens(id: string, signal?: AbortSignal) {
  return apiGet(apiUrl(`/api/share-links/${encodeURIComponent(id)}/opens`), z.object({ opens: z.array(shareOpenSchema) }), signal);
}

export const shareLinkQueries = {
  /** Without a campaign id: every link (settings). Revoked links are the server's call to list or not. */
  list: (campaignId?: string) =>
    queryOptions({
      queryKey: accessKeys.shareLinks.list(campaignId),
      queryFn: ({ signal }) => listShareLinks(campaignId, signal),
      select: (data) => data.links,
    }),
  opens: (linkId: string) =>
    queryOptions({
      queryKey: accessKeys.shareLinks.opens(linkId),
      queryFn: ({ signal }) => listShareLinkOpens(linkId, signal),
      select: (data) => data.opens,
    }),
};

/** The server may answer a path (`/s/<token>`) or a full URL; the person copying it needs a full one. */
export function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).toString();
}
