// The sync scheduler: the only code that reads Exotel. One line of work, one request at a time, in priority order:
// the campaigns-list read every 30 s (stats of every campaign), a single-campaign read for a watched campaign the
// list did not carry, then call-details pages for watched, then active, then finished campaigns (backfill).
// Call records are read incrementally (oldest first, from a stored high-water offset) so a pass never repeats.
import type { Campaign } from '../../domain/campaign';
import { isCampaignActive } from '../../domain/campaign-status';
import type { CallboardStore, SyncState } from '../store/store';
import type { LiveHub } from '../live/hub';
import type { Logger } from '../log';
import type { Clock } from '../exotel/clock';
import type { ExotelClient } from '../exotel/client';
import type { WatchedCampaigns } from './watched';
import { statsKey } from '../../domain/stats-key';

export const STATS_INTERVAL_MS = 30_000;
/** A caught-up campaign whose stats moved is re-read at most this often. */
export const POLL_INTERVAL_MS = 30_000;
/** A finished, fully synced campaign whose stats never move is still re-checked this rarely. */
export const FINISHED_RECHECK_MS = 6 * 60 * 60_000;
/** How long to wait before asking again for a watched campaign Exotel did not know. */
const MISSING_RETRY_MS = 5 * 60_000;
/** The longest idle sleep, so a campaign someone starts watching is noticed within seconds. */
const MAX_IDLE_MS = 5_000;
const FAILED_STATS_RETRY_MS = 5_000;

export type ExotelReads = Pick<ExotelClient, 'listCampaigns' | 'getCampaign' | 'callDetails' | 'callDetailsWaitMs'>;
/** The part of the store sync writes through. */
export type SyncStore = Pick<
  CallboardStore,
  'upsertCampaigns' | 'listCampaigns' | 'getCampaign' | 'upsertCalls' | 'getSyncState' | 'saveSyncState' | 'noteMalformedRecords'
>;

export interface SyncSchedulerOptions {
  client: ExotelReads;
  store: SyncStore;
  hub: LiveHub;
  watched: WatchedCampaigns;
  clock: Clock;
  logger: Logger;
  /** Rows asked for per page (config.pageSize, at most 500). */
  pageSize: number;
  /**
   * Rows before the high-water offset re-read at the start of each new pass: the newest calls, which may have
   * been ringing at the last read or got their duration and price late. Default: half a page, so the re-read
   * and the new rows usually share one request.
   */
  overlapRows?: number;
  statsIntervalMs?: number;
  pollIntervalMs?: number;
  /** Called after a page stored calls not seen before, or a campaign was first seen (quarantined webhooks wait for these). */
  afterSync?: (campaignId: string) => void;
}

export type StepOutcome =
  | { kind: 'stats'; ok: boolean }
  | { kind: 'campaign'; campaignId: string; ok: boolean }
  | { kind: 'records'; campaignId: string; ok: boolean; stored: number }
  /** Nothing to do now. `pending`: work is due but held back (the budget, or the stats read coming first). */
  | { kind: 'idle'; nextDueInMs: number; pending: boolean };

