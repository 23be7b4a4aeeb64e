// The thread that talks to PostgreSQL for a BlockingPgClient (blocking-client.ts). Plain JavaScript so that it loads
// the same way under tsx, vitest and plain node. One pg.Client, one query at a time: the calling thread sleeps on
// `signal` until the answer is posted back, which keeps the store's ports synchronous as better-sqlite3's are.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { connectionString, port, signal } = workerData;
const flag = new Int32Array(signal);

// 64-bit integers (COUNT(*), BIGINT columns such as epoch milliseconds) come back as JavaScript numbers: every value
// callboard stores is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

const client = new pg.Client({ connectionString, application_name: 'callboard' });
// A connection lost between queries is reported with the next query's answer rather than crashing the thread.
let lost = null;
client.on('error', (error) => {
  lost = error;
});
const connected = client.connect().then(
  () => null,
  (error) => error,
);

function answer(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

function failure(error) {
  return { error: { message: String(error?.message ?? error), code: typeof error?.code === 'string' ? error.code : null } };
}

port.on('message', async (request) => {
  if (request.type === 'close') {
    await client.end().catch(() => undefined);
    answer({ ok: true });
    port.close();
    return;
  }
  const connectError = await connected;
  if (connectError !== null) return answer(failure(connectError));
  if (lost !== null) return answer(failure(lost));
  try {
    const result = await client.query({ text: request.text, values: request.values, rowMode: request.rowMode });
    answer({ rows: result.rows, rowCount: result.rowCount ?? 0 });
  } catch (error) {
    answer(failure(error));
  }
});
