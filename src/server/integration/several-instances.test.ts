// Three callboard instances on one PostgreSQL, in front of the simulator (through a proxy that counts requests):
// a session from one is good on all; webhooks posted round-robin appear once in the report and reach the SSE clients
// of every instance; password guesses spread over them are throttled together; exactly one instance reads Exotel,
// and when it is killed another takes over within 30 s; upstream requests stay within 80 % of the rate limit throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSimulator, type ServedSimulator } from '../../../mocks/exotel/serve';
import {
  busiestWindow,
  countingProxy,
  followEvents,
  signIn,
  startInstance,
  type EventStream,
  type InstanceProcess,
} from '../testing/instance-process';
import { testDatabaseUrl } from '../testing/store-implementations';

const RATE_LIMIT_PER_MIN = 30;
const ADMIN = { email: 'admin@example.com', password: 'several instances admin password' };
const SECRET = 'several-instances-secret-0123456789';

let served: ServedSimulator;
let proxy: Awaited<ReturnType<typeof countingProxy>>;
const instances: InstanceProcess[] = [];
const streams: EventStream[] = [];
let cookie = '';
let campaignId = '';

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

async function health(instance: InstanceProcess): Promise<{ instance?: string; syncLeader?: boolean }> {
  const res = await fetch(`${instance.url}/api/health`, { headers: { Cookie: cookie } });
  return (await res.json()) as { instance?: string; syncLeader?: boolean };
}

async function leaders(alive: readonly InstanceProcess[]): Promise<InstanceProcess[]> {
  const answers = await Promise.all(alive.map(async (instance) => ({ instance, leader: (await health(instance)).syncLeader === true })));
  return answers.filter((answer) => answer.leader).map((answer) => answer.instance);
}

function webhook(index: number): string {
  return JSON.stringify({
    campaign_sid: campaignId,
    call_sid: `several-${index}`,
    number: `+9197000${String(index).padStart(5, '0')}`,
    status: 'completed',
    duration: 30,
    date_created: new Date().toISOString(),
    date_updated: new Date().toISOString(),
  });
}

beforeAll(async () => {
  served = await serveSimulator({ port: 0, clock: 'virtual', seed: 7, scenarios: ['seed-example'], rateLimitPerMin: RATE_LIMIT_PER_MIN });
  proxy = await countingProxy(served.url);
  campaignId = served.sim.campaignIdFor('seed-example');
  const env = {
    EXOTEL_API_KEY: served.sim.apiKey,
    EXOTEL_API_TOKEN: served.sim.apiToken,
    EXOTEL_ACCOUNT_SID: served.sim.accountSid,
    EXOTEL_BASE_URL: proxy.url,
    EXOTEL_RATE_LIMIT_PER_MIN: String(RATE_LIMIT_PER_MIN),
    CALLBOARD_WEBHOOK_SECRET: SECRET,
    CALLBOARD_DATABASE_URL: testDatabaseUrl(),
    CALLBOARD_ADMIN_EMAIL: ADMIN.email,
    CALLBOARD_ADMIN_PASSWORD: ADMIN.password,
  };
  // The first creates the schema and the first admin; the other two start against what it made.
  instances.push(await startInstance('a', env));
  instances.push(...(await Promise.all([startInstance('b', env), startInstance('c', env)])));
  cookie = await signIn(instances[0]!.url, ADMIN);
}, 180_000);

afterAll(async () => {
  for (const stream of streams) stream.close();
  await Promise.all(instances.map((instance) => instance.kill('SIGKILL')));
  await proxy?.close();
  await served?.close();
}, 60_000);

describe('three instances on one PostgreSQL', () => {
  it('accept a session made on any of them, and one of them reads Exotel', async () => {
    for (const instance of instances) expect((await fetch(`${instance.url}/api/campaigns`, { headers: { Cookie: cookie } })).status).toBe(200);
    const elected = await until('a sync leader', async () => ((await leaders(instances)).length > 0 ? leaders(instances) : null), 30_000);
    expect(elected).toHaveLength(1);
    // The leader's sync stores the campaign; every instance then lists it.
    for (const instance of instances) {
      await until(
        `the campaign on ${instance.name}`,
        async () => {
          const list = (await (await fetch(`${instance.url}/api/campaigns`, { headers: { Cookie: cookie } })).json()) as { campaigns?: { id: string }[] };
          return list.campaigns?.some((campaign) => campaign.id === campaignId) === true ? true : null;
        },
        60_000,
      );
    }
  }, 120_000);

  it("puts webhooks posted round-robin in the report once, and on every instance's live clients", async () => {
    for (const instance of instances) streams.push(await followEvents(instance.url, cookie, campaignId));
    const total = 30;
    for (let index = 0; index < total; index++) {
      const target = instances[index % instances.length]!;
      const before = streams.map((stream) => stream.events.length);
      const res = await fetch(`${target.url}/webhooks/exotel/${SECRET}/call-status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: webhook(index) });
      expect(res.status).toBe(200);
      // Every instance's client hears of it, the two that did not take the webhook through the change bus.
      await until(`webhook ${index} on every instance's stream`, async () => (streams.every((stream, i) => stream.events.length > (before[i] ?? 0)) ? true : null), 10_000);
    }
    // Repeated deliveries, to other instances, change nothing.
    for (let index = 0; index < 6; index++) {
      const target = instances[(index + 1) % instances.length]!;
      expect((await fetch(`${target.url}/webhooks/exotel/${SECRET}/call-status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: webhook(index) })).status).toBe(200);
    }
    for (const instance of instances) {
      const page = (await (await fetch(`${instance.url}/api/campaigns/${campaignId}/contacts?q=9197000&limit=100`, { headers: { Cookie: cookie } })).json()) as { total: number; rows: { number: string }[] };
      expect(page.total).toBe(total);
      expect(new Set(page.rows.map((row) => row.number)).size).toBe(total);
    }
  }, 120_000);

  it('count password guesses sent round-robin together: past the five free ones, the next is slowed wherever it lands', async () => {
    // A failure reaches the other instances in milliseconds (NOTIFY); the pause leaves room for a loaded machine,
    // and is well inside the 1 s the account must then wait.
    const guess = async (index: number) => {
      await new Promise((done) => setTimeout(done, 150));
      return fetch(`${instances[index % instances.length]!.url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'guessed@example.com', password: `wrong password number ${index}` }),
      });
    };
    // Five wrong passwords, one or two on each instance: alone, none of them has seen enough to slow the account.
    for (let index = 0; index < 5; index++) expect((await guess(index)).status).toBe(401);
    const slowed = await guess(5);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('hands sync over within 30 s when the leader is killed, within the rate budget', async () => {
    const [leader] = await leaders(instances);
    expect(leader).toBeDefined();
    const killedAt = Date.now();
    await leader!.kill('SIGKILL');
    const alive = instances.filter((instance) => instance !== leader);
    const next = await until('a new sync leader', async () => {
      const elected = await leaders(alive);
      return elected.length === 1 ? elected : null;
    }, 30_000);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    expect(next).toHaveLength(1);
    // The new leader keeps reading Exotel (a campaigns-list request after the hand-over) ...
    const sentBefore = proxy.sentAt.filter((at) => at > killedAt).length;
    await until('a request from the new leader', async () => (proxy.sentAt.filter((at) => at > killedAt).length > sentBefore ? true : null), 45_000);
    // ... and no 60 s window ever held more than 80 % of the limit.
    expect(busiestWindow(proxy.sentAt)).toBeLessThanOrEqual(RATE_LIMIT_PER_MIN * 0.8);
  }, 120_000);
});
