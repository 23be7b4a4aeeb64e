// Several instances: 3 callboard processes on one PostgreSQL beside 1 process on SQLite, each in front of the
// simulator (through a proxy counting upstream requests). 1,000 SSE clients spread over the instances, 500 webhooks
// a second for 10 s posted round-robin; then one event's fan-out to the last of the 1,000 clients, whichever
// instance took the webhook. Prints one JSON line with ack p50/p99, fan-out latency and upstream requests per minute
// for each set-up. Set BENCH_SSE / BENCH_RATE to change the load.
import { Agent, request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serveSimulator } from '../mocks/exotel/serve';
import { startPostgresCluster } from '../src/server/testing/postgres-cluster';
import { busiestWindow, countingProxy, signIn, startInstance, type InstanceProcess } from '../src/server/testing/instance-process';

const SSE_CLIENTS = Number(process.env.BENCH_SSE ?? 1_000);
const RATE_PER_SEC = Number(process.env.BENCH_RATE ?? 500);
const BURST_SECONDS = 10;
const FANOUT_ROUNDS = 5;
const RATE_LIMIT_PER_MIN = 30;
const ADMIN = { email: 'bench@example.com', password: 'instances bench password' };
const SECRET = 'instances-bench-secret-0123456789';

const log = (message: string) => process.stderr.write(`[instances.bench] ${message}\n`);
const round = (ms: number) => Math.round(ms * 10) / 10;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** SSE clients that count every frame naming the campaign; resolves once all are connected. */
async function openClients(urls: readonly string[], cookie: string, campaignId: string, count: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const seen: number[] = new Array<number>(count).fill(0);
  const requests: ReturnType<typeof httpRequest>[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const url = urls[i % urls.length]!;
      return new Promise<void>((resolve, reject) => {
        const req = httpRequest(`${url}/api/events?campaign=${campaignId}`, { agent, headers: { Cookie: cookie } }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`SSE answered ${res.statusCode}`));
          res.setEncoding('utf8');
          // A frame may be split between reads: the tail of the last read is searched again with the next.
          let carry = '';
          res.on('data', (chunk: string) => {
            const text = carry + chunk;
            for (let at = text.indexOf("event: call"); at !== -1; at = text.indexOf("event: call", at + 1)) seen[i]!++;
            carry = text.slice(-10);
          });
          resolve();
        });
        req.on('error', () => undefined);
        req.end();
        requests.push(req);
      });
    }),
  );
  return { seen, close: () => requests.forEach((req) => req.destroy()) };
}

function post(agent: Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = httpRequest(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : Number.NaN));
    });
    req.on('error', () => resolve(Number.NaN));
    req.end(body);
  });
}

function webhook(campaignId: string, i: number): string {
  const at = new Date().toISOString();
  return JSON.stringify({ campaign_sid: campaignId, call_sid: `ib-${i}`, number: `+9196${String(i % 100_000).padStart(8, '0')}`, status: i % 2 ? 'completed' : 'busy', duration: i % 2 ? 40 : 0, date_created: at, date_updated: at });
}

async function run(setup: 'postgres-3' | 'sqlite-1', databaseEnv: Record<string, string>, count: number) {
  const served = await serveSimulator({ port: 0, clock: 'virtual', seed: 7, scenarios: ['seed-example'], rateLimitPerMin: RATE_LIMIT_PER_MIN });
  const proxy = await countingProxy(served.url);
  const campaignId = served.sim.campaignIdFor('seed-example');
  const env = {
    ...databaseEnv,
    EXOTEL_API_KEY: served.sim.apiKey,
    EXOTEL_API_TOKEN: served.sim.apiToken,
    EXOTEL_ACCOUNT_SID: served.sim.accountSid,
    EXOTEL_BASE_URL: proxy.url,
    EXOTEL_RATE_LIMIT_PER_MIN: String(RATE_LIMIT_PER_MIN),
    CALLBOARD_WEBHOOK_SECRET: SECRET,
    CALLBOARD_ADMIN_EMAIL: ADMIN.email,
    CALLBOARD_ADMIN_PASSWORD: ADMIN.password,
  };
  const instances: InstanceProcess[] = [await startInstance(`${setup}-0`, env)];
  for (let i = 1; i < count; i++) instances.push(await startInstance(`${setup}-${i}`, env));
  try {
    const cookie = await signIn(instances[0]!.url, ADMIN);
    // Wait for the leader's first sync to store the campaign (SSE refuses unknown campaigns).
    for (let tries = 0; ; tries++) {
      const res = await fetch(`${instances[0]!.url}/api/campaigns/${campaignId}/report`, { headers: { Cookie: cookie } });
      if (res.ok) break;
      if (tries > 300) throw new Error('the campaign was never synced');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const urls = instances.map((instance) => instance.url);
    const clients = await openClients(urls, cookie, campaignId, SSE_CLIENTS);
    log(`${setup}: ${SSE_CLIENTS} SSE clients connected over ${count} instance(s)`);

    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    const acks: Promise<number>[] = [];
    const total = RATE_PER_SEC * BURST_SECONDS;
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE_PER_SEC;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      acks.push(post(agent, `${urls[i % urls.length]}/webhooks/exotel/${SECRET}/call-status`, webhook(campaignId, i)));
    }
    const latencies = await Promise.all(acks);
    const ok = latencies.filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
    log(`${setup}: burst done, ${ok.length} of ${total} acknowledged`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const fanout: number[] = [];
    for (let round_ = 0; round_ < FANOUT_ROUNDS; round_++) {
      const before = clients.seen.slice();
      const sentAt = performance.now();
      await post(agent, `${urls[round_ % urls.length]}/webhooks/exotel/${SECRET}/call-status`, webhook(campaignId, total + round_));
      for (;;) {
        if (clients.seen.every((n, i) => n > (before[i] ?? 0))) break;
        if (performance.now() - sentAt > 10_000) {
          const reached = clients.seen.filter((n, i) => n > (before[i] ?? 0)).length;
          throw new Error(`fan-out reached ${reached} of ${clients.seen.length} clients in 10 s`);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      fanout.push(performance.now() - sentAt);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    clients.close();
    agent.destroy();
    fanout.sort((a, b) => a - b);
    return {
      instances: count,
      webhooks: total,
      acknowledged: ok.length,
      ackP50Ms: round(percentile(ok, 50)),
      ackP99Ms: round(percentile(ok, 99)),
      fanoutToLastClientMedianMs: round(percentile(fanout, 50)),
      fanoutToLastClientMaxMs: round(fanout[fanout.length - 1] ?? Number.NaN),
      upstreamBusiestMinute: busiestWindow(proxy.sentAt),
      upstreamBudgetPerMin: RATE_LIMIT_PER_MIN * 0.8,
    };
  } finally {
    await Promise.all(instances.map((instance) => instance.kill('SIGKILL')));
    await proxy.close();
    await served.close();
  }
}

const cluster = await startPostgresCluster();
const sqliteDir = mkdtempSync(join(tmpdir(), 'callboard-instances-bench-'));
try {
  const postgres = await run('postgres-3', { CALLBOARD_DATABASE_URL: cluster.createDatabase() }, 3);
  const sqlite = await run('sqlite-1', { CALLBOARD_DB: join(sqliteDir, 'bench.db') }, 1);
  console.log(JSON.stringify({ bench: 'instances', sseClients: SSE_CLIENTS, webhooksPerSec: RATE_PER_SEC, postgres, sqlite, loadavg1m: round(loadavg()[0] ?? 0) }));
} finally {
  cluster.stop();
  rmSync(sqliteDir, { recursive: true, force: true });
}
