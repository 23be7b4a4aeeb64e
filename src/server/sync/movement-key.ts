// A campaign's status and stats as one comparable string: sync compares it to tell that a campaign moved. The
// stats part is the one canonical rule of domain/stats-key.ts.
import type { Campaign } from '../../domain/campaign';
import { statsKey } from '../../domain/stats-key';

/** Status and stats as one comparable string; '' for no campaign. */
export function campaignMovementKey(campaign: Campaign | null): string {
  return campaign ? `${campaign.status}|${statsKey(campaign.stats)}` : '';
}
