// The wallboard's figures, shaped from a report or a campaign row: progress, rates judged "so far", calls per minute
// over the last five minutes, a throughput sparkline, the status split; and the two rules of honest freshness
// (how old the numbers are, and when "Live" may be shown).
import type { BreakdownStatus, CampaignSummary, Stats, Timeline, WallboardReport as Report } from '@domain/api-schemas';
import type { CampaignStatus } from '@domain/campaign-status';
import { connectRateSoFar, failureRateSoFar, finishedContacts, retrySuccessSoFar, type SoFarRate, type SoFarVerdict } from '@domain/report/so-far';
import { CONTACT_STATUS_ORDER } from '@/lib/status-vocabulary';

export const AGING_AFTER_MS = 2 * 60_000;
export const STALE_AFTER_MS = 5 * 60_000;
export const CALLS_PER_MINUTE_WINDOW_MS = 5 * 60_000;
export const SPARKLINE_POINTS = 30;

export type Freshness = 'fresh' | 'aging' | 'stale';

/** Fresh up to 2 minutes; then aging (an amber frame); after 5 minutes stale (a red band, last numbers kept). */
export function freshnessOf(asOfMs: number, nowMs: number): Freshness {
  const age = nowMs - asOfMs;
  if (age > STALE_AFTER_MS) return 'stale';
  if (age > AGING_AFTER_MS) return 'aging';
  return 'fresh';
}

export const isDialling = (status: CampaignStatus): boolean => status === 'in-progress';

/** "Live" only while the campaign (on a grid: one of its campaigns) dials, the stream is connected, and the numbers are fresh. */
export function isLive(dialling: boolean, streamConnected: boolean, freshness: Freshness): boolean {
  return dialling && streamConnected && freshness === 'fresh';
}

/**
 * When the numbers on screen were true: when this browser last got them, or earlier if the server itself says its
 * copy of Exotel's data went stale.
 */
export function asOfMs(fetchedAtMs: number, sync?: Pick<Report['sync'], 'stale' | 'staleSince'>): number {
  if (sync?.stale && sync.staleSince) {
    const since = Date.parse(sync.staleSince);
    if (!Number.isNaN(since)) return Math.min(fetchedAtMs, since);
  }
  return fetchedAtMs;
}

const endedIn = (bucket: Timeline['buckets'][number]) => bucket.completed + bucket.busy + bucket.noAnswer + bucket.failed + bucket.canceled;

/**
 * Ended calls per minute over the five minutes before `atMs`. A bucket straddling the window counts in proportion
 * to its overlap (exact for minute buckets, an even-spread estimate for longer ones).
 */
export function callsPerMinuteNow(timeline: Timeline, atMs: number): number {
  const sizeMs = timeline.bucketSec * 1000;
  const from = atMs - CALLS_PER_MINUTE_WINDOW_MS;
  let calls = 0;
  for (let i = timeline.buckets.length - 1; i >= 0; i--) {
    const bucket = timeline.buckets[i]!;
    const start = Date.parse(bucket.start);
    const end = start + sizeMs;
    if (end <= from) break;
    const overlap = Math.min(end, atMs) - Math.max(start, from);
    if (overlap > 0) calls += endedIn(bucket) * (overlap / sizeMs);
  }
  return calls / (CALLS_PER_MINUTE_WINDOW_MS / 60_000);
}

/** The last complete buckets as ended calls per bucket, for a sparkline (a bucket still filling would dip). */
export function sparklineOf(timeline: Timeline, atMs: number, points = SPARKLINE_POINTS): number[] {
  const complete = timeline.buckets.filter((bucket) => Date.parse(bucket.start) + timeline.bucketSec * 1000 <= atMs);
  return complete.slice(-points).map(endedIn);
}

export interface SplitPart {
  status: BreakdownStatus;
  count: number;
  share: number;
}

export function statusSplitOf(breakdown: Report['breakdown']): SplitPart[] {
  return [...breakdown]
    .filter((row) => row.count > 0)
    .sort((a, b) => CONTACT_STATUS_ORDER.indexOf(a.status) - CONTACT_STATUS_ORDER.indexOf(b.status))
    .map((row) => ({ status: row.status, count: row.count, share: row.share }));
}

export interface Progress {
  done: number;
  total: number;
  fraction: number | null;
}

export function progressOf(stats: Stats): Progress {
  const done = finishedContacts(stats);
  return { done, total: stats.created, fraction: stats.created > 0 ? Math.min(1, done / stats.created) : null };
}

export interface CampaignFigures {
  name: string;
  status: CampaignStatus;
  progress: Progress;
  completed: number;
  inProgress: number;
  callsPerMinute: number;
  connectRate: SoFarRate;
  failureRate: SoFarRate;
  retrySuccess: { value: number | null; verdict: SoFarVerdict };
  sparkline: number[];
  split: SplitPart[];
  sync: Pick<Report['sync'], 'stale' | 'staleSince'>;
}

export function campaignFigures(report: Report): CampaignFigures {
  const { stats } = report;
  const retried = report.retries.rows.find((row) => row.attempt === 2)?.contacts ?? 0;
  return {
    name: report.campaign.name,
    status: report.campaign.status,
    progress: progressOf(stats),
    completed: stats.completed,
    inProgress: stats.inProgress,
    callsPerMinute: callsPerMinuteNow(report.timeline, Date.parse(report.generatedAt)),
    connectRate: connectRateSoFar(stats),
    failureRate: failureRateSoFar(stats),
    retrySuccess: retrySuccessSoFar(report.metrics.retrySuccessRate.value, retried),
    sparkline: sparklineOf(report.timeline, Date.parse(report.generatedAt)),
    split: statusSplitOf(report.breakdown),
    sync: { stale: report.sync.stale, staleSince: report.sync.staleSince },
  };
}

export interface GridFigures {
  id: string;
  name: string;
  status: CampaignStatus;
  progress: Progress;
  connectRate: SoFarRate;
}

export function gridFigures(campaign: CampaignSummary): GridFigures {
  return { id: campaign.id, name: campaign.name, status: campaign.status, progress: progressOf(campaign.stats), connectRate: connectRateSoFar(campaign.stats) };
}

/** A grid card's progress: a whole percentage, floored, so a campaign reads 100% only once every contact is done. */
export function formatProgressWhole(fraction: number | null): string {
  return fraction === null ? '—' : `${Math.floor(fraction * 100)}%`;
}
