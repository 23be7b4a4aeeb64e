// "Your usual": metric snapshots of the account's finished campaigns of the last 90 days, for the report's
// benchmarks. A snapshot is built once per campaign version (a finished campaign rarely changes) and kept in memory,
// so a report pays for another campaign's metrics only the first time, or after that campaign changed.
import type { Campaign } from '../../domain/campaign';
import { isCampaignActive } from '../../domain/campaign-status';
import { msOfIso } from '../../domain/instant';
import { BENCHMARK_WINDOW_DAYS, metricValues, type CampaignSnapshot } from '../../domain/report/benchmarks';
import { buildReport } from '../../domain/report/build-report';
import type { Pricing } from '../../domain/report/business';
import { loadReportInput, type ReportInputStore } from '../store/load-report-input';
import type { CampaignStore } from '../store/store';

const DAY_MS = 86_400_000;
const LIST_TTL_MS = 60_000;
/** The most campaigns a benchmark looks at (the most recent); beyond this a median hardly moves. */
export const MAX_BENCHMARK_CAMPAIGNS = 200;

export interface CampaignHistory {
  /** Changes whenever a snapshot in it changes: part of the report's cache key. */
  key: string;
  snapshots: CampaignSnapshot[];
}

export interface CampaignSnapshotsDeps {
  store: CampaignStore & ReportInputStore;
  timeZone: string;
  pricing: Pricing;
}

/** When a campaign finished, as far as callboard knows: Exotel's last update, else its end time, else its creation. */
export function finishedAtMs(campaign: Campaign): number | null {
  return msOfIso(campaign.dateUpdated) ?? msOfIso(campaign.schedule.endAt) ?? msOfIso(campaign.dateCreated);
}

export function campaignSnapshots(deps: CampaignSnapshotsDeps) {
  const cache = new Map<string, { version: number; snapshot: CampaignSnapshot }>();
  // The list of finished campaigns is read at most once a minute: every viewer's poll asks for it.
  let listed: { atMs: number; finished: { campaign: Campaign; at: number }[] } | null = null;

  function finishedCampaigns(now: Date): { campaign: Campaign; at: number }[] {
    const nowMs = now.getTime();
    if (listed !== null && nowMs >= listed.atMs && nowMs - listed.atMs < LIST_TTL_MS) return listed.finished;
    const since = nowMs - BENCHMARK_WINDOW_DAYS * DAY_MS;
    const finished = deps.store
      .listCampaigns()
      .filter((c) => !isCampaignActive(c.status))
      .map((campaign) => ({ campaign, at: finishedAtMs(campaign) }))
      .filter((c): c is { campaign: Campaign; at: number } => c.at !== null && c.at >= since && c.at <= nowMs)
      .sort((a, b) => b.at - a.at)
      .slice(0, MAX_BENCHMARK_CAMPAIGNS + 1);
    listed = { atMs: nowMs, finished };
    return finished;
  }

  function snapshotOf(campaign: Campaign, version: number, now: Date): CampaignSnapshot {
    const cached = cache.get(campaign.id);
    if (cached !== undefined && cached.version === version) return cached.snapshot;
    const input = loadReportInput(deps.store, campaign, {
      // The metric values do not depend on upstream or webhook health.
      upstream: { state: 'ok', lastSuccessAt: null, lastError: null },
      staleSince: null,
      webhooks: { lastAt: null, accepted: 0, duplicate: 0, rejected: 0, quarantined: 0 },
      timeZone: deps.timeZone,
      now,
    });
    const snapshot: CampaignSnapshot = {
      campaignId: campaign.id,
      finishedAtMs: finishedAtMs(campaign),
      values: metricValues(buildReport({ ...input, pricing: deps.pricing }).metrics),
    };
    cache.set(campaign.id, { version, snapshot });
    return snapshot;
  }

  return {
    /** Snapshots of finished campaigns of the last 90 days, the given one excluded, newest first. */
    history(excludeCampaignId: string, now: Date): CampaignHistory {
      const finished = finishedCampaigns(now)
        .filter((c) => c.campaign.id !== excludeCampaignId)
        .slice(0, MAX_BENCHMARK_CAMPAIGNS);
      const snapshots: CampaignSnapshot[] = [];
      const versions: string[] = [];
      for (const { campaign } of finished) {
        const version = deps.store.campaignVersion(campaign.id);
        versions.push(`${campaign.id}@${version}`);
        snapshots.push(snapshotOf(campaign, version, now));
      }
      return { key: versions.join(','), snapshots };
    },
  };
}

export type CampaignSnapshots = ReturnType<typeof campaignSnapshots>;
