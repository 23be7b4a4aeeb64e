// Both implementations of the store's ports, for contract tests that must hold for each:
//   describe.each(STORE_KINDS)('%s store', (kind) => { const stores = storesFor(kind); ... stores.open() ... })
// SQLite opens a private in-memory database per store; PostgreSQL gives each test file its own database on the run's
// throwaway cluster (postgres-global-setup.ts) and one connection to it, and empties its tables for each new store
// (a new store object, so nothing kept in memory by the last one survives).
import { afterAll, afterEach, inject } from 'vitest';
import type { AccessStore } from '../store/access-store';
import { PostgresAccessStore } from '../store/postgres-access';
import { PgConnection } from '../store/postgres/connection';
import { PostgresStore } from '../store/postgres-store';
import { openSqliteDatabase } from '../store/sqlite-store';
import { SqliteAccessStore } from '../store/sqlite-access';
import { SqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { createDatabaseOn } from './postgres-cluster';

export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export interface OpenedStores {
  store: CallboardStore;
  access: AccessStore;
}

let databaseUrl: string | null = null;
let sharedConnection: PgConnection | null = null;

/** The file's one connection: stores opened on it do not close it (afterAll does). */
class FileConnection extends PgConnection {
  override close(): void {}
  end(): void {
    super.close();
  }
}

/** This test file's PostgreSQL database (created on first use). */
export function testDatabaseUrl(): string {
  if (databaseUrl !== null) return databaseUrl;
  databaseUrl = createDatabaseOn(inject('postgresUrl'));
  return databaseUrl;
}

function emptyTables(connection: PgConnection): void {
  const tables = connection
    .all(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`)
    .map((row) => String(row.tablename));
  // DELETE, not TRUNCATE: on these small tables it is several times faster (no new files to sync).
  connection.transaction(() => {
    for (const table of tables) connection.run(`DELETE FROM ${table}`);
  });
}

function fileConnection(): PgConnection {
  if (sharedConnection === null) {
    const opened = PgConnection.open(testDatabaseUrl());
    sharedConnection = new FileConnection(opened.client);
  }
  return sharedConnection;
}

/** Opens a fresh, empty store of the kind per call; every store opened is closed after each test. */
export function storesFor(kind: StoreKind): { open(): OpenedStores } {
  const opened: CallboardStore[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });
  afterAll(() => {
    for (const store of opened.splice(0)) store.close();
    if (sharedConnection instanceof FileConnection) sharedConnection.end();
    sharedConnection = null;
  });
  return {
    open() {
      if (kind === 'sqlite') {
        const db = openSqliteDatabase(':memory:');
        const store = new SqliteStore(db);
        opened.push(store);
        return { store, access: new SqliteAccessStore(db) };
      }
      const connection = fileConnection();
      emptyTables(connection);
      const store = new PostgresStore(connection);
      opened.push(store);
      return { store, access: new PostgresAccessStore(store.connection) };
    },
  };
}
