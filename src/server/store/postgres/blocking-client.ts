// A synchronous PostgreSQL client: each query is handed to a worker thread (pg-worker.mjs) that runs it on its own
// connection while this thread waits. The store's ports are synchronous (better-sqlite3 is), so the PostgreSQL
// store keeps them so too; the cost is that a slow database stalls this process, as a slow disk does with SQLite.
// Queries are short (indexed reads and small writes), and transactions never wait on anything but the database.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export type PgValue = string | number | boolean | null | Buffer;
export type PgRow = Record<string, unknown>;

/** The database's error, with its SQLSTATE code (e.g. 53100 disk full, 23505 unique violation) when it has one. */
export class PgQueryError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'PgQueryError';
  }
}

interface Answer {
  rows?: unknown[];
  rowCount?: number;
  error?: { message: string; code: string | null };
}

const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

export class BlockingPgClient {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private closed = false;

  constructor(
    connectionString: string,
    private readonly timeoutMs = DEFAULT_QUERY_TIMEOUT_MS,
  ) {
    const signal = new SharedArrayBuffer(4);
    this.flag = new Int32Array(signal);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./pg-worker.mjs', import.meta.url), {
      workerData: { connectionString, port: port2, signal },
      transferList: [port2],
      // The worker is plain JavaScript: it needs none of the parent's loaders (tsx, vitest).
      execArgv: [],
    });
    // The worker must not keep the process alive on its own; close() ends it.
    this.worker.unref();
  }

  /** Rows as objects keyed by column name. */
  query(text: string, values: readonly PgValue[] = []): { rows: PgRow[]; rowCount: number } {
    const answer = this.call({ type: 'query', text, values, rowMode: undefined });
    return { rows: (answer.rows ?? []) as PgRow[], rowCount: answer.rowCount ?? 0 };
  }

  /** Rows as arrays of cells in column order (cheaper for large reads). */
  queryArrays(text: string, values: readonly PgValue[] = []): unknown[][] {
    const answer = this.call({ type: 'query', text, values, rowMode: 'array' });
    return (answer.rows ?? []) as unknown[][];
  }

  close(): void {
    if (this.closed) return;
    try {
      this.call({ type: 'close' });
    } catch {
      // Closing a client whose connection already failed: nothing more to do.
    }
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }

  private call(request: { type: 'query'; text: string; values: readonly PgValue[]; rowMode: 'array' | undefined } | { type: 'close' }): Answer {
    if (this.closed) throw new PgQueryError('The database connection is closed', null);
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
    const waited = Atomics.wait(this.flag, 0, 0, this.timeoutMs);
    const received = receiveMessageOnPort(this.port);
    if (waited === 'timed-out' || received === undefined) {
      throw new PgQueryError(`The database did not answer within ${this.timeoutMs} ms`, '57014');
    }
    const answer = received.message as Answer;
    if (answer.error !== undefined) throw new PgQueryError(answer.error.message, answer.error.code);
    return answer;
  }
}
