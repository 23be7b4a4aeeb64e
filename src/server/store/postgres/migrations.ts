// The PostgreSQL schema as a numbered list of migrations, as store/migrations.ts is for SQLite: applied in order,
// each in its own transaction, recorded in schema_migrations. Instances starting together take turns on an
// advisory lock, so exactly one applies each migration. The tables of each area are written in schema/.
import type { BlockingPgClient } from './blocking-client';
import { ACCESS_TABLES } from './schema/access';
import { CALL_TABLES } from './schema/calls';
import { CAMPAIGN_REVENUE_TABLES } from './schema/campaign-revenue';
import { CAMPAIGN_TABLES } from './schema/campaigns';
import { WEBHOOK_TABLES } from './schema/webhooks';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** The advisory lock key migrations run under (any constant unique to callboard). */
const MIGRATION_LOCK_KEY = 0x63616c6c; // "call"

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'the schema of SQLite migration 8: campaigns, calls and contacts, webhooks, access',
    sql: [CAMPAIGN_TABLES, CALL_TABLES, WEBHOOK_TABLES, ACCESS_TABLES].join('\n'),
  },
  {
    version: 2,
    name: 'the schema of SQLite migration 10: revenue a manager entered per campaign',
    sql: CAMPAIGN_REVENUE_TABLES,
  },
];

/** Applies every migration newer than the database; returns the schema version. */
export function migratePostgres(client: BlockingPgClient, migrations: readonly PgMigration[] = PG_MIGRATIONS): number {
  client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = Number(client.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').rows[0]?.v ?? 0);
    let current = applied;
    for (const migration of migrations) {
      if (migration.version <= applied) continue;
      client.query('BEGIN');
      try {
        client.query(migration.sql);
        client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        client.query('COMMIT');
      } catch (error) {
        client.query('ROLLBACK');
        throw error;
      }
      current = migration.version;
    }
    return current;
  } finally {
    client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}
