// The names of the counters table's rows (running totals and the last webhook time), shared by both stores so that
// a count means the same whichever database holds it.
export const COUNTER = {
  malformed: 'malformed_records',
  accepted: 'webhooks_accepted',
  duplicate: 'webhooks_duplicate',
  rejected: 'webhooks_rejected',
  lastWebhook: 'webhook_last_at',
  contactSearchSeq: 'contact_search_seq',
} as const;
