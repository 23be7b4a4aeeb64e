// Every React Query key of the SPA, from one factory (TkDodo's "Effective React Query Keys"). Keys are
// hierarchical: a campaign's report and its contact pages sit under ['campaigns', id], so SSE invalidation can
// name a whole branch. Queries, SSE invalidation and tests all build keys here; none is written as a literal.
import { DEFAULT_API_BASE } from './api-client';

export const campaignKeys = {
  /** Every campaign query; on its own (exact) it is the campaigns list. */
  all: ['campaigns'] as const,
  list: () => campaignKeys.all,
  campaign: (campaignId: string) => [...campaignKeys.all, campaignId] as const,
  /**
   * A share link's view reads under its own API base: the base ends the key, so an SSE invalidation of
   * `report(id)` still reaches it, and the signed-in and shared answers (masked or not) never share a cache entry.
   */
  report: (campaignId: string, apiBase: string = DEFAULT_API_BASE) =>
    [...campaignKeys.campaign(campaignId), 'report', ...scopeOf(apiBase)] as const,
  /** A wallboard's narrow view of the report (`?view=wallboard`): under the report, so the same events refetch it. */
  wallboardReport: (campaignId: string, apiBase: string = DEFAULT_API_BASE) => [...campaignKeys.report(campaignId, apiBase), 'wallboard'] as const,
  contacts: (campaignId: string) => [...campaignKeys.campaign(campaignId), 'contacts'] as const,
  /** One page of contacts: the page's filters, sort and offset (and a shared view's base) are part of its key. */
  contactPage: <Page extends object>(campaignId: string, page: Page, apiBase: string = DEFAULT_API_BASE) =>
    [...campaignKeys.contacts(campaignId), page, ...scopeOf(apiBase)] as const,
  /** Every attempt of one contact: under the contacts, so a `contact` or `call` event refetches an open history. */
  contactCalls: (campaignId: string, number: string) => [...campaignKeys.contacts(campaignId), 'calls', number] as const,
};

/** Figures across campaigns (signed-in only): best time to call over every campaign of the last 90 days. */
export const insightKeys = {
  bestTime: ['insight', 'best-time'] as const,
};

function scopeOf(apiBase: string): [] | [{ apiBase: string }] {
  return apiBase === DEFAULT_API_BASE ? [] : [{ apiBase }];
}

/** The signed-in user's own things: the session, and what settings and the share dialog manage. */
export const accessKeys = {
  session: ['session'] as const,
  users: ['users'] as const,
  shareLinks: {
    /** Every share-link query (all links, one campaign's, opens logs): what a create, revoke or rotate invalidates. */
    all: ['share-links'] as const,
    list: (campaignId?: string) => [...accessKeys.shareLinks.all, 'list', campaignId ?? '*'] as const,
    opens: (linkId: string) => [...accessKeys.shareLinks.all, 'opens', linkId] as const,
  },
  /** A share link's own scope, read by its view (`apiBase` is `/s/<token>/api`). */
  shareScope: (apiBase: string) => ['share-scope', apiBase] as const,
  displays: ['displays'] as const,
  audit: ['audit'] as const,
};

/** The server's own state: its health and version (a wallboard reloads itself once after an upgrade). */
export const serverKeys = {
  health: () => ['server', 'health'] as const,
};

/** A wallboard display's own record (name, settings, version), read under its token's prefix. */
export const displayKeys = {
  self: (apiBase: string) => ['display', apiBase] as const,
};
