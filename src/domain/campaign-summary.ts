// One campaign's line in the campaigns list: Exotel's stats completed by the stored contacts' outcomes, with
// progress and connect rate, built from a grouped count of contacts (never every call).
import type { CampaignSummary } from './api-schemas';
import type { Campaign } from './campaign';
import { isCampaignActive } from './campaign-status';
import { countContactOutcomes, type ContactOutcome } from './report/contact-outcome';
import { reconcileStats } from './report/stats';

export function summariseCampaign(campaign: Campaign, outcomes: readonly ContactOutcome[]): CampaignSummary {
  const campaignActive = isCampaignActive(campaign.status);
  const records = countContactOutcomes(outcomes, { campaignActive, retries: campaign.retries });
  const { stats } = reconcileStats(campaign.stats, records, { callsStored: 0, campaignActive });
  const done = stats.completed + stats.failed + stats.busy + stats.noAnswer;
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    stats,
    dateCreated: campaign.dateCreated,
    progress: { done, total: stats.created },
    connectRate: stats.created > 0 ? stats.completed / stats.created : null,
  };
}
