// Browsers never cause upstream calls: 100 viewers polling the report and campaign routes leave the number of
// Exotel requests exactly where one viewer leaves it (counted at the simulator's door).
import { afterEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { serveSimulator } from '../../../mocks/exotel/serve';
import { createApp } from '../app';
import { parseConfig } from '../config';
import { startWholePath, type WholePath } from './whole-path';

const open: WholePath[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((path) => path.close()));
});

async function upstreamRequestsWith(viewers: number): Promise<{ requests: number; reports: number }> {
  const served = await serveSimulator({ port: 0, clock: 'virtual', seed: 11, scenarios: ['demo'], startAt: new Date('2024-02-01T04:30:00Z') });
  const path = startWholePath(served);
  open.push(path);
  const app = createApp({ config: parseConfig({}), store: path.store, upstream: path.upstream, hub: path.hub, watched: path.watched, webhooks: new Hono(), now: () => new Date(path.clock.now()) });
  const running = served.sim.campaignIdFor('demo', 0);
  let reports = 0;
  await path.runFor(3 * 60_000, async () => {
    const polls = Array.from({ length: viewers }, async () => {
      const [report, list] = await Promise.all([app.request(`/api/campaigns/${running}/report`), app.request('/api/campaigns')]);
      if (report.status === 200 || report.status === 304) reports++;
      expect([200, 304, 404]).toContain(report.status);
      expect(list.status).toBe(200);
    });
    await Promise.all(polls);
  });
  return { requests: path.upstreamRequests.length, reports };
}

describe('viewers and upstream requests', () => {
  it('100 viewers polling cause no more Exotel requests than 1', async () => {
    const one = await upstreamRequestsWith(1);
    const hundred = await upstreamRequestsWith(100);
    expect(hundred.reports).toBeGreaterThan(one.reports * 50);
    expect(one.requests).toBeGreaterThan(0);
    expect(hundred.requests).toBe(one.requests);
  });
});
