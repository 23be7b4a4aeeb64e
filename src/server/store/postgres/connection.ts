// The one PostgreSQL connection every aggregate module of the PostgreSQL store shares: opening and migrating the
// database, the transaction helper, and the per-campaign version every write bumps. It mirrors sqlite/connection.ts
// so that each aggregate module reads the same in both stores; the SQL is PostgreSQL's own ($1 placeholders).
import { z } from 'zod';
import { StorageHealthTracker } from '../storage-health';
import type { TransactionObserver } from '../sqlite/connection';
import { BlockingPgClient, type PgRow, type PgValue } from './blocking-client';
import { migratePostgres } from './migrations';

const versionRow = z.object({ version: z.number() });

export class PgConnection {
  private depth = 0;
  private readonly observers: TransactionObserver[] = [];
  /** Every outermost transaction reports here: a failed commit for the storage's sake, or a success. */
  readonly health = new StorageHealthTracker();

  constructor(readonly client: BlockingPgClient) {}

  /** Connects and brings the schema up to date (under an advisory lock, so instances starting together take turns). */
  static open(connectionString: string): PgConnection {
    const client = new BlockingPgClient(connectionString);
    try {
      // As SQLite's synchronous=NORMAL: an ordinary commit does not wait for its WAL flush (a power cut may lose the
      // last ones, never corrupt anything); what callboard acknowledges waits (durableTransaction).
      client.query('SET synchronous_commit = off');
      migratePostgres(client);
    } catch (error) {
      client.close();
      throw error;
    }
    return new PgConnection(client);
  }

  /** Every row, as objects keyed by column name. */
  all(text: string, values: readonly PgValue[] = []): PgRow[] {
    return this.client.query(text, values).rows;
  }

  /** The first row, or undefined. */
  get(text: string, values: readonly PgValue[] = []): PgRow | undefined {
    return this.client.query(text, values).rows[0];
  }

  /** Runs a statement; returns how many rows it touched. */
  run(text: string, values: readonly PgValue[] = []): number {
    return this.client.query(text, values).rowCount;
  }

  /** Every row as an array of cells, in column order (for large reads). */
  arrays(text: string, values: readonly PgValue[] = []): unknown[][] {
    return this.client.queryArrays(text, values);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  observe(observer: TransactionObserver): void {
    this.observers.push(observer);
  }

  transaction<T>(fn: () => T): T {
    return this.runTransaction(fn, false);
  }

  private runTransaction<T>(fn: () => T, durable: boolean): T {
    // Nested calls simply run inside the outer transaction, which commits or rolls back everything at once.
    if (this.depth > 0) return fn();
    let committed = false;
    try {
      this.client.query('BEGIN');
      this.depth = 1;
      if (durable) this.client.query('SET LOCAL synchronous_commit = on');
      const result = fn();
      this.client.query('COMMIT');
      committed = true;
      this.health.noteSuccess();
      for (const observer of this.observers) observer.committed();
      return result;
    } catch (error) {
      this.health.noteFailure(error);
      if (!committed && this.depth > 0) {
        try {
          this.client.query('ROLLBACK');
        } catch {
          // The connection is gone; the server rolled the transaction back with it.
        }
      }
      throw error;
    } finally {
      this.depth = 0;
      for (const observer of this.observers) observer.ended();
    }
  }

  /** A transaction whose commit waits for its WAL flush (synchronous_commit on for it alone). */
  durableTransaction<T>(fn: () => T): Promise<T> {
    if (this.depth > 0) return Promise.reject(new Error('a durable transaction cannot run inside another transaction'));
    return Promise.resolve(this.runTransaction(fn, true));
  }

  bumpVersion(campaignId: string): void {
    this.run(
      `INSERT INTO campaign_versions (campaign_id, version) VALUES ($1, 1)
       ON CONFLICT (campaign_id) DO UPDATE SET version = campaign_versions.version + 1`,
      [campaignId],
    );
  }

  campaignVersion(campaignId: string): number {
    const row = this.get('SELECT version FROM campaign_versions WHERE campaign_id = $1', [campaignId]);
    return row === undefined ? 0 : versionRow.parse(row).version;
  }

  close(): void {
    this.client.close();
  }
}
