// The sync scheduler: the only code that reads Exotel. One line of work, one request at a time, in priority order:
// the campaigns-list read every 30 s (stats of every campaign), a single-campaign read for a watched campaign the
// list did not carry, then call-details pages for watched, then active, then finished campaigns (backfill).
// Call records are read incrementally (oldest first, from a stored high-water offset) so a pass never repeats;
// choosing and reading those pages is call-details-pass.ts.
import type { Campaign } from '../../domain/campaign';
import type { CallStore, CampaignStore, CounterStore, SyncStateStore } from '../store/store';
import type { LiveHub } from '../live/hub';
import type { Logger } from '../log';
import type { Clock } from '../exotel/clock';
import type { ExotelClient } from '../exotel/client';
import { CallDetailsPasses, MISSING_RETRY_MS, type RecordsOutcome } from './call-details-pass';
import { campaignMovementKey } from './movement-key';
import type { WatchedCampaigns } from './watched';

export const STATS_INTERVAL_MS = 30_000;
/** A caught-up campaign whose stats moved is re-read at most this often. */
export const POLL_INTERVAL_MS = 30_000;
/** The longest idle sleep, so a campaign someone starts watching is noticed within seconds. */
const MAX_IDLE_MS = 5_000;
const FAILED_STATS_RETRY_MS = 5_000;
/**
 * Reads of a watched campaign the store does not know are at most this many per minute, and go only when no
 * call-details page is due: ids nobody can vouch for must never hold back the records of known campaigns.
 */
export const MISSING_LOOKUPS_PER_MIN = 2;

export type ExotelReads = Pick<ExotelClient, 'listCampaigns' | 'getCampaign' | 'callDetails' | 'callDetailsWaitMs'>;
/** The part of the store sync writes through (testing/memory-sync-store.ts implements just this). */
export type SyncStore = Pick<CampaignStore, 'upsertCampaigns' | 'listCampaigns' | 'getCampaign'> &
  Pick<CallStore, 'upsertCalls'> &
  SyncStateStore &
  Pick<CounterStore, 'noteMalformedRecords' | 'noteUnreadableCallRecords'>;

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
  | RecordsOutcome
  /** Nothing to do now. `pending`: work is due but held back (the budget, or the stats read coming first). */
  | { kind: 'idle'; nextDueInMs: number; pending: boolean };

export class SyncScheduler {
  private readonly statsIntervalMs: number;
  private readonly passes: CallDetailsPasses;
  private nextStatsAt = 0;
  private readonly missingTriedAt = new Map<string, number>();
  /** When the recent missing-campaign reads went, for their own small share of the budget. */
  private missingLookupTimes: number[] = [];
  private running = false;
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly options: SyncSchedulerOptions) {
    this.statsIntervalMs = options.statsIntervalMs ?? STATS_INTERVAL_MS;
    this.passes = new CallDetailsPasses({
      client: options.client,
      store: options.store,
      hub: options.hub,
      watched: options.watched,
      clock: options.clock,
      logger: options.logger,
      pageSize: options.pageSize,
      overlapRows: options.overlapRows ?? Math.floor(options.pageSize / 2),
      pollIntervalMs: options.pollIntervalMs ?? POLL_INTERVAL_MS,
      ...(options.afterSync ? { afterSync: options.afterSync } : {}),
    });
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
    const due = this.passes.nextWork(now);
    // A page that would wait for the budget past the stats read's time waits instead, so the stats keep their
    // 30 s beat however long the backlog.
    const pageWaitMs = due.campaignId === null ? 0 : this.options.client.callDetailsWaitMs();
    if (due.campaignId !== null && now + pageWaitMs < this.nextStatsAt) return this.passes.readPage(due.campaignId, due.offset, signal);
    if (due.campaignId !== null) return { kind: 'idle', nextDueInMs: this.nextStatsAt - now, pending: true };
    const missing = this.missingWatchedCampaign(now);
    if (missing.campaignId) return this.readMissingCampaign(missing.campaignId, signal);
    const nextDueInMs = Math.min(this.nextStatsAt - now, due.nextDueInMs, missing.nextDueInMs);
    return { kind: 'idle', nextDueInMs: Math.max(0, nextDueInMs), pending: false };
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
      return !before || campaignMovementKey(before) !== campaignMovementKey(campaign);
    });
    const at = new Date(clock.now()).toISOString();
    store.upsertCampaigns(campaigns, at);
    for (const campaign of changed) hub.publish({ type: 'campaign', campaignId: campaign.id, at });
    // A campaign seen for the first time may be what waiting webhook events named.
    for (const campaign of changed) if (!known.has(campaign.id)) this.options.afterSync?.(campaign.id);
  }

  /** A watched campaign the store does not know, when one is due and the lookups' share allows it; else when. */
  private missingWatchedCampaign(now: number): { campaignId: string | null; nextDueInMs: number } {
    const { watched, store } = this.options;
    this.missingLookupTimes = this.missingLookupTimes.filter((at) => now - at < 60_000);
    let nextDueInMs = Number.POSITIVE_INFINITY;
    for (const id of watched.ids(now)) {
      if (store.getCampaign(id)) continue;
      const tried = this.missingTriedAt.get(id);
      if (tried !== undefined && now - tried < MISSING_RETRY_MS) {
        nextDueInMs = Math.min(nextDueInMs, tried + MISSING_RETRY_MS - now);
        continue;
      }
      if (this.missingLookupTimes.length < MISSING_LOOKUPS_PER_MIN) return { campaignId: id, nextDueInMs: 0 };
      const shareFreeAt = (this.missingLookupTimes[0] ?? now) + 60_000;
      return { campaignId: null, nextDueInMs: Math.max(1, shareFreeAt - now) };
    }
    return { campaignId: null, nextDueInMs };
  }

  private async readMissingCampaign(campaignId: string, signal: AbortSignal | undefined): Promise<StepOutcome> {
    this.missingTriedAt.set(campaignId, this.options.clock.now());
    this.missingLookupTimes.push(this.options.clock.now());
    const result = await this.options.client.getCampaign(campaignId, signal);
    if (result.ok) this.storeCampaigns([result.value]);
    return { kind: 'campaign', campaignId, ok: result.ok };
  }
}
