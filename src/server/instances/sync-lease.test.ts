// The sync lease on a real PostgreSQL: one leader per account among several instances, handed over when the
// leader stops or dies, and a separate leader for another account.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../log';
import { testDatabaseUrl } from '../testing/store-implementations';
import { until } from '../testing/until';
import { SyncLease } from './sync-lease';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const RETRY_MS = 100;

const leases: SyncLease[] = [];
afterEach(async () => {
  await Promise.all(leases.splice(0).map((lease) => lease.stop()));
});

function lease(account: string, events: string[], name: string): SyncLease {
  const created = new SyncLease({
    connectionString: testDatabaseUrl(),
    account,
    onGained: () => events.push(`${name} gained`),
    onLost: () => {
      events.push(`${name} lost`);
      return Promise.resolve();
    },
    logger: quiet,
    retryMs: RETRY_MS,
  });
  leases.push(created);
  created.start();
  return created;
}

/** Hand-overs wait for a retry and a lost connection, so they get longer than the usual wait. */
const waitFor = (condition: () => boolean) => until(condition, 10_000, 20);

describe('the sync lease', () => {
  it('makes exactly one of three instances the leader of an account', async () => {
    const events: string[] = [];
    const three = [lease('ACC1', events, 'a'), lease('ACC1', events, 'b'), lease('ACC1', events, 'c')];
    await waitFor(() => three.some((one) => one.isLeader));
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 5));
    expect(three.filter((one) => one.isLeader)).toHaveLength(1);
    expect(events.filter((event) => event.endsWith('gained'))).toHaveLength(1);
  });

  it('hands over when the leader stops, after the leader has stopped syncing', async () => {
    const events: string[] = [];
    const first = lease('ACC2', events, 'a');
    await waitFor(() => first.isLeader);
    const second = lease('ACC2', events, 'b');
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 3));
    expect(second.isLeader).toBe(false);
    await first.stop();
    await waitFor(() => second.isLeader);
    expect(events).toEqual(['a gained', 'a lost', 'b gained']);
  });

  it('hands over when the leader dies (its database session ends)', async () => {
    const events: string[] = [];
    const first = lease('ACC3', events, 'a');
    await waitFor(() => first.isLeader);
    const second = lease('ACC3', events, 'b');
    // A crash of the leader's process ends its session: here the session is terminated from outside.
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'callboard-sync-lease' AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`);
    await admin.end();
    await waitFor(() => second.isLeader);
    // The old leader notices at its next check and stops syncing.
    await waitFor(() => !first.isLeader);
    expect(events).toContain('a lost');
  });

  it('gives each account its own leader', async () => {
    const events: string[] = [];
    const one = lease('ACC4', events, 'a');
    const other = lease('ACC5', events, 'b');
    await waitFor(() => one.isLeader && other.isLeader);
  });
});
