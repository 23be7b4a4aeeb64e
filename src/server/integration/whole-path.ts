// For the whole-path tests: the simulator over real HTTP, the real client and scheduler on a virtual clock, and a
// SQLite store file. What main.ts wires, minus the listening server. The tests start the simulator themselves
// (src may not import mocks/ outside tests) and hand it over; only the shape below is used.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportInput } from '../../domain/report-input';
import { VirtualClock } from '../exotel/clock';
import { UpstreamStatus } from '../exotel/upstream-status';
import { LiveHub } from '../live/hub';
import { memoryLogger } from '../log';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { createSync, type Sync } from '../sync/create-sync';
import { WatchedCampaigns } from '../sync/watched';

/** What whole-path tests need of mocks/exotel/serve.ts's serveSimulator result, started with clock: 'virtual'. */
export interface ServedSimulatorLike {
  url: string;
  sim: { apiKey: string; apiToken: string; accountSid: string; nowMs(): number; advance(ms: number): Promise<void> };
  close(): Promise<void>;
}

const IDLE_STEP_MS = 5_000;

export interface WholePath {
  clock: VirtualClock;
  dbPath: string;
  store: CallboardStore;
  hub: LiveHub;
  watched: WatchedCampaigns;
  upstream: UpstreamStatus;
  sync: Sync;
  /** Requests the simulator answered, by path (counted at the simulator, not the client). */
  upstreamRequests: { path: string; offset: number | null }[];
  /**
   * Runs the scheduler for `ms` of virtual time as its own loop would (idle sleeps capped at 5 s), calling
   * `afterEachStep` between steps (e.g. viewers polling).
   */
  runFor(ms: number, afterEachStep?: () => Promise<void>): Promise<void>;
  /** A new store on the same file and a new scheduler, as after a process restart. */
  restart(): void;
  reportInput(campaignId: string): ReportInput;
  close(): Promise<void>;
}

export function startWholePath(served: ServedSimulatorLike, options: { rateLimitPerMin?: number; pageSize?: number } = {}): WholePath {
  const clock = new VirtualClock(served.sim.nowMs());
  // The simulator's time follows the scheduler's, so virtual minutes of dialling pass in milliseconds.
  clock.onAdvance((now) => void served.sim.advance(Math.max(0, now - served.sim.nowMs())));
  const dir = mkdtempSync(join(tmpdir(), 'callboard-whole-path-'));
  const dbPath = join(dir, 'callboard.db');
  const upstreamRequests: WholePath['upstreamRequests'] = [];
  const countingFetch: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    const offset = url.searchParams.get('offset');
    upstreamRequests.push({ path: url.pathname, offset: offset === null ? null : Number(offset) });
    return fetch(input, init);
  };
  const hub = new LiveHub();
  const watched = new WatchedCampaigns();
  const upstream = new UpstreamStatus(true);
  const { sim } = served;
  const build = (store: CallboardStore) =>
    createSync({
      credentials: { apiKey: sim.apiKey, apiToken: sim.apiToken, accountSid: sim.accountSid, baseUrl: served.url },
      rateLimitPerMin: options.rateLimitPerMin ?? 30,
      pageSize: options.pageSize ?? 500,
      store,
      hub,
      watched,
      upstream,
      logger: memoryLogger(),
      clock,
      fetch: countingFetch,
    });
  let store = openSqliteStore(dbPath);
  let sync = build(store);
  const path: WholePath = {
    clock,
    dbPath,
    get store() {
      return store;
    },
    get sync() {
      return sync;
    },
    hub,
    watched,
    upstream,
    upstreamRequests,
    async runFor(ms, afterEachStep) {
      const end = clock.now() + ms;
      while (clock.now() < end) {
        const outcome = await sync.scheduler.step();
        if (outcome.kind === 'idle') await clock.sleep(Math.max(1, Math.min(outcome.nextDueInMs, IDLE_STEP_MS, end - clock.now())));
        await afterEachStep?.();
      }
    },
    restart() {
      store.close();
      store = openSqliteStore(dbPath);
      sync = build(store);
    },
    reportInput(campaignId) {
      const campaign = store.getCampaign(campaignId);
      if (!campaign) throw new Error(`campaign ${campaignId} was never synced`);
      const counts = store.countCalls(campaignId);
      const state = store.getSyncState(campaignId);
      return {
        campaign,
        calls: store.reportCalls(campaignId),
        sync: {
          callsSynced: counts.total,
          callsExpected: state?.callsExpected ?? null,
          lastPolledAt: state?.lastPolledAt ?? null,
          lastWebhookAt: store.lastWebhookAt(campaignId),
          upstream: upstream.snapshot(),
          staleSince: upstream.staleSince(),
          webhooks: store.webhookHealth(),
          callsWithoutWebhook: counts.withoutWebhook,
          callsFromSync: counts.fromSync,
        },
        timeZone: 'Asia/Kolkata',
        now: new Date(clock.now()),
      };
    },
    async close() {
      store.close();
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return path;
}
