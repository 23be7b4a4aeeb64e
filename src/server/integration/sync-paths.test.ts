// Sync through the whole path (simulator over HTTP -> client -> SQLite file): page caps, and a restart that
// resumes where it stopped.
import { afterEach, describe, expect, it } from 'vitest';
import { serveSimulator } from '../../../mocks/exotel/serve';
import { startWholePath, type WholePath } from './whole-path';

const open: WholePath[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((path) => path.close()));
});

async function seedExample(options: { maxPageSize?: number } = {}) {
  const served = await serveSimulator({ port: 0, clock: 'virtual', seed: 7, scenarios: ['seed-example'], ...options });
  const path = startWholePath(served);
  open.push(path);
  return { path, campaignId: served.sim.campaignIdFor('seed-example') };
}

const detailOffsets = (path: WholePath) =>
  path.upstreamRequests.filter((request) => request.path.endsWith('/call-details')).map((request) => request.offset);

describe('sync over the whole path', () => {
  it('stores every record exactly once when the server returns 37 rows for every 500 asked', async () => {
    const { path, campaignId } = await seedExample({ maxPageSize: 37 });
    await path.sync.scheduler.runOnce();
    expect(path.store.countCalls(campaignId).total).toBe(4250);
    expect(path.store.getSyncState(campaignId)).toMatchObject({ highWaterOffset: 4250, callsExpected: 4250 });
    // Each row was asked for once: offsets advance by exactly the rows received, up to the total.
    const offsets = detailOffsets(path);
    expect(offsets).toEqual(Array.from({ length: Math.ceil(4250 / 37) }, (_, i) => i * 37));
  });

  it('resumes after a restart (new scheduler, reopened store file) without re-reading synced pages', async () => {
    const { path, campaignId } = await seedExample();
    // The stats read, then four pages of 500.
    for (let i = 0; i < 5; i++) await path.sync.scheduler.step();
    expect(path.store.getSyncState(campaignId)?.highWaterOffset).toBe(2000);
    const before = detailOffsets(path).length;
    path.restart();
    await path.sync.scheduler.runOnce();
    expect(detailOffsets(path).slice(before)).toEqual([2000, 2500, 3000, 3500, 4000]);
    expect(path.store.countCalls(campaignId).total).toBe(4250);
  });
});
