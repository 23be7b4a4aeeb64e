// Which instance reads Exotel: with several instances on one PostgreSQL, exactly one holds the account's sync lease,
// a session-level advisory lock on a connection of its own. The lock lives as long as that connection: when the
// leader dies (or loses the database), PostgreSQL releases it and another instance takes it at its next try, a few
// seconds later. The rate budget's send times are in the database, so the new leader counts the old one's requests.
import pg from 'pg';
import type { Logger } from '../log';

/** A namespace for callboard's advisory locks (the first of the two int4 keys); the second is the account's hash. */
const LOCK_NAMESPACE = 0x63616c6c; // "call"
const DEFAULT_RETRY_MS = 5_000;

export interface SyncLeaseOptions {
  connectionString: string;
  /** What the lease is for: the Exotel account sid (one leader per account). */
  account: string;
  /** Became the leader: start syncing. */
  onGained: () => void;
  /** No longer the leader (connection lost, or stopping): stop syncing before the lease can pass on. */
  onLost: () => Promise<void>;
  logger: Logger;
  /** How often a follower tries to take the lease, and the leader checks its connection. */
  retryMs?: number;
}

export class SyncLease {
  private client: pg.Client | null = null;
  private leader = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private ticking: Promise<void> = Promise.resolve();

  constructor(private readonly options: SyncLeaseOptions) {}

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    this.schedule(0);
  }

  /** Gives the lease up (the sync stops first), so another instance can take it at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.ticking;
    await this.lose('stopping');
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => this.schedule(this.options.retryMs ?? DEFAULT_RETRY_MS));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const client = await this.connection();
      if (this.leader) {
        // The lock is held while this session lives: a failing query means it may be gone.
        await client.query('SELECT 1');
        return;
      }
      const result = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS taken', [LOCK_NAMESPACE, this.options.account]);
      if (result.rows[0]?.taken === true && !this.stopped) {
        this.leader = true;
        this.options.logger.info('instances.sync_lease_gained', {});
        this.options.onGained();
      }
    } catch (error) {
      this.options.logger.warn('instances.sync_lease_connection_failed', { message: error instanceof Error ? error.message : String(error) });
      await this.lose('connection-lost');
    }
  }

  private async connection(): Promise<pg.Client> {
    if (this.client !== null) return this.client;
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: 'callboard-sync-lease', keepAlive: true });
    // An error between queries (the server went away) is seen by the next tick's query.
    client.on('error', () => undefined);
    await client.connect();
    this.client = client;
    return client;
  }

  private async lose(reason: 'connection-lost' | 'stopping'): Promise<void> {
    const wasLeader = this.leader;
    this.leader = false;
    if (wasLeader) {
      this.options.logger.info('instances.sync_lease_lost', { reason });
      await this.options.onLost();
    }
    const client = this.client;
    this.client = null;
    // Closing the session releases the lock (if the server still had it).
    await client?.end().catch(() => undefined);
  }
}
