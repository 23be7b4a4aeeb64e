// The PostgreSQL connection's commits: an ordinary one does not wait for its WAL flush (as SQLite's NORMAL), a
// durable one (what callboard acknowledges) does.
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../testing/store-implementations';
import { openPostgresStore, type PostgresStore } from '../postgres-store';

const opened: PostgresStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

describe('commits on PostgreSQL', () => {
  it('wait for the WAL flush only when durable (what callboard acknowledges)', async () => {
    const store = openPostgresStore(testDatabaseUrl());
    opened.push(store);
    const setting = () => String(store.connection.get('SHOW synchronous_commit')?.synchronous_commit);
    expect(store.transaction(setting)).toBe('off');
    expect(await store.durableTransaction(setting)).toBe('on');
    expect(setting()).toBe('off');
  });
});
