// Property: the stored calls and contacts do not depend on the order, batching or repetition of upserts. Sync
// re-reads and webhook deliveries arrive in any order and more than once; the dashboard must end up the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { CALL_STATUSES, type FinalCallStatus } from '../../domain/call-status';
import type { CallRecord } from '../../domain/campaign';
import { SqliteStore, openSqliteDatabase } from './sqlite-store';
import type { CallSource } from './store';
import { callOf } from '../../domain/testing/builders';

const FINAL_STATUSES = CALL_STATUSES.filter((s): s is FinalCallStatus => s !== 'in-progress');
const NUMBERS = ['+919800000001', '+919800000002', '+919800000003'];

interface Delivery {
  record: CallRecord;
  source: CallSource;
}

/** One call as each source reports it in full, and the partial or earlier (ringing) versions of those reports. */
const callArb = (sid: string) =>
  fc
    .record({
      number: fc.constantFrom(...NUMBERS),
      minute: fc.integer({ min: 0, max: 5 }),
      syncStatus: fc.constantFrom(...FINAL_STATUSES),
      webhookStatus: fc.constantFrom(...FINAL_STATUSES),
      webhookSkewSec: fc.integer({ min: 0, max: 3 }),
      duration: fc.option(fc.integer({ min: 0, max: 300 })),
      price: fc.option(fc.double({ min: 0, max: 5, noNaN: true })),
      attempt: fc.option(fc.integer({ min: 1, max: 4 })),
      withSync: fc.boolean(),
      withWebhook: fc.boolean(),
      partials: fc.array(fc.record({ source: fc.constantFrom<CallSource>('sync', 'webhook'), ringing: fc.boolean(), dropDuration: fc.boolean(), dropPrice: fc.boolean() }), { maxLength: 3 }),
    })
    .map((c): Delivery[] => {
      const minute = String(c.minute).padStart(2, '0');
      const full: Record<CallSource, CallRecord> = {
        sync: callOf(sid, {
          number: c.number,
          name: `Name ${c.number.slice(-1)}`,
          status: c.syncStatus,
          dateCreated: `2025-03-01T10:${minute}:00+05:30`,
          durationSec: c.duration,
          price: c.price,
          attemptNumber: c.attempt,
        }),
        webhook: callOf(sid, {
          number: c.number,
          name: null,
          status: c.webhookStatus,
          dateCreated: `2025-03-01T10:${minute}:0${c.webhookSkewSec}+05:30`,
          startTime: null,
          endTime: null,
          durationSec: c.duration === null ? null : c.duration + 1,
          price: null,
          attemptNumber: c.attempt,
        }),
      };
      const deliveries: Delivery[] = [];
      if (c.withSync) deliveries.push({ record: full.sync, source: 'sync' });
      if (c.withWebhook) deliveries.push({ record: full.webhook, source: 'webhook' });
      for (const p of c.partials) {
        const base = full[p.source];
        deliveries.push({
          source: p.source,
          record: {
            ...base,
            status: p.ringing ? 'in-progress' : base.status,
            durationSec: p.ringing || p.dropDuration ? null : base.durationSec,
            price: p.ringing || p.dropPrice ? null : base.price,
            endTime: p.ringing ? null : base.endTime,
          },
        });
      }
      return deliveries;
    });

const deliveriesArb = fc
  .tuple(callArb('s1'), callArb('s2'), callArb('s3'), callArb('s4'))
  .map((calls) => calls.flat())
  .filter((all) => all.length > 0);

/** Applies deliveries in the given order, cut into batches of the given sizes (a sync page, a webhook each). */
function applyAll(deliveries: readonly Delivery[], batchSizes: readonly number[]): Database.Database {
  const db = openSqliteDatabase(':memory:');
  const store = new SqliteStore(db);
  let i = 0;
  let b = 0;
  while (i < deliveries.length) {
    const size = Math.max(1, batchSizes[b++ % Math.max(1, batchSizes.length)] ?? 1);
    // One upsert call takes one source; a batch stops where the source changes.
    const first = deliveries[i]!;
    const batch: CallRecord[] = [];
    while (i < deliveries.length && batch.length < size && deliveries[i]!.source === first.source) batch.push(deliveries[i++]!.record);
    store.upsertCalls(batch, first.source);
  }
  return db;
}

function tables(db: Database.Database): unknown {
  return {
    calls: db.prepare('SELECT * FROM calls ORDER BY call_sid').all().map((row) => ({ ...Object(row), updated_at: null })),
    // search_id is the search index's internal key (assigned in arrival order), not part of the contact.
    contacts: db.prepare('SELECT * FROM contacts ORDER BY campaign_id, number').all().map((row) => ({ ...Object(row), search_id: null })),
  };
}

describe('upsertCalls order independence', () => {
  it('gives the same calls and contacts for any order, batching and repetition of the same deliveries', () => {
    fc.assert(
      fc.property(
        deliveriesArb.chain((deliveries) =>
          fc.tuple(
            fc.constant(deliveries),
            fc.shuffledSubarray(deliveries, { minLength: deliveries.length, maxLength: deliveries.length }),
            fc.array(fc.nat({ max: deliveries.length - 1 }), { maxLength: 4 }),
            fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
          ),
        ),
        ([original, shuffled, repeats, batchSizes]) => {
          const repeated = [...shuffled, ...repeats.map((index) => original[index]!)];
          const a = applyAll(original, [1]);
          const b = applyAll(repeated, batchSizes);
          expect(tables(b)).toEqual(tables(a));
          a.close();
          b.close();
        },
      ),
      { numRuns: 150 },
    );
  });
});
