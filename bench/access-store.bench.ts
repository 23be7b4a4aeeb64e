// The access store's per-request work, on SQLite (a WAL file, as the server opens it) and on PostgreSQL (a
// throwaway cluster): a signed-in request's session check (session by token hash, then its user), a session touch (a
// lone committed write), a share link's open (find, then log and count the open) and a display's check (find by token
// hash). Each is timed over many rounds against 1,000 users with a session each, 200 links and 50 displays. Prints
// one JSON line: p50 and p95 per operation and store, in microseconds, with the 1-minute load average.
import { createHash } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessStore } from '../src/server/store/access-store';
import { PgConnection } from '../src/server/store/postgres/connection';
import { PostgresAccessStore } from '../src/server/store/postgres-access';
import { SqliteAccessStore } from '../src/server/store/sqlite-access';
import { openSqliteDatabase } from '../src/server/store/sqlite-store';
import { startPostgresCluster } from '../src/server/testing/postgres-cluster';

const USERS = 1_000;
const LINKS = 200;
const DISPLAYS = 50;
const ROUNDS = 2_000;
const T = Date.parse('2025-03-01T10:00:00Z');

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

function seed(access: AccessStore): void {
  for (let i = 0; i < USERS; i++) {
    access.insertUser({ id: `us_${i}`, email: `user${i}@example.com`, role: 'manager', passwordHash: 'scrypt$x', createdAt: T, updatedAt: T });
    access.insertSession({ id: `se_${i}`, tokenHash: hash(`session-${i}`), userId: `us_${i}`, createdAt: T, lastSeenAt: T, expiresAt: T + 86_400_000 });
  }
  for (let i = 0; i < LINKS; i++) {
    access.insertShareLink({
      id: `sl_${i}`,
      tokenHash: hash(`link-${i}`),
      campaignIds: [`c${i % 20}`],
      pii: 'masked',
      contacts: false,
      label: null,
      createdBy: 'user0@example.com',
      createdAt: T + i,
      expiresAt: T + 86_400_000,
    });
  }
  for (let i = 0; i < DISPLAYS; i++) {
    access.insertDisplay({ id: `tv_${i}`, tokenHash: hash(`display-${i}`), name: `Floor ${i}`, campaignIds: 'active', settings: {}, createdBy: 'user0@example.com', createdAt: T, expiresAt: null });
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function time(round: (i: number) => void): { p50Us: number; p95Us: number } {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = process.hrtime.bigint();
    round(i);
    times.push(Number(process.hrtime.bigint() - started) / 1_000);
  }
  times.sort((a, b) => a - b);
  return { p50Us: Math.round(percentile(times, 0.5)), p95Us: Math.round(percentile(times, 0.95)) };
}

/** `batch` runs the seeding in one transaction, so that it does not commit thousands of times. */
function measure(access: AccessStore, batch: (fn: () => void) => void) {
  batch(() => seed(access));
  return {
    // Every signed-in request: the session, then its user.
    sessionCheck: time((i) => {
      const session = access.findSessionByTokenHash(hash(`session-${(i * 7919) % USERS}`));
      if (session === null || access.findUserById(session.userId) === null) throw new Error('session not found');
    }),
    // A committed write on its own; the server touches a session at most once per touchEveryMs.
    sessionTouch: time((i) => access.touchSession(`se_${(i * 7919) % USERS}`, T + i)),
    // Each page load of a share link.
    shareLinkOpen: time((i) => {
      const link = access.findShareLinkByTokenHash(hash(`link-${(i * 31) % LINKS}`));
      if (link === null) throw new Error('link not found');
      access.recordShareLinkOpen(link.id, { at: T + i, address: '203.0.113.0/24', userAgent: 'Mozilla/5.0' });
    }),
    // Every request of a display (its contact is written at most once a minute).
    displayCheck: time((i) => {
      if (access.findDisplayByTokenHash(hash(`display-${i % DISPLAYS}`)) === null) throw new Error('display not found');
    }),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'callboard-access-bench-'));
const cluster = await startPostgresCluster();
try {
  const db = openSqliteDatabase(join(dir, 'access.db'));
  const sqlite = measure(new SqliteAccessStore(db), (fn) => db.transaction(fn)());
  db.close();
  const connection = PgConnection.open(cluster.createDatabase());
  const postgres = measure(new PostgresAccessStore(connection), (fn) => connection.transaction(fn));
  connection.close();
  console.log(JSON.stringify({ bench: 'access-store', rounds: ROUNDS, sqlite, postgres, loadavg1m: Number(loadavg()[0]?.toFixed(2)) }));
} finally {
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
