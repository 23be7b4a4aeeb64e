// What a campaign write stores and what it changes, for both stores: the columns of a campaign row, when a stats
// snapshot is kept, when the campaign's version moves, and what a campaign-status webhook makes of a stored campaign.
import type { Campaign, UpstreamStats } from '../../domain/campaign';
import type { CampaignStatus } from '../../domain/campaign-status';
import { msOfIso } from '../../domain/instant';
import { statsKey } from '../../domain/stats-key';
import { mergeStats } from '../../domain/stats-merge';

export interface CampaignColumns {
  id: string;
  name: string;
  status: string;
  stats_json: string;
  caller_id: string | null;
  retries_json: string | null;
  send_at: string | null;
  end_at: string | null;
  date_created: string | null;
  date_created_ms: number | null;
  date_updated: string | null;
  polled_at: string;
}

export function campaignColumns(campaign: Campaign, polledAt: string): CampaignColumns {
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    stats_json: statsKey(campaign.stats),
    caller_id: campaign.callerId,
    retries_json: campaign.retries === null ? null : JSON.stringify(campaign.retries),
    send_at: campaign.schedule.sendAt,
    end_at: campaign.schedule.endAt,
    date_created: campaign.dateCreated,
    date_created_ms: msOfIso(campaign.dateCreated),
    date_updated: campaign.dateUpdated,
    polled_at: polledAt,
  };
}

/** A stats snapshot is kept for trends when the campaign is new or its counts changed. */
export function keepsStatsSnapshot(before: Campaign | null, statsJson: string): boolean {
  return before === null || statsKey(before.stats) !== statsJson;
}

/** The version moves when something a report shows changed, never for the poll time alone. */
export function changesReport(before: Campaign | null, after: Campaign | null): boolean {
  return before === null || JSON.stringify(before) !== JSON.stringify(after);
}

/**
 * The stored campaign once a campaign-status webhook is applied: its stats refine the stored ones, and its date
 * becomes the campaign's when later than what is stored (it orders a later pause and resume).
 */
export function campaignAfterStatus(before: Campaign, status: CampaignStatus, stats: UpstreamStats | null, at: string): Campaign {
  const dateUpdated = before.dateUpdated !== null && Date.parse(before.dateUpdated) >= Date.parse(at) ? before.dateUpdated : at;
  return { ...before, status, stats: mergeStats(before.stats, stats), dateUpdated };
}
