import { describe, expect, it } from 'vitest';
import { CALL_STATUSES, type CallStatus } from '../call-status';
import { DECIDING_RANK } from '../contacts/fold-contact';
import { statusCode, toColumns } from './call-columns';
import { call, T0 } from '../testing/report-fixtures';

const known = new Set<string>(CALL_STATUSES);
const isCallStatus = (value: string): value is CallStatus => known.has(value);

describe('toColumns', () => {
  it('codes every status as its deciding rank, also for strings that are not interned', () => {
    for (const status of CALL_STATUSES) {
      expect(statusCode(status)).toBe(DECIDING_RANK[status]);
      const fresh = [...status].join(''); // built at run time, as SQLite rows are
      expect(isCallStatus(fresh) && statusCode(fresh)).toBe(DECIDING_RANK[status]);
    }
  });

  it('groups calls by number and keeps unknown durations and prices apart from zero', () => {
    const columns = toColumns([
      call('a', 'completed', T0, { durationSec: null, price: 0 }),
      call('b', 'in-progress', T0 + 5),
      call('a', 'busy', T0 + 9, { durationSec: 0, price: null }),
    ]);
    expect(columns.contactCount).toBe(2);
    expect([...columns.contactOf]).toEqual([0, 1, 0]);
    expect([...columns.attempt]).toEqual([1, 1, 2]);
    expect([...columns.durationSec]).toEqual([Number.NaN, 0, 0]);
    expect([...columns.price]).toEqual([0, 1, Number.NaN]);
    expect([columns.firstEndedAt, columns.lastEndedAt]).toEqual([T0, T0 + 9]);
  });
});
