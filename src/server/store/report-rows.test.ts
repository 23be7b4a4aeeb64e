// The in-memory report rows stay equal to what is committed, whatever the mix of writes, reads and rollbacks:
// a second connection reading the same file from scratch must see exactly the same rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_STATUSES } from '../../domain/call-status';
import type { ReportCall } from '../../domain/report-input';
import { openSqliteStore } from './sqlite-store';
import { callOf } from '../../domain/testing/builders';

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

describe('report rows kept in memory', () => {
  it('always equal a fresh read of the committed database', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 25 }), (operations) => {
        const dir = mkdtempSync(join(tmpdir(), 'callboard-report-rows-'));
        const path = join(dir, 'callboard.db');
        const store = openSqliteStore(path);
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
          const fresh = openSqliteStore(path);
          for (const campaignId of ['c1', 'c2']) expect(sorted(store.reportCalls(campaignId))).toEqual(sorted(fresh.reportCalls(campaignId)));
          fresh.close();
        } finally {
          store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 100 },
    );
  });
});
