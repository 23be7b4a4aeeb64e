// What a campaign id may look like, in one place: Exotel's ids are 32 hex characters (`camp_abc123` in the newer
// docs); anything outside letters, digits, `-` and `_` (1-64 of them) is refused at every door: the Exotel client,
// the API routes, the SSE route and the webhook parser.
import { z } from 'zod';

export const CAMPAIGN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A campaign id as text arrives (surrounding white space is trimmed first). */
export const campaignIdSchema = z.string().trim().regex(CAMPAIGN_ID_PATTERN);

/** What a route answers (400) to a campaign id that does not match the pattern. */
export const CAMPAIGN_ID_ERROR = 'campaign id must be 1-64 letters, digits, - or _';

/** What a route answers (404) for a campaign the store does not have: Exotel may not have been read yet. */
export const unknownCampaignError = (id: string) => `campaign ${id} is not known (yet)`;

export function isCampaignId(id: string): boolean {
  return CAMPAIGN_ID_PATTERN.test(id);
}
