// First full sync of the retries-5k campaign (~19,000 call records) through the whole path (simulator over HTTP,
// client, SQLite file) with Exotel's 30/min limit and a 500-row page cap, on a virtual clock: how many requests,
// how much virtual time until every record is stored, and the real CPU it costs.
import { serveSimulator } from '../mocks/exotel/serve';
import { startWholePath } from '../src/server/integration/whole-path';

const RATE_LIMIT_PER_MIN = 30;
const PAGE_CAP = 500;

const served = await serveSimulator({ port: 0, clock: 'virtual', seed: 7, scenarios: ['retries-5k'], maxPageSize: PAGE_CAP, startAt: new Date('2024-02-01T04:30:00Z') });
const path = startWholePath(served, { rateLimitPerMin: RATE_LIMIT_PER_MIN, pageSize: 500 });
const campaignId = served.sim.campaignIdFor('retries-5k');
const startVirtual = path.clock.now();
const startWall = performance.now();
const startCpu = process.cpuUsage();
await path.sync.scheduler.runOnce();
const cpu = process.cpuUsage(startCpu);
const wallMs = performance.now() - startWall;
const virtualMs = path.clock.now() - startVirtual;
const state = path.store.getSyncState(campaignId);
const stored = path.store.countCalls(campaignId).total;
const detailRequests = path.upstreamRequests.filter((request) => request.path.endsWith('/call-details')).length;
process.stderr.write(`stored ${stored} of ${state?.callsExpected ?? '?'} records\n`);
await path.close();
if (stored !== state?.callsExpected) throw new Error(`first sync incomplete: ${stored} of ${state?.callsExpected ?? '?'}`);

console.log(
  JSON.stringify({
    bench: 'sync-first',
    records: stored,
    rateLimitPerMin: RATE_LIMIT_PER_MIN,
    pageCap: PAGE_CAP,
    requests: path.upstreamRequests.length,
    callDetailsRequests: detailRequests,
    virtualSeconds: Math.round(virtualMs / 1000),
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  }),
);