export class SyncScheduler {
  private readonly overlapRows: number;
  private readonly statsIntervalMs: number;
  private readonly pollIntervalMs: number;
  private nextStatsAt = 0;
  /** Passes under way: the next offset to read, per campaign. */
  private readonly cursors = new Map<string, number>();
  /** When the last pass of a campaign finished, and the stats it had then (a change means new records). */
  private readonly lastPass = new Map<string, { at: number; stats: string }>();
  private readonly missingTriedAt = new Map<string, number>();
  /** Campaigns whose last read failed for a reason waiting will not fix quickly (404, unreadable): not before then. */
  private readonly restingUntil = new Map<string, number>();
  private running = false;
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly options: SyncSchedulerOptions) {
    this.overlapRows = options.overlapRows ?? Math.floor(options.pageSize / 2);
    this.statsIntervalMs = options.statsIntervalMs ?? STATS_INTERVAL_MS;
    this.pollIntervalMs = options.pollIntervalMs ?? POLL_INTERVAL_MS;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const abort = new AbortController();
    this.abort = abort;
    this.loop = this.run(abort.signal);
  }

  /** Stops after the request in flight (or at once when waiting); resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.running = false;
    this.abort?.abort();
    await this.loop;
    this.loop = null;
  }

  /**
   * Runs steps until nothing is due (for tests and benches), sleeping on the clock through budget waits, so a
   * backlog is read to its end; returns the steps taken.
   */
  async runOnce(maxSteps = 10_000): Promise<StepOutcome[]> {
    const outcomes: StepOutcome[] = [];
    for (let i = 0; i < maxSteps; i++) {
      const outcome = await this.step();
      if (outcome.kind === 'idle' && !outcome.pending) break;
      if (outcome.kind === 'idle') await this.options.clock.sleep(outcome.nextDueInMs);
      else outcomes.push(outcome);
    }
    return outcomes;
  }

  /** One unit of work: the stats read (all its pages), one campaign read, or one call-details page. */
  async step(signal?: AbortSignal): Promise<StepOutcome> {
    const now = this.options.clock.now();
    if (now >= this.nextStatsAt) return this.readStats(signal);
    const missing = this.missingWatchedCampaign(now);
    if (missing) return this.readMissingCampaign(missing, signal);
    const due = this.nextRecordsWork(now);
    // A page that would wait for the budget past the stats read's time waits instead, so the stats keep their
    // 30 s beat however long the backlog.
    const pageWaitMs = due.campaignId === null ? 0 : this.options.client.callDetailsWaitMs();
    if (due.campaignId !== null && now + pageWaitMs < this.nextStatsAt) return this.readRecordsPage(due.campaignId, due.offset, signal);
    if (due.campaignId !== null) return { kind: 'idle', nextDueInMs: this.nextStatsAt - now, pending: true };
    return { kind: 'idle', nextDueInMs: Math.max(0, Math.min(this.nextStatsAt - now, due.nextDueInMs)), pending: false };
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { clock, logger } = this.options;
    while (this.running) {
      try {
        const outcome = await this.step(signal);
        if (outcome.kind === 'idle') await clock.sleep(Math.min(MAX_IDLE_MS, Math.max(1, outcome.nextDueInMs)), signal);
      } catch (error) {
        // A store failure must not end syncing for good; the next step tries again after a pause.
        logger.error('sync.step_failed', { message: error instanceof Error ? error.message : String(error) });
        await clock.sleep(FAILED_STATS_RETRY_MS, signal);
      }
    }
  }

  private async readStats(signal: AbortSignal | undefined): Promise<StepOutcome> {
    const { client, store, clock, pageSize } = this.options;
    const campaigns: Campaign[] = [];
    let offset = 0;
    for (;;) {
      const page = await client.listCampaigns({ offset, limit: pageSize }, signal);
      if (!page.ok) {
        this.nextStatsAt = clock.now() + FAILED_STATS_RETRY_MS;
        // Pages already read are still news: keep them.
        this.storeCampaigns(campaigns);
        return { kind: 'stats', ok: false };
      }
      if (page.value.malformed > 0) store.noteMalformedRecords(page.value.malformed);
      campaigns.push(...page.value.items);
      offset += page.value.rowsReceived;
      const total = page.value.total;
      if (page.value.rowsReceived === 0 || total === null || offset >= total) break;
    }
    this.nextStatsAt = clock.now() + this.statsIntervalMs;
    this.storeCampaigns(campaigns);
    return { kind: 'stats', ok: true };
  }

  private storeCampaigns(campaigns: readonly Campaign[]): void {
    if (campaigns.length === 0) return;
    const { store, hub, clock } = this.options;
    const known = new Set<string>();
    const changed = campaigns.filter((campaign) => {
      const before = store.getCampaign(campaign.id);
      if (before) known.add(campaign.id);
      return !before || statsKeyOf(before) !== statsKeyOf(campaign);
    });
    const at = new Date(clock.now()).toISOString();
    store.upsertCampaigns(campaigns, at);
    for (const campaign of changed) hub.publish({ type: 'campaign', campaignId: campaign.id, at });
    // A campaign seen for the first time may be what waiting webhook events named.
    for (const campaign of changed) if (!known.has(campaign.id)) this.options.afterSync?.(campaign.id);
  }

  private missingWatchedCampaign(now: number): string | null {
    const { watched, store } = this.options;
    for (const id of watched.ids(now)) {
      if (store.getCampaign(id)) continue;
      const tried = this.missingTriedAt.get(id);
      if (tried !== undefined && now - tried < MISSING_RETRY_MS) continue;
      return id;
    }
    return null;
  }

  private async readMissingCampaign(campaignId: string, signal: AbortSignal | undefined): Promise<StepOutcome> {
    this.missingTriedAt.set(campaignId, this.options.clock.now());
    const result = await this.options.client.getCampaign(campaignId, signal);
    if (result.ok) this.storeCampaigns([result.value]);
    return { kind: 'campaign', campaignId, ok: result.ok };
  }

  /** The campaign whose call records are due first, and where its read starts; else when the next one falls due. */
  private nextRecordsWork(now: number): { campaignId: string | null; offset: number; nextDueInMs: number } {
    let nextDueInMs = Number.POSITIVE_INFINITY;
    for (const campaign of this.campaignsInPriorityOrder(now)) {
      const restingMs = (this.restingUntil.get(campaign.id) ?? 0) - now;
      if (restingMs > 0) {
        nextDueInMs = Math.min(nextDueInMs, restingMs);
        continue;
      }
      const cursor = this.cursors.get(campaign.id);
      if (cursor !== undefined) return { campaignId: campaign.id, offset: cursor, nextDueInMs: 0 };
      const state = this.options.store.getSyncState(campaign.id);
      const behind = !state || state.callsExpected === null || state.highWaterOffset < state.callsExpected;
      // Behind (never read, or a backfill stopped midway, e.g. by a restart): continue exactly where it stopped.
      if (behind) return this.beginPass(campaign.id, state?.highWaterOffset ?? 0);
      const waitMs = this.caughtUpWaitMs(campaign, state, now);
      if (waitMs <= 0) return this.beginPass(campaign.id, Math.max(0, state.highWaterOffset - this.overlapRows));
      nextDueInMs = Math.min(nextDueInMs, waitMs);
    }
    return { campaignId: null, offset: 0, nextDueInMs };
  }

  private beginPass(campaignId: string, offset: number): { campaignId: string; offset: number; nextDueInMs: number } {
    this.cursors.set(campaignId, offset);
    return { campaignId, offset, nextDueInMs: 0 };
  }

  /**
   * A caught-up campaign is read again when its stats moved since its last pass (new or changed calls), at most
   * once per poll interval; otherwise only every few hours. Time until then; <= 0 means due now.
   */
  private caughtUpWaitMs(campaign: Campaign, state: SyncState, now: number): number {
    let last = this.lastPass.get(campaign.id);
    if (!last) {
      // After a restart: the stored time of the last read, and today's stats as the baseline for a finished
      // campaign (its final pass was done before), so a restart does not re-read every finished campaign.
      const at = state.lastPolledAt ? Date.parse(state.lastPolledAt) : 0;
      const finishedAndDone = state.lastFullPassAt !== null && !isCampaignActive(campaign.status);
      last = { at, stats: finishedAndDone ? statsKeyOf(campaign) : '' };
      this.lastPass.set(campaign.id, last);
    }
    if (last.stats !== statsKeyOf(campaign)) return last.at + this.pollIntervalMs - now;
    return last.at + FINISHED_RECHECK_MS - now;
  }

  /** Watched first (most recently viewed first), then dialling campaigns, then the rest, newest first. */
  private campaignsInPriorityOrder(now: number): Campaign[] {
    const { store, watched } = this.options;
    const all = store.listCampaigns();
    const byId = new Map(all.map((campaign) => [campaign.id, campaign]));
    const ordered: Campaign[] = [];
    const seen = new Set<string>();
    const add = (campaign: Campaign | undefined) => {
      if (!campaign || seen.has(campaign.id)) return;
      seen.add(campaign.id);
      ordered.push(campaign);
    };
    for (const id of watched.ids(now)) add(byId.get(id));
    for (const campaign of all) if (isCampaignActive(campaign.status)) add(campaign);
    const rest = all.filter((campaign) => !seen.has(campaign.id));
    rest.sort((a, b) => (b.dateCreated ?? '').localeCompare(a.dateCreated ?? ''));
    for (const campaign of rest) add(campaign);
    return ordered;
  }

  private async readRecordsPage(campaignId: string, offset: number, signal: AbortSignal | undefined): Promise<StepOutcome> {
    const { client, store, hub, clock, logger, pageSize } = this.options;
    const result = await client.callDetails(campaignId, { offset, limit: pageSize }, signal);
    const now = clock.now();
    if (!result.ok) {
      if (result.kind === 'not-found' || result.kind === 'bad-response') {
        // Not a passing outage: end this pass, try again at the next interval rather than at once.
        this.cursors.delete(campaignId);
        this.restingUntil.set(campaignId, now + (result.kind === 'not-found' ? MISSING_RETRY_MS : this.pollIntervalMs));
        logger.warn('sync.records_skipped', { campaignId, kind: result.kind, message: result.message });
      }
      return { kind: 'records', campaignId, ok: false, stored: 0 };
    }
    this.restingUntil.delete(campaignId);
    const page = result.value;
    if (page.malformed > 0) store.noteMalformedRecords(page.malformed);
    const stored = page.items.length > 0 ? store.upsertCalls(page.items, 'sync') : { inserted: 0, updated: 0, contactsChanged: 0 };
    const nextOffset = offset + page.rowsReceived;
    // Never stop because a page was short: only the total, or an empty page, ends a pass.
    const done = page.rowsReceived === 0 || (page.total !== null ? nextOffset >= page.total : page.rowsReceived < pageSize);
    const before = store.getSyncState(campaignId);
    const campaign = store.getCampaign(campaignId);
    const at = new Date(now).toISOString();
    const highWaterOffset = Math.max(before?.highWaterOffset ?? 0, nextOffset);
    store.saveSyncState({
      campaignId,
      highWaterOffset,
      callsExpected: page.total ?? (done ? highWaterOffset : (before?.callsExpected ?? null)),
      lastPolledAt: at,
      lastFullPassAt: done && campaign && !isCampaignActive(campaign.status) ? at : (before?.lastFullPassAt ?? null),
    });
    if (done) {
      this.cursors.delete(campaignId);
      this.lastPass.set(campaignId, { at: now, stats: statsKeyOf(campaign) });
    } else {
      this.cursors.set(campaignId, nextOffset);
    }
    if (stored.inserted + stored.updated > 0) hub.publish({ type: 'sync', campaignId, at });
    if (stored.inserted > 0) this.options.afterSync?.(campaignId);
    return { kind: 'records', campaignId, ok: true, stored: stored.inserted + stored.updated };
  }
}

/** Status and stats as one comparable string (stats by the one rule of domain/stats-key.ts). */
function statsKeyOf(campaign: Campaign | null): string {
  return campaign ? `${campaign.status}|${statsKey(campaign.stats)}` : '';
}
