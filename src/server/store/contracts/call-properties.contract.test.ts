// Properties of the calls port, for both stores. Order independence: the stored calls and contacts do not depend on
// the order, batching or repetition of upserts (sync re-reads and webhook deliveries arrive in any order and more
// than once; the dashboard must end up the same). Report rows kept in memory always equal a fresh read of what is
// committed, whatever the mix of writes, reads and rollbacks. PostgreSQL runs fewer cases: each is many round trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_STATUSES, type FinalCallStatus } from '../../../domain/call-status';
import type { CallRecord } from '../../../domain/campaign';
import type { ReportCall } from '../../../domain/report-input';
import { callOf } from '../../../domain/testing/builders';
import { STORE_KINDS, storesFor, type StoreKind } from '../../testing/store-implementations';
import { PostgresStore } from '../postgres-store';
import { openSqliteDatabase, SqliteStore } from '../sqlite-store';
import type { CallboardStore, CallSource } from '../store';

/** A store with a view of its raw tables and a second store object over the same database (nothing in memory). */
interface OpenedDatabase {
  store: CallboardStore;
  rows(sql: string): Record<string, unknown>[];
  fresh(): CallboardStore;
}

function opener(kind: StoreKind): () => OpenedDatabase {
  const stores = storesFor(kind);
  return () => {
    if (kind === 'sqlite') {
      const db = openSqliteDatabase(':memory:');
      const store = new SqliteStore(db);
      return { store, rows: (sql) => db.prepare(sql).all().map((row) => ({ ...Object(row) })), fresh: () => new SqliteStore(db) };
    }
    const { store } = stores.open();
    if (!(store instanceof PostgresStore)) throw new Error('expected a PostgreSQL store');
    return { store, rows: (sql) => store.connection.all(sql), fresh: () => new PostgresStore(store.connection) };
  };
}

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
function applyAll(store: CallboardStore, deliveries: readonly Delivery[], batchSizes: readonly number[]): void {
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
}

/**
 * Keys assigned in arrival order (the row id, SQLite's search index id, PostgreSQL's write number) and write times
 * are not part of the state.
 */
function tables(db: OpenedDatabase): unknown {
  const state = (row: Record<string, unknown>) => ({ ...row, id: null, search_id: null, updated_at: null, write_seq: null });
  return {
    calls: db.rows('SELECT * FROM calls ORDER BY call_sid').map(state),
    contacts: db.rows('SELECT * FROM contacts ORDER BY campaign_id, number').map(state),
  };
}

const recordArbitrary = fc.record({
  callSid: fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6'),
  campaignId: fc.constantFrom('c1', 'c2'),
  number: fc.constantFrom('+919800000001', '+919800000002', '+919800000003'),
  status: fc.constantFrom(...CALL_STATUSES),
  minute: fc.integer({ min: 0, max: 59 }),
  durationSec: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  price: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
});

const operationArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), source: fc.constantFrom('sync' as const, 'webhook' as const), records: fc.array(recordArbitrary, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('rolled-back' as const), source: fc.constantFrom('sync' as const, 'webhook' as const), records: fc.array(recordArbitrary, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('read' as const), campaignId: fc.constantFrom('c1', 'c2') }),
);

const sorted = (rows: ReportCall[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe.each(STORE_KINDS)('call properties (%s)', (kind) => {
  const open = opener(kind);
  const runs = (sqliteRuns: number, postgresRuns: number) => (kind === 'sqlite' ? sqliteRuns : postgresRuns);

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
          // One database at a time: a PostgreSQL test file has one database, emptied for each new store.
          const a = open();
          applyAll(a.store, original, [1]);
          const expected = tables(a);
          a.store.close();
          const b = open();
          applyAll(b.store, repeated, batchSizes);
          expect(tables(b)).toEqual(expected);
          b.store.close();
        },
      ),
      { numRuns: runs(150, 15) },
    );
  });

  it('keeps report rows in memory that always equal a fresh read of the committed database', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 25 }), (operations) => {
        const db = open();
        const store = db.store;
        try {
          for (const operation of operations) {
            if (operation.kind === 'read') {
              store.reportCalls(operation.campaignId);
              continue;
            }
            const records = operation.records.map((r) =>
              callOf(r.callSid, { ...r, dateCreated: `2025-03-01T10:${String(r.minute).padStart(2, '0')}:00+05:30` }),
            );
            if (operation.kind === 'write') store.upsertCalls(records, operation.source);
            else {
              expect(() =>
                store.transaction(() => {
                  store.upsertCalls(records, operation.source);
                  throw new Error('the write after it failed');
                }),
              ).toThrow('the write after it failed');
            }
          }
          const fresh = db.fresh();
          for (const campaignId of ['c1', 'c2']) expect(sorted(store.reportCalls(campaignId))).toEqual(sorted(fresh.reportCalls(campaignId)));
        } finally {
          store.close();
        }
      }),
      { numRuns: runs(100, 30) },
    );
  });
});
