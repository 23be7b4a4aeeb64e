// Which events a live client receives: one campaign's, or the campaign-level events of every campaign.
import type { ServerEvent } from '../../domain/api-schemas';

/** A campaign id: that campaign's events. Null: campaign-level events (campaign, sync) of every campaign. */
export type EventFilter = string | null;

/** The filters an event reaches: its campaign's, and the all-campaigns one for campaign-level events. */
export function audiencesOf(event: ServerEvent): EventFilter[] {
  return event.type === 'campaign' || event.type === 'sync' ? [event.campaignId, null] : [event.campaignId];
}

export function matchesFilter(event: ServerEvent, filter: EventFilter): boolean {
  return audiencesOf(event).includes(filter);
}
