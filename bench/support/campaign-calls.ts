// One large campaign's call attempts for the store benches: contacts called 1-4 times (about two attempts each on
// average), about half connecting on the first try, names from a small pool. Seeded, so every run stores the same.
// contact-search.bench.ts (SQLite) and postgres-calls.bench.ts (PostgreSQL) both load it, so their figures compare.
import type { CallStatus } from '../../src/domain/call-status';
import type { CallRecord } from '../../src/domain/campaign';
import { mulberry32 as random } from '../../mocks/exotel/random';

export const BENCH_START = Date.parse('2025-03-01T09:00:00+05:30');

const FIRST = ['Asha', 'Ravi', 'Priya', 'Arjun', 'Meena', 'Suresh', 'Kavita', 'Imran', 'Deepa', 'Vikram', 'Lakshmi', 'Rahul', 'Fatima', 'Gopal', 'Nisha'];
const LAST = ['Rao', 'Kumar', 'Sharma', 'Iyer', 'Khan', 'Patel', 'Reddy', 'Nair', 'Singh', 'Das', 'Menon', 'Joshi'];

/** `contacts` contacts with `calls` attempts in all, in batches of `batchSize` (a sync page). */
export function* campaignCallBatches(campaignId: string, contacts: number, calls: number, batchSize: number): Generator<CallRecord[]> {
  const next = random(42);
  let batch: CallRecord[] = [];
  let made = 0;
  for (let c = 0; c < contacts; c++) {
    const number = `+91${9_000_000_000 + Math.floor(next() * 999_999_999)}`;
    const name = next() < 0.1 ? null : `${FIRST[Math.floor(next() * FIRST.length)]} ${LAST[Math.floor(next() * LAST.length)]}`;
    const attempts = c === contacts - 1 ? Math.max(1, calls - made) : 1 + Math.floor(next() * 3.02);
    let at = BENCH_START + Math.floor(next() * 3 * 86_400_000);
    for (let a = 1; a <= attempts && made < calls + 4; a++) {
      const roll = next();
      const status: CallStatus = roll < 0.45 ? 'completed' : roll < 0.65 ? 'busy' : roll < 0.93 ? 'no-answer' : roll < 0.99 ? 'failed' : 'in-progress';
      batch.push({
        callSid: `sid-${c}-${a}`,
        campaignId,
        number,
        name,
        status,
        dateCreated: new Date(at).toISOString(),
        startTime: null,
        endTime: null,
        durationSec: status === 'completed' ? 10 + Math.floor(next() * 200) : 0,
        price: 1,
        attemptNumber: a,
        recordingUrl: null,
        digits: null,
      });
      made++;
      at += 30 * 60_000;
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** A new completed call, as a webhook would bring it while the report is being watched. */
export function webhookCall(campaignId: string, i: number): CallRecord {
  return {
    callSid: `webhook-${i}`,
    campaignId,
    number: `+9170000${String(i).padStart(5, '0')}`,
    name: null,
    status: 'completed',
    dateCreated: new Date(BENCH_START + i * 60_000).toISOString(),
    startTime: null,
    endTime: null,
    durationSec: 42,
    price: 1,
    attemptNumber: 1,
    recordingUrl: null,
    digits: null,
  };
}
