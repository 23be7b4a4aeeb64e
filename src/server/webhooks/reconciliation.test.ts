// Webhooks bring speed, sync brings truth: with the simulator dropping 20% of its webhooks, what callboard stores
// after one sync pass (and the quarantine replay that follows it) equals what the simulator really dialled.
import { afterEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { serveSimulator } from '../../../mocks/exotel/serve';
import { startWholePath, type WholePath } from '../integration/whole-path';
import { memoryLogger } from '../log';
import { webhookRoutes } from '../routes/webhooks';
import { replayQuarantined } from './quarantine';

const SECRET = 'reconcile-secret-0123456789';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A loopback receiver whose webhook route is attached once the store exists (the simulator needs its URL first). */
async function startReceiver() {
  let inner: Hono | null = null;
  const outer = new Hono();
  outer.all('*', (c) => (inner ? inner.fetch(c.req.raw) : c.json({ error: 'not ready' }, 503)));
  const server = serve({ fetch: outer.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    baseUrl: `http://127.0.0.1:${(address satisfies AddressInfo).port}/webhooks/exotel/${SECRET}`,
    attach(app: Hono) {
      const mounted = new Hono();
      mounted.route('/webhooks/exotel', app);
      inner = mounted;
    },
  };
}

describe('reconciliation', () => {
  it.each(['guide', 'reference'] as const)('equals the simulator’s truth after one sync pass with a fifth of the webhooks dropped (%s dialect)', async (dialect) => {
    const receiver = await startReceiver();
    const served = await serveSimulator({
      port: 0,
      clock: 'virtual',
      seed: 11,
      scenarios: ['demo'],
      dialect,
      webhooks: { baseUrl: receiver.baseUrl, encoding: dialect === 'guide' ? 'form' : 'json' },
      faults: { webhookDropRate: 0.2 },
    });
    const path: WholePath = startWholePath(served);
    cleanups.push(() => path.close());
    const logger = memoryLogger();
    receiver.attach(webhookRoutes({ store: path.store, hub: path.hub, secret: SECRET, logger, publishWindowMs: 0 }));
    const campaignId = served.sim.campaignIdFor('demo', 0);

    // A first pass learns the campaigns; then half an hour of dialling arrives by webhook only.
    await path.sync.scheduler.runOnce();
    const syncedBefore = path.store.countCalls(campaignId).total;
    // The simulator first (its webhooks are awaited), then the scheduler's clock catches up with it.
    await served.sim.advance(30 * 60_000);
    path.clock.advance(served.sim.nowMs() - path.clock.now());
    const truthNow = served.sim.truth(campaignId).records.length;
    const byWebhook = path.store.countCalls(campaignId).total - syncedBefore;
    expect(byWebhook).toBeGreaterThan(0);
    // Some were dropped: the webhooks alone leave the store short of the truth.
    expect(path.store.countCalls(campaignId).total).toBeLessThan(truthNow);
    expect(path.store.webhookHealth()).toMatchObject({ rejected: 0 });

    await path.sync.scheduler.runOnce();
    await replayQuarantined({ store: path.store, hub: path.hub, logger });

    const truth = served.sim.truth(campaignId);
    const stored = path.store.reportCalls(campaignId);
    const key = (call: { number: string; status: string; at: number }) => `${call.number}|${call.status}|${call.at}`;
    expect(stored.map(key).sort()).toEqual(truth.records.map((record) => key({ number: record.number, status: record.status, at: record.dialAt })).sort());

    const report = await path.report(campaignId);
    expect(report.stats).toMatchObject({ completed: truth.stats.completed, busy: truth.stats.busy, noAnswer: truth.stats.noAnswer });
    // The dropped webhooks are visible to the user as calls no webhook announced.
    expect(path.store.countCalls(campaignId).withoutWebhook).toBeGreaterThan(0);
    expect(report.sync.webhooks.accepted).toBeGreaterThan(0);
    expect(path.store.countCalls(campaignId).fromSync).toBe(truth.records.length);
  });
});
