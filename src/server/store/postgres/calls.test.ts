// Two instances writing one campaign's calls at once (PostgreSQL only; SQLite has a single writer): the second
// waits for the first to commit, so its merge and contact fold see the first's call instead of overwriting it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { callOf } from '../../../domain/testing/builders';
import { testDatabaseUrl } from '../../testing/store-implementations';
import { PostgresStore } from '../postgres-store';
import { PgConnection } from './connection';

const SECOND_INSTANCE = fileURLToPath(new URL('../../testing/pg-second-instance.ts', import.meta.url));
const opened: PgConnection[] = [];
afterAll(() => {
  for (const connection of opened) connection.close();
});

function connect(): PgConnection {
  const connection = PgConnection.open(testDatabaseUrl());
  opened.push(connection);
  return connection;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('concurrent call writes (postgres)', () => {
  it('folds a contact from both instances’ calls when they write it at the same time', async () => {
    const first = new PostgresStore(connect());
    const watcher = connect();
    let secondDone: Promise<number | null> = Promise.resolve(null);
    first.transaction(() => {
      first.upsertCalls([callOf('s1', { status: 'busy', durationSec: 0, dateCreated: '2025-03-01T10:00:00+05:30' })], 'sync');
      const second = spawn(process.execPath, ['--import', 'tsx', SECOND_INSTANCE, testDatabaseUrl(), 's2', '+919876543210', '2025-03-01T10:30:00+05:30'], {
        stdio: 'inherit',
      });
      secondDone = new Promise((resolve) => second.on('exit', (code) => resolve(code)));
      // Commit only once the second instance waits on this transaction: it has started its write by then.
      const deadline = Date.now() + 25_000;
      const waiting = () =>
        watcher.get(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() LIMIT 1`) !== undefined;
      while (!waiting()) {
        if (Date.now() > deadline) throw new Error('the second instance never waited for the first');
        sleep(50);
      }
    });
    expect(await secondDone).toBe(0);
    const contact = first.queryContacts('camp1', { q: '', sort: 'number:asc', offset: 0, limit: 10 }).rows;
    expect(contact).toEqual([expect.objectContaining({ number: '+919876543210', attempts: 2, finalStatus: 'no-answer' })]);
    expect(first.countCalls('camp1').total).toBe(2);
  }, 60_000);
});
