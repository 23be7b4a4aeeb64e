// Call-details passes, the bulk of sync's work: which campaign's call records to read next (watched, then
// dialling, then finished campaigns), and reading one page of a pass. A pass starts at the stored high-water
// offset (less a short overlap once caught up, to re-read calls that were still ringing) and never repeats.
import type { Campaign } from '../../domain/campaign';
import { isCampaignActive } from '../../domain/campaign-status';
import type { ExotelClient } from '../exotel/client';
import type { Clock } from '../exotel/clock';
import type { LiveHub } from '../live/hub';
import type { Logger } from '../log';
import type { CallStore, CampaignStore, SyncState, SyncStateStore, CounterStore } from '../store/store';
import { campaignMovementKey } from './movement-key';
import type { WatchedCampaigns } from './watched';

/** A finished, fully synced campaign whose stats never move is still re-checked this rarely. */
export const FINISHED_RECHECK_MS = 6 * 60 * 60_000;
/** How long to wait before asking again for a campaign Exotel did not know. */
export const MISSING_RETRY_MS = 5 * 60_000;

export interface CallDetailsPassOptions {
  client: Pick<ExotelClient, 'callDetails'>;
  store: Pick<CampaignStore, 'listCampaigns' | 'getCampaign'> &
    Pick<CallStore, 'upsertCalls'> &
    SyncStateStore &
    Pick<CounterStore, 'noteMalformedRecords' | 'noteUnreadableCallRecords'>;
  hub: LiveHub;
  watched: WatchedCampaigns;
  clock: Clock;
  logger: Logger;
  pageSize: number;
  /** Rows before the high-water offset re-read at the start of a caught-up campaign's pass. */
  overlapRows: number;
  pollIntervalMs: number;
  afterSync?: (campaignId: string) => void;
}

export interface RecordsOutcome {
  kind: 'records';
  campaignId: string;
  ok: boolean;
  stored: number;
}

export class CallDetailsPasses {
  /** Passes under way: the next offset to read, per campaign. */
  private readonly cursors = new Map<string, number>();
  /** When the last pass of a campaign finished, and the stats it had then (a change means new records). */
  private readonly lastPass = new Map<string, { at: number; stats: string }>();
  /** Campaigns whose last read failed for a reason waiting will not fix quickly (404, unreadable): not before then. */
  private readonly restingUntil = new Map<string, number>();

  constructor(private readonly options: CallDetailsPassOptions) {}

  /** The campaign whose call records are due first, and where its read starts; else when the next one falls due. */
  nextWork(now: number): { campaignId: string | null; offset: number; nextDueInMs: number } {
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
      if (waitMs <= 0) return this.beginPass(campaign.id, Math.max(0, state.highWaterOffset - this.options.overlapRows));
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
      last = { at, stats: finishedAndDone ? campaignMovementKey(campaign) : '' };
      this.lastPass.set(campaign.id, last);
    }
    if (last.stats !== campaignMovementKey(campaign)) return last.at + this.options.pollIntervalMs - now;
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

  /** Reads one page at `offset`, stores its calls and the pass's progress, and moves or ends the pass. */
  async readPage(campaignId: string, offset: number, signal: AbortSignal | undefined): Promise<RecordsOutcome> {
    const { client, store, hub, clock, logger, pageSize } = this.options;
    const result = await client.callDetails(campaignId, { offset, limit: pageSize }, signal);
    const now = clock.now();
    if (!result.ok) {
      if (result.kind === 'not-found' || result.kind === 'bad-response') {
        // Not a passing outage: end this pass, try again at the next interval rather than at once.
        this.cursors.delete(campaignId);
        this.restingUntil.set(campaignId, now + (result.kind === 'not-found' ? MISSING_RETRY_MS : this.options.pollIntervalMs));
        logger.warn('sync.records_skipped', { campaignId, kind: result.kind, message: result.message });
      }
      return { kind: 'records', campaignId, ok: false, stored: 0 };
    }
    this.restingUntil.delete(campaignId);
    const page = result.value;
    if (page.malformed > 0) store.noteMalformedRecords(page.malformed);
    // Per campaign and by place in the list: the report says how many records could not be read.
    store.noteUnreadableCallRecords(campaignId, offset, offset + page.rowsReceived, page.malformedOffsets);
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
      this.lastPass.set(campaignId, { at: now, stats: campaignMovementKey(campaign) });
    } else {
      this.cursors.set(campaignId, nextOffset);
    }
    if (stored.inserted + stored.updated > 0) hub.publish({ type: 'sync', campaignId, at });
    if (stored.inserted > 0) this.options.afterSync?.(campaignId);
    return { kind: 'records', campaignId, ok: true, stored: stored.inserted + stored.updated };
  }
}

