// For the whole-path tests: the simulator over real HTTP, the real client and scheduler on a virtual clock, and a
// SQLite store file. What main.ts wires, minus the listening server. The tests start the simulator themselves
// (src may not import mocks/ outside tests) and hand it over; only the shape below is used.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { reportSchema, type Report } from '../../domain/api-schemas';
import { createApp } from '../app';
import { parseConfig } from '../config';
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
  /** The campaign's report from GET /api/campaigns/:id/report, parsed with callboard's own schema. */
  report(campaignId: string): Promise<Report>;
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
    async report(campaignId) {
      // Through the real route, as a browser gets it: GET /api/campaigns/:id/report on the app over this store.
      const app = createApp({ config: parseConfig({}), store, upstream, hub, watched, webhooks: new Hono(), now: () => new Date(clock.now()) });
      const response = await app.request(`/api/campaigns/${campaignId}/report`);
      if (response.status !== 200) throw new Error(`report route answered ${response.status}`);
      return reportSchema.parse(await response.json());
    },
    async close() {
      store.close();
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return path;
}
