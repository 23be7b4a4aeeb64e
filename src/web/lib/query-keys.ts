// Every React Query key of the SPA, from one factory (TkDodo's "Effective React Query Keys"). Keys are
// hierarchical: a campaign's report and its contact pages sit under ['campaigns', id], so SSE invalidation can
// name a whole branch. Queries, SSE invalidation and tests all build keys here; none is written as a literal.
export const campaignKeys = {
  /** Every campaign query; on its own (exact) it is the campaigns list. */
  all: ['campaigns'] as const,
  list: () => campaignKeys.all,
  campaign: (campaignId: string) => [...campaignKeys.all, campaignId] as const,
  report: (campaignId: string) => [...campaignKeys.campaign(campaignId), 'report'] as const,
  contacts: (campaignId: string) => [...campaignKeys.campaign(campaignId), 'contacts'] as const,
  /** One page of contacts: the page's filters, sort and offset are part of its key. */
  contactPage: <Page extends object>(campaignId: string, page: Page) => [...campaignKeys.contacts(campaignId), page] as const,
};

/** The server's own state: its health and version (a wallboard reloads itself once after an upgrade). */
export const serverKeys = {
  health: () => ['server', 'health'] as const,
};

/** A wallboard display's own record (name, settings, version), read under its token's prefix. */
export const displayKeys = {
  self: (apiBase: string) => ['display', apiBase] as const,
};
