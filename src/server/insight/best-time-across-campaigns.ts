// "Best time to call" across every campaign of the last 90 days: each campaign's day x hour grid is built once per
// campaign version and window hour, and kept in memory (168 x 2 counts), so a request only adds grids up. A campaign
// that finished before the window starts is not read at all.
import type { BestTimeAcross } from '../../domain/api-schemas';
import { isCampaignActive } from '../../domain/campaign-status';
import { bestTimeAcross, campaignGridSince, windowStartMs } from '../../domain/report/best-time-across';
import type { DayHourGrid } from '../../domain/report/day-hour';
import type { CallStore, CampaignStore } from '../store/store';
import { finishedAtMs } from './campaign-snapshots';

export interface BestTimeAcrossDeps {
  store: CampaignStore & Pick<CallStore, 'reportCalls'>;
  timeZone: string;
}

export function bestTimeAcrossCampaigns(deps: BestTimeAcrossDeps) {
  const cache = new Map<string, { key: string; grid: DayHourGrid | null }>();

  return function read(now: Date): BestTimeAcross {
    const nowMs = now.getTime();
    // The window starts on an hour, so cached grids stay valid for up to an hour.
    const sinceMs = windowStartMs(nowMs, deps.timeZone);
    const grids: DayHourGrid[] = [];
    const seen = new Set<string>();
    for (const campaign of deps.store.listCampaigns()) {
      const ended = isCampaignActive(campaign.status) ? null : finishedAtMs(campaign);
      if (ended !== null && ended < sinceMs) continue;
      seen.add(campaign.id);
      const key = `${deps.store.campaignVersion(campaign.id)}|${sinceMs}`;
      let entry = cache.get(campaign.id);
      if (entry === undefined || entry.key !== key) {
        entry = { key, grid: campaignGridSince(campaign, deps.store.reportCalls(campaign.id), deps.timeZone, nowMs, sinceMs) };
        cache.set(campaign.id, entry);
      }
      if (entry.grid !== null) grids.push(entry.grid);
    }
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    return bestTimeAcross(grids, deps.timeZone, nowMs, sinceMs);
  };
}
