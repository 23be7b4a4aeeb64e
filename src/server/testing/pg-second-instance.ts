// A second callboard instance for the PostgreSQL concurrency tests: run as its own process, it upserts one synced
// call (sid, number, date created) into the database at the given URL, then exits (0 when the write committed).
import { callOf } from '../../domain/testing/builders';
import { PgConnection } from '../store/postgres/connection';
import { PostgresStore } from '../store/postgres-store';

const [url, callSid, number, dateCreated] = process.argv.slice(2);
if (url === undefined || callSid === undefined || number === undefined || dateCreated === undefined) {
  throw new Error('usage: pg-second-instance <database url> <call sid> <number> <date created>');
}
const store = new PostgresStore(PgConnection.open(url));
try {
  store.upsertCalls([callOf(callSid, { number, dateCreated, status: 'no-answer', durationSec: 0 })], 'sync');
} finally {
  store.close();
}
