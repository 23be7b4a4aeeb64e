// Which events a live client receives: one campaign's, or the campaign-level events of every campaign.
import type { ServerEvent } from '../../domain/api-schemas';

/** A campaign id: that campaign's events. Null: campaign-level events (campaign, sync) of every campaign. */
export type EventFilter = string | null;

export function matchesFilter(event: ServerEvent, filter: EventFilter): boolean {
  if (filter === null) return event.type === 'campaign' || event.type === 'sync';
  return event.campaignId === filter;
}
