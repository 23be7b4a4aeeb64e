// Opens the store the configuration names: PostgreSQL when CALLBOARD_DATABASE_URL is set (several instances share
// it), otherwise the embedded SQLite file. Both give every port; main.ts and the users CLI open the store here.
import type { AccessStore } from './access-store';
import { PostgresAccessStore } from './postgres-access';
import { openPostgresStore } from './postgres-store';
import { SqliteAccessStore } from './sqlite-access';
import { openSqliteDatabase, SqliteStore } from './sqlite-store';
import type { CallboardStore } from './store';

export interface OpenedStore {
  kind: 'sqlite' | 'postgres';
  /** Campaign data: campaigns, calls and contacts, sync state, webhooks, counters. */
  store: CallboardStore;
  /** Users, sessions, share links, displays, audit, over the same connection. */
  access: AccessStore;
}

export function openConfiguredStore(config: { databaseUrl: string | null; dbPath: string }): OpenedStore {
  if (config.databaseUrl !== null) {
    const store = openPostgresStore(config.databaseUrl);
    return { kind: 'postgres', store, access: new PostgresAccessStore(store.connection) };
  }
  const db = openSqliteDatabase(config.dbPath);
  return { kind: 'sqlite', store: new SqliteStore(db), access: new SqliteAccessStore(db) };
}
