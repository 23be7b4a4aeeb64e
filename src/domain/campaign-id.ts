// What a campaign id may look like, in one place: Exotel's ids are 32 hex characters (`camp_abc123` in the newer
// docs); anything outside letters, digits, `-` and `_` (1-64 of them) is refused at every door: the Exotel client,
// the API routes, the SSE route and the webhook parser.
import { z } from 'zod';

export const CAMPAIGN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A campaign id as text arrives (surrounding white space is trimmed first). */
export const campaignIdSchema = z.string().trim().regex(CAMPAIGN_ID_PATTERN);

export function isCampaignId(id: string): boolean {
  return CAMPAIGN_ID_PATTERN.test(id);
}
