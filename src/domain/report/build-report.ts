// Turns a campaign's stored rows into callboard's report (GET /api/campaigns/:id/report): counts, metrics,
// breakdown, retry effectiveness, timeline, best time to call and sync notes, in a few linear passes.
import type { Report } from '../api-schemas';
import { isCampaignActive } from '../campaign-status';
import type { ReportInput } from '../report-input';
import { buildBenchmarks } from './benchmarks';
import { buildBestTime } from './best-time';
import { buildBusiness, DEFAULT_PULSE_SEC, totalCost } from './business';
import { buildTagRows, revenueFromMetadata } from './contact-metadata';
import { dayHourCells, dayHourGrid } from './day-hour';
import { diagnose } from './diagnosis';
import { chooseReadableBucketSec } from './readable-buckets';
import { rateBasis } from './so-far';
import { buildBreakdown } from './breakdown';
import { scanCalls } from './call-scan';
import { CODE_IN_PROGRESS, toColumns } from './call-columns';
import { buildMetrics } from './metrics';
import { buildRetries } from './retries';
import { reconcileStats } from './stats';
import { syncNotes } from './sync-notes';
import { buildTimeline } from './timeline';
import { plausibleCallWindow, trustedCalls } from './trusted-calls';
import { isoWithOffset, resolveTimeZone, zoneOffsetMinutes } from './time-zone';

export function buildReport(input: ReportInput): Report {
  const { campaign, sync } = input;
  const timeZone = resolveTimeZone(input.timeZone);
  const campaignActive = isCampaignActive(campaign.status);
  const nowMs = input.now.getTime();
  // One pass over the call objects copies the trusted calls into columns; every later pass reads the columns.
  const window = plausibleCallWindow(campaign, nowMs);
  const columns = toColumns(input.calls, window);
  const scan = scanCalls(columns, { campaignActive, retries: campaign.retries });
  const { stats, notes: countNotes } = reconcileStats(campaign.stats, scan.records, { callsStored: columns.size, campaignActive });

  // Timeline starts use one offset (the zone's now): fixed for India, and a DST zone's buckets stay exact instants.
  const offsetNow = zoneOffsetMinutes(timeZone, nowMs);
  const pricing = input.pricing ?? { rupeesPerPulse: null, pulseSec: DEFAULT_PULSE_SEC };
  const contactMetadata = input.contactMetadata ?? [];

  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      callerId: campaign.callerId,
      retries: campaign.retries,
      schedule: campaign.schedule,
      dateCreated: campaign.dateCreated,
      timeZone,
    },
    stats,
    metrics: buildMetrics(stats, scan, rateBasis(stats, campaignActive)),
    breakdown: buildBreakdown(stats),
    retries: buildRetries(scan),
    timeline: buildTimeline(columns, offsetNow, (first, last, offset) => chooseReadableBucketSec(first, last, offset, columns.endedCount)),
    bestTime: { ...buildBestTime(columns, timeZone), byDayHour: dayHourCells(dayHourGrid(columns, timeZone)) },
    sync: {
      callsSynced: sync.callsSynced,
      callsExpected: sync.callsExpected,
      lastPolledAt: sync.lastPolledAt,
      lastWebhookAt: sync.lastWebhookAt,
      stale: sync.staleSince !== null,
      staleSince: sync.staleSince,
      upstream: sync.upstream,
      webhooks: sync.webhooks,
      notes: [...syncNotes(sync, columns.size, campaignActive), ...countNotes],
    },
    business: buildBusiness(
      totalCost(columns, pricing.pulseSec, CODE_IN_PROGRESS),
      scan.contactsConnected,
      pricing,
      input.revenue ?? revenueFromMetadata(contactMetadata),
    ),
    benchmarks: buildBenchmarks(input.history ?? [], nowMs, campaign.id),
    diagnosis: diagnose({ campaign, stats, columns, upstream: sync.upstream, nowMs, offsetMinutes: offsetNow }),
    // Tags need whole calls: the trusted ones are copied out only when a sheet gave tags to count.
    tags: contactMetadata.length === 0 ? [] : buildTagRows(contactMetadata, trustedCalls(input.calls, window)),
    generatedAt: isoWithOffset(nowMs, offsetNow),
  };
}
