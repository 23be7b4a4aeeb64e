// Upstream requests per minute while viewers poll, on a virtual clock: the demo scenario's three campaigns (one
// dialling, one paused, one scheduled) watched by 1 viewer and then by 100, for 10 virtual minutes each, with two
// finished campaigns (seed example, retries-5k: ~23,000 records) backfilling at the same time. Viewers hit the
// app's report and campaigns routes after every scheduler step (at least every 5 virtual seconds). Exotel's
// limit is 30/min; callboard allows itself 80 % (24 in any 60 s window).
import { Hono } from 'hono';
import { serveSimulator } from '../mocks/exotel/serve';
import { createApp } from '../src/server/app';
import { parseConfig } from '../src/server/config';
import { startWholePath } from '../src/server/integration/whole-path';

const RATE_LIMIT_PER_MIN = 30;
const MINUTES = 10;

interface Run {
  viewers: number;
  requests: number;
  perMinuteMax: number;
  perMinuteMean: number;
  /** The busiest 60 s window anywhere (not just on minute boundaries). */
  busiestWindow: number;
  viewerPolls: number;
}

async function run(viewers: number): Promise<Run> {
  const served = await serveSimulator({
    port: 0,
    clock: 'virtual',
    seed: 7,
    scenarios: ['demo', 'seed-example', 'retries-5k'],
    startAt: new Date('2024-02-01T04:30:00Z'),
  });
  const path = startWholePath(served, { rateLimitPerMin: RATE_LIMIT_PER_MIN, pageSize: 500 });
  const app = createApp({ config: parseConfig({}), store: path.store, upstream: path.upstream, hub: path.hub, watched: path.watched, webhooks: new Hono(), now: () => new Date(path.clock.now()) });
  const watchedIds = [0, 1, 2].map((index) => served.sim.campaignIdFor('demo', index));
  const sendTimes: number[] = [];
  const start = path.clock.now();
  const seen = path.upstreamRequests.length;
  let viewerPolls = 0;
  await path.runFor(MINUTES * 60_000, async () => {
    for (let i = sendTimes.length + seen; i < path.upstreamRequests.length; i++) sendTimes.push(path.clock.now() - start);
    const polls: (Response | Promise<Response>)[] = [];
    for (let v = 0; v < viewers; v++) {
      polls.push(app.request('/api/campaigns'));
      for (const id of watchedIds) polls.push(app.request(`/api/campaigns/${id}/report`));
    }
    viewerPolls += (await Promise.all(polls)).length;
  });
  await path.close();
  // Requests are stamped when their step ends: exact, since virtual time moves only in the budget's waits, which
  // come before a request is sent.
  const perMinute = Array.from({ length: MINUTES }, (_, m) => sendTimes.filter((t) => t >= m * 60_000 && t < (m + 1) * 60_000).length);
  let busiestWindow = 0;
  for (const t of sendTimes) busiestWindow = Math.max(busiestWindow, sendTimes.filter((u) => u >= t && u < t + 60_000).length);
  return {
    viewers,
    requests: sendTimes.length,
    perMinuteMax: Math.max(...perMinute),
    perMinuteMean: Math.round((sendTimes.length / MINUTES) * 10) / 10,
    busiestWindow,
    viewerPolls,
  };
}

const one = await run(1);
process.stderr.write(`1 viewer: ${JSON.stringify(one)}\n`);
const hundred = await run(100);
process.stderr.write(`100 viewers: ${JSON.stringify(hundred)}\n`);
const budget = Math.floor(0.8 * RATE_LIMIT_PER_MIN);

console.log(
  JSON.stringify({
    bench: 'sync-budget',
    rateLimitPerMin: RATE_LIMIT_PER_MIN,
    budgetPerMin: budget,
    virtualMinutes: MINUTES,
    oneViewer: { perMinuteMax: one.perMinuteMax, perMinuteMean: one.perMinuteMean, busiestWindow: one.busiestWindow, requests: one.requests },
    hundredViewers: { perMinuteMax: hundred.perMinuteMax, perMinuteMean: hundred.perMinuteMean, busiestWindow: hundred.busiestWindow, requests: hundred.requests, viewerPolls: hundred.viewerPolls },
    withinBudget: one.busiestWindow <= budget && hundred.busiestWindow <= budget,
    sameUpstreamLoad: one.requests === hundred.requests,
  }),
);
