// "Why is nothing happening?" through the whole path: each stall reason from a simulator campaign of the 'stalls'
// scenario, synced over real HTTP into SQLite and read from the report route.
import { afterEach, describe, expect, it } from 'vitest';
import { serveSimulator, type ServedSimulator } from '../../../mocks/exotel/serve';
import { STALL_CAMPAIGNS } from '../../../mocks/exotel/scenarios';
import type { ExotelFaults } from '../../../mocks/exotel/handlers';
import { startWholePath, type WholePath } from './whole-path';

const open: WholePath[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((path) => path.close()));
});

async function stalls(faults: ExotelFaults = {}): Promise<{ path: WholePath; served: ServedSimulator }> {
  const served = await serveSimulator({ port: 0, clock: 'virtual', seed: 7, scenarios: ['stalls'], faults });
  const path = startWholePath(served);
  open.push(path);
  await path.sync.scheduler.runOnce();
  return { path, served };
}

describe('the stall diagnosis, from simulator campaigns', () => {
  it.each([
    { index: STALL_CAMPAIGNS.paused, code: 'paused' },
    { index: STALL_CAMPAIGNS.endAtReached, code: 'end-at-reached' },
    { index: STALL_CAMPAIGNS.outsideWindow, code: 'outside-window' },
    { index: STALL_CAMPAIGNS.waitingForRetry, code: 'waiting-for-retry' },
    { index: STALL_CAMPAIGNS.unknown, code: 'unknown' },
  ])('names $code', async ({ index, code }) => {
    const { path, served } = await stalls();
    const report = await path.report(served.sim.campaignIdFor('stalls', index));
    expect(report.stats.pending).toBeGreaterThan(0);
    expect(report.diagnosis.stalled).toBe(true);
    expect(report.diagnosis.reasons.map((reason) => reason.code)).toEqual([code]);
    expect(report.diagnosis.reasons[0]!.message.length).toBeGreaterThan(20);
  });

  it('says when the next retry is due', async () => {
    const { path, served } = await stalls();
    const report = await path.report(served.sim.campaignIdFor('stalls', STALL_CAMPAIGNS.waitingForRetry));
    expect(report.diagnosis.reasons[0]!.message).toMatch(/next retry is due at about \d+ \w{3} \d\d:\d\d/);
  });

  it('names Exotel being unreachable once reads fail', async () => {
    const faults: ExotelFaults = {};
    const { path, served } = await stalls(faults);
    faults.serverErrorRate = 1;
    await path.runFor(3 * 60_000);
    const report = await path.report(served.sim.campaignIdFor('stalls', STALL_CAMPAIGNS.unknown));
    expect(report.sync.upstream.state).not.toBe('ok');
    expect(report.diagnosis.reasons.map((reason) => reason.code)).toEqual(['upstream-unreachable']);
  });

  it('does not call a finished or busy campaign stalled', async () => {
    const served = await serveSimulator({ port: 0, clock: 'virtual', seed: 7, scenarios: ['seed-example'] });
    const path = startWholePath(served);
    open.push(path);
    await path.sync.scheduler.runOnce();
    const report = await path.report(served.sim.campaignIdFor('seed-example'));
    expect(report.diagnosis).toEqual({ stalled: false, reasons: [] });
  });
});
