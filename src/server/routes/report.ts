// GET /api/campaigns/:id/report: the campaign's report built from stored rows by the pure buildReport. Built
// once per change (campaign version, upstream state, webhook counts) and shared by every viewer, with an ETag so
// an unchanged poll is a 304. Reading the report marks the campaign watched, so sync reads it first.
// `?view=wallboard` answers the same build cut down to what a wallboard shows (wallboardReportSchema).
import { Hono } from 'hono';
import { REPORT_VIEW_ERROR, reportQuerySchema, wallboardReportSchema, type ReportView } from '../../domain/api-schemas';
import { buildReport } from '../../domain/report/build-report';
import type { Pricing } from '../../domain/report/business';
import type { UpstreamStatus } from '../exotel/upstream-status';
import { campaignSnapshots } from '../insight/campaign-snapshots';
import { loadReportInput, type ReportInputStore } from '../store/load-report-input';
import type { CampaignStore } from '../store/store';
import type { WatchedCampaigns } from '../sync/watched';
import { CAMPAIGN_ID_ERROR, isCampaignId, unknownCampaignError } from '../../domain/campaign-id';
import { isCampaignActive } from '../../domain/campaign-status';
import { etagOf, notModified, send304, sendJson } from './http-cache';

/** A build slower than this (a very large campaign on a busy machine) is reused for a few build-times. */
const SLOW_BUILD_MS = 50;
const SLOW_BUILD_REUSE_FACTOR = 5;
/** How often an unchanged running campaign's report is rebuilt so that its stall diagnosis follows the clock. */
const DIAGNOSIS_STEP_MS = 2 * 60_000;
/** Reports kept in memory: the campaigns being viewed; the oldest is dropped beyond this. */
const MAX_CACHED_REPORTS = 32;

interface CachedReport {
  key: string;
  etag: string;
  body: string;
  builtAtMs: number;
  buildMs: number;
  /** The narrow view of this same build, cut on first request. */
  wallboard?: { etag: string; body: string };
}

const WALLBOARD_FIELDS = Object.keys(wallboardReportSchema.shape);

/** The body and ETag of one view of a cached build. */
function viewOf(id: string, entry: CachedReport, view: ReportView): { etag: string; body: string } {
  if (view === 'full') return entry;
  if (entry.wallboard === undefined) {
    const full: Record<string, unknown> = JSON.parse(entry.body);
    const body = JSON.stringify(Object.fromEntries(WALLBOARD_FIELDS.map((field) => [field, full[field]])));
    entry.wallboard = { etag: etagOf(`report|${id}|${entry.key}|wallboard`), body };
  }
  return entry.wallboard;
}

export interface ReportRouteDeps {
  store: CampaignStore & ReportInputStore;
  upstream: UpstreamStatus;
  watched: WatchedCampaigns;
  timeZone: string;
  /** Price per pulse and pulse length (settings); pulses only when absent. */
  pricing?: Pricing;
  now: () => Date;
  /** A build slower than this many ms may be reused for a while after a change (default 50). */
  slowBuildMs?: number;
  /**
   * Told when a changed campaign was answered from an older, slow build: its viewers must be asked to fetch again
   * once the reuse window ends (`afterMs`), or they would keep the old figures until the next poll.
   */
  onDeferred?: (campaignId: string, afterMs: number) => void;
}

export function reportRoutes(deps: ReportRouteDeps): Hono {
  const app = new Hono();
  const cache = new Map<string, CachedReport>();
  const slowBuildMs = deps.slowBuildMs ?? SLOW_BUILD_MS;
  const pricing = deps.pricing ?? { rupeesPerPulse: null, pulseSec: 60 };
  const snapshots = campaignSnapshots({ store: deps.store, timeZone: deps.timeZone, pricing });

  app.get('/campaigns/:id/report', (c) => {
    const id = c.req.param('id');
    if (!isCampaignId(id)) return c.json({ error: CAMPAIGN_ID_ERROR }, 400);
    const query = reportQuerySchema.safeParse(c.req.query());
    if (!query.success) return c.json({ error: REPORT_VIEW_ERROR }, 400);
    const campaign = deps.store.getCampaign(id);
    if (campaign === null) return c.json({ error: unknownCampaignError(id) }, 404);
    deps.watched.touch(id);

    const upstream = deps.upstream.snapshot();
    const staleSince = deps.upstream.staleSince();
    const webhooks = deps.store.webhookHealth();
    // Own benchmarks change when another finished campaign changes. A campaign that can still dial is also rebuilt
    // every few minutes without any write, since its stall diagnosis moves with the clock (end_at passing, a retry due).
    const history = snapshots.history(id, deps.now());
    const clockStep = isCampaignActive(campaign.status) ? Math.floor(deps.now().getTime() / DIAGNOSIS_STEP_MS) : 0;
    const key = JSON.stringify([deps.store.campaignVersion(id), upstream, staleSince, webhooks, deps.timeZone, history.key, clockStep]);
    const nowMs = deps.now().getTime();

    let entry = cache.get(id);
    const reuseUntilMs = entry === undefined ? 0 : entry.builtAtMs + entry.buildMs * SLOW_BUILD_REUSE_FACTOR;
    const deferred = entry !== undefined && entry.key !== key && entry.buildMs > slowBuildMs && nowMs < reuseUntilMs;
    if (deferred) deps.onDeferred?.(id, reuseUntilMs - nowMs);
    const reusable = entry !== undefined && (entry.key === key || deferred);
    if (!reusable || entry === undefined) {
      const started = performance.now();
      const input = loadReportInput(deps.store, campaign, { upstream, staleSince, webhooks, timeZone: deps.timeZone, now: deps.now() });
      const body = JSON.stringify(buildReport({ ...input, pricing, history: history.snapshots }));
      entry = { key, etag: etagOf(`report|${id}|${key}`), body, builtAtMs: nowMs, buildMs: performance.now() - started };
      cache.delete(id);
      cache.set(id, entry);
      if (cache.size > MAX_CACHED_REPORTS) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    const served = viewOf(id, entry, query.data.view);
    if (notModified(c, served.etag)) return send304(c, served.etag);
    return sendJson(c, served.body, served.etag);
  });
  return app;
}
