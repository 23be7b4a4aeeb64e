// The one SQLite connection every aggregate module shares: opening and migrating the file, a cache of prepared
// statements, the transaction helper, and the per-campaign version every write bumps.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { migrate } from '../migrations';
import { StorageHealthTracker } from '../storage-health';
import { WalSync, type FileSync } from './wal-sync';

const BUSY_TIMEOUT_MS = 5_000;

/** The configured, migrated connection behind a store (tests read it to compare whole tables). */
export function openSqliteDatabase(path: string): Database.Database {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
  // Keeps the planner's statistics current on long-lived connections (cheap; see SQLite's PRAGMA optimize).
  db.pragma('optimize = 0x10002');
  return db;
}

/** Told when an outermost transaction ends, so in-memory copies follow only what committed. */
export interface TransactionObserver {
  /** The transaction committed. */
  committed(): void;
  /** The transaction ended, committed or rolled back (after `committed` when it committed). */
  ended(): void;
}

const versionRow = z.object({ version: z.number() });

export class SqliteConnection {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly observers: TransactionObserver[] = [];
  /** Every outermost transaction reports here: a failed commit for the storage's sake, or a success. */
  readonly health = new StorageHealthTracker();

  private readonly walSync: WalSync;

  constructor(
    readonly db: Database.Database,
    syncFile?: FileSync,
  ) {
    this.walSync = new WalSync(db.memory ? null : `${db.name}-wal`, syncFile);
  }

  /** A prepared statement, prepared once per connection. */
  sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  observe(observer: TransactionObserver): void {
    this.observers.push(observer);
  }

  transaction<T>(fn: () => T): T {
    // Nested calls simply run inside the outer transaction, which commits or rolls back everything at once.
    if (this.db.inTransaction) return fn();
    try {
      const result = this.db.transaction(fn)();
      this.health.noteSuccess();
      for (const observer of this.observers) observer.committed();
      return result;
    } catch (error) {
      this.health.noteFailure(error);
      throw error;
    } finally {
      for (const observer of this.observers) observer.ended();
    }
  }

  /**
   * Like transaction, but resolves only once the commit would survive a power loss: for what callboard
   * acknowledges to others. The commit runs at synchronous=NORMAL like every other (which survives a crash of the
   * process), then the WAL is flushed off the event loop (wal-sync.ts). Cannot be nested in another transaction.
   */
  async durableTransaction<T>(fn: () => T): Promise<T> {
    if (this.db.inTransaction) throw new Error('a durable transaction cannot run inside another transaction');
    const result = this.transaction(fn);
    try {
      await this.walSync.sync();
    } catch (error) {
      this.health.noteFailure(error);
      throw error;
    }
    return result;
  }

  bumpVersion(campaignId: string): void {
    this.sql(
      'INSERT INTO campaign_versions (campaign_id, version) VALUES (?, 1) ON CONFLICT(campaign_id) DO UPDATE SET version = version + 1',
    ).run(campaignId);
  }

  campaignVersion(campaignId: string): number {
    const row = this.sql('SELECT version FROM campaign_versions WHERE campaign_id = ?').get(campaignId);
    return row === undefined ? 0 : versionRow.parse(row).version;
  }

  close(): void {
    this.walSync.close();
    if (this.db.open) this.db.close();
  }
}
