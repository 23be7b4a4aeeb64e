// Restarts against a rate-limiting Exotel: callboard is started three times within 15 s (5 s each, real time) on
// one database, against the simulator limiting to 30 requests a minute, with two finished campaigns (~23,000
// records) waiting to be backfilled, so every start wants to send as much as it may. With the budget's send times
// kept in the store, the busiest 60 s window never holds more than 24 (80 % of 30) and nothing is refused; the
// same run with the store's memory of sends hidden shows what a restart used to do. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveSimulator } from '../mocks/exotel/serve';
import { systemClock } from '../src/server/exotel/clock';
import { UpstreamStatus } from '../src/server/exotel/upstream-status';
import { LiveHub } from '../src/server/live/hub';
import type { Logger } from '../src/server/log';
import { openSqliteStore } from '../src/server/store/sqlite-store';
import type { CallboardStore } from '../src/server/store/store';
import { createSync } from '../src/server/sync/create-sync';
import { WatchedCampaigns } from '../src/server/sync/watched';

const RATE_LIMIT_PER_MIN = 30;
const RESTARTS = 3;
const RUN_MS = 5_000;
/** Ports for this bench's simulators (the range callboard's benches may use). */
const PORTS = { persisted: 18431, forgotten: 18432 };

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const log = (message: string) => process.stderr.write(`[restarts.bench] ${message}\n`);

interface Run {
  requests: number;
  busiestWindow: number;
  rateLimited: number;
  recordsSynced: number;
}

/** A store whose record of past sends is hidden, as before the budget kept one. */
function forgetful(store: CallboardStore): CallboardStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'recentSends') return () => [];
      if (property === 'recordSend') return () => undefined;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function run(mode: 'persisted' | 'forgotten'): Promise<Run> {
  const served = await serveSimulator({ port: PORTS[mode], clock: 'virtual', seed: 7, scenarios: ['seed-example', 'retries-5k'], rateLimitPerMin: RATE_LIMIT_PER_MIN });
  const dir = mkdtempSync(join(tmpdir(), 'callboard-restarts-bench-'));
  const dbPath = join(dir, 'restarts.db');
  const sends: { at: number; status: number }[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const at = Date.now();
    const response = await fetch(input, init);
    sends.push({ at, status: response.status });
    return response;
  };
  const { sim } = served;
  let recordsSynced = 0;
  for (let start = 0; start < RESTARTS; start++) {
    const opened = openSqliteStore(dbPath);
    const store = mode === 'persisted' ? opened : forgetful(opened);
    const sync = createSync({
      credentials: { apiKey: sim.apiKey, apiToken: sim.apiToken, accountSid: sim.accountSid, baseUrl: served.url },
      rateLimitPerMin: RATE_LIMIT_PER_MIN,
      pageSize: 500,
      store,
      hub: new LiveHub(),
      watched: new WatchedCampaigns(),
      upstream: new UpstreamStatus(true),
      logger: quiet,
      clock: systemClock,
      fetch: recordingFetch,
    });
    sync.scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, RUN_MS));
    await sync.scheduler.stop();
    recordsSynced = opened.listCampaigns().reduce((sum, campaign) => sum + opened.countCalls(campaign.id).fromSync, 0);
    opened.close();
    log(`${mode}: start ${start + 1} done, ${sends.length} requests so far`);
  }
  await served.close();
  rmSync(dir, { recursive: true, force: true });
  const times = sends.map((send) => send.at).sort((a, b) => a - b);
  let busiestWindow = 0;
  for (const t of times) busiestWindow = Math.max(busiestWindow, times.filter((u) => u >= t && u < t + 60_000).length);
  return { requests: sends.length, busiestWindow, rateLimited: sends.filter((send) => send.status === 429).length, recordsSynced };
}

const persisted = await run('persisted');
const forgotten = await run('forgotten');
const budget = Math.floor(0.8 * RATE_LIMIT_PER_MIN);
console.log(
  JSON.stringify({
    bench: 'restarts',
    rateLimitPerMin: RATE_LIMIT_PER_MIN,
    budgetPerMin: budget,
    restarts: RESTARTS,
    withinSeconds: (RESTARTS * RUN_MS) / 1000,
    persisted,
    forgotten,
    withinBudget: persisted.busiestWindow <= budget && persisted.rateLimited === 0,
  }),
);
