// A durable transaction resolves only after the WAL has been flushed, and commits that end while a flush runs wait
// for the next one (the running one may have started before they were written); a failed flush refuses them and
// shows in storage health.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, SqliteConnection } from './connection';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A connection on a real file whose WAL flushes are held until the test lets each one finish. */
function connectionWithHeldFlushes() {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-wal-sync-'));
  dirs.push(dir);
  const flushes: { finish: () => void; fail: (error: Error) => void }[] = [];
  const connection = new SqliteConnection(
    openSqliteDatabase(join(dir, 'store.db')),
    () => new Promise<void>((finish, fail) => flushes.push({ finish, fail })),
  );
  return { connection, flushes };
}

const settledSoon = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  return settled;
};

describe('durable transactions on a file', () => {
  it('resolve only once the WAL flush after their commit has finished', async () => {
    const { connection, flushes } = connectionWithHeldFlushes();
    const durable = connection.durableTransaction(() => connection.bumpVersion('c1'));
    // Committed at once (visible to readers), not yet acknowledged.
    expect(connection.campaignVersion('c1')).toBe(1);
    expect(await settledSoon(durable)).toBe(false);
    expect(flushes).toHaveLength(1);
    flushes[0]!.finish();
    await expect(durable).resolves.toBeUndefined();
    connection.close();
  });

  it('make commits that end during a flush wait for the next flush, one for all of them', async () => {
    const { connection, flushes } = connectionWithHeldFlushes();
    const first = connection.durableTransaction(() => connection.bumpVersion('c1'));
    const second = connection.durableTransaction(() => connection.bumpVersion('c2'));
    const third = connection.durableTransaction(() => connection.bumpVersion('c3'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(flushes).toHaveLength(1);
    flushes[0]!.finish();
    await first;
    expect(await settledSoon(second)).toBe(false);
    expect(flushes).toHaveLength(2);
    flushes[1]!.finish();
    await expect(Promise.all([second, third])).resolves.toEqual([undefined, undefined]);
    expect(flushes).toHaveLength(2);
    connection.close();
  });

  it('refuse when the flush fails, and storage health says so', async () => {
    const { connection, flushes } = connectionWithHeldFlushes();
    const durable = connection.durableTransaction(() => connection.bumpVersion('c1'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    flushes[0]!.fail(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(durable).rejects.toThrow('EIO');
    expect(connection.health.storageHealth()).toMatchObject({ state: 'failing', lastError: 'io-error' });
    connection.close();
  });

  it('flush the real WAL file with the default flush', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callboard-wal-sync-'));
    dirs.push(dir);
    const connection = new SqliteConnection(openSqliteDatabase(join(dir, 'store.db')));
    await expect(connection.durableTransaction(() => connection.bumpVersion('c1'))).resolves.toBeUndefined();
    expect(connection.campaignVersion('c1')).toBe(1);
    connection.close();
  });
});
