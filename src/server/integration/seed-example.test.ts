// The reporting guide's worked example, through the whole path: the simulator over real HTTP -> the Exotel client
// -> the SQLite store file -> the report route (buildReport). Both of Exotel's dialects must give the same report.
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../domain/api-schemas';
import { serveSimulator } from '../../../mocks/exotel/serve';
import { startWholePath, type WholePath } from './whole-path';

const open: WholePath[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((path) => path.close()));
});

async function seedReport(dialect: 'reference' | 'guide'): Promise<{ report: Report; path: WholePath }> {
  const served = await serveSimulator({ port: 0, clock: 'virtual', seed: 7, scenarios: ['seed-example'], dialect });
  const path = startWholePath(served);
  open.push(path);
  await path.sync.scheduler.runOnce();
  // Read back through a freshly opened store file, as a restarted server would.
  path.restart();
  const campaignId = served.sim.campaignIdFor('seed-example');
  return { report: await path.report(campaignId), path };
}

describe('the seed worked example, end to end', () => {
  it.each(['reference', 'guide'] as const)('gives 1,500 of 2,500; 250 of 1,000; 125 of 750; 1,875 in all (%s dialect)', async (dialect) => {
    const { report, path } = await seedReport(dialect);
    expect(report.retries.rows.map(({ attempt, contacts, connected }) => ({ attempt, contacts, connected }))).toEqual([
      { attempt: 1, contacts: 2500, connected: 1500 },
      { attempt: 2, contacts: 1000, connected: 250 },
      { attempt: 3, contacts: 750, connected: 125 },
    ]);
    expect(report.retries.total).toEqual({ contacts: 2500, connected: 1875, rate: 0.75 });
    expect(report.metrics.connectRate.value).toBe(0.75);
    expect(report.sync.callsSynced).toBe(4250);
    expect(report.sync.callsExpected).toBe(4250);
    // 4,250 rows in pages of 500, plus the campaigns list: well inside one minute's budget.
    expect(path.upstreamRequests.filter((request) => request.path.endsWith('/call-details'))).toHaveLength(9);
  });

  it('gives the same report in both dialects, apart from what the reference dialect cannot carry', async () => {
    const [reference, guide] = await Promise.all([seedReport('reference'), seedReport('guide')]);
    const comparable = (report: Report) => ({
      ...report,
      generatedAt: null,
      sync: { ...report.sync, lastPolledAt: null },
      metrics: { ...report.metrics, costPerConnect: null },
      business: null,
    });
    // The reference dialect's call-details have no price, so cost per connected contact is unknown there.
    expect(reference.report.metrics.costPerConnect.value).toBeNull();
    expect(guide.report.metrics.costPerConnect.value).not.toBeNull();
    // Its campaign cost is therefore estimated from durations with the pulse length, and says so.
    expect(reference.report.business.cost.estimated).toBe(true);
    expect(guide.report.business.cost.estimated).toBe(false);
    expect(reference.report.business.cost.pulses).toBeGreaterThan(0);
    expect(comparable(reference.report)).toEqual(comparable(guide.report));
  });
});
