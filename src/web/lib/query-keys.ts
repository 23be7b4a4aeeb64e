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
  /** Every attempt of one contact: under the contacts, so a `contact` or `call` event refetches an open history. */
  contactCalls: (campaignId: string, number: string) => [...campaignKeys.contacts(campaignId), 'calls', number] as const,
};
