// Several instances on a real PostgreSQL share their login throttles: password guesses spread over the instances
// behind a load balancer are counted together, and what the instances tell each other names no email or address.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamStatus } from '../exotel/upstream-status';
import type { Logger } from '../log';
import { testDatabaseUrl } from '../testing/store-implementations';
import { until } from '../testing/until';
import { joinCluster, type Cluster } from './cluster';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function instance(id: string): Promise<Cluster> {
  const cluster = await joinCluster({ databaseUrl: testDatabaseUrl(), instance: id, upstream: new UpstreamStatus(true), logger: quiet });
  closers.push(async () => cluster.bus?.close());
  return cluster;
}

/** Everything said on the instances' channel, as a database client listening to it would read it. */
async function eavesdrop(): Promise<string[]> {
  const heard: string[] = [];
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  client.on('notification', (message) => heard.push(message.payload ?? ''));
  await client.query('LISTEN callboard_events');
  closers.push(() => client.end());
  return heard;
}

describe('several instances', () => {
  it('count password guesses spread over them together, so the account is refused everywhere after ten', async () => {
    const heard = await eavesdrop();
    const [a, b, c] = [await instance('a'), await instance('b'), await instance('c')];
    // Ten guesses, spread so that no instance sees more than four (each alone would still let them through).
    const spread = [a, b, c, a, b, c, a, b, c, a];
    spread.forEach((cluster, i) => cluster.throttle.recordFailure(`203.0.113.${i}`, 'asha@example.com'));
    await until(() => heard.filter((payload) => payload.includes('loginFailure')).length === 10);
    for (const cluster of [a, b, c]) {
      await until(() => !cluster.throttle.check('198.51.100.7', 'asha@example.com').allowed);
      expect(cluster.throttle.check('198.51.100.7', 'ASHA@example.com')).toMatchObject({ allowed: false, reason: 'refused' });
    }
    expect(heard.join('\n')).not.toMatch(/asha|example\.com|203\.0\.113/);
  });

  it('clear an account everywhere when it signs in on one of them', async () => {
    const [a, b] = [await instance('a'), await instance('b')];
    for (let i = 0; i < 10; i++) a.throttle.recordFailure('203.0.113.1', 'ravi@example.com');
    await until(() => !b.throttle.check('198.51.100.7', 'ravi@example.com').allowed);
    a.throttle.recordSuccess('ravi@example.com');
    await until(() => b.throttle.check('198.51.100.7', 'ravi@example.com').allowed);
    expect(b.throttle.check('198.51.100.7', 'ravi@example.com')).toEqual({ allowed: true });
  });
});
