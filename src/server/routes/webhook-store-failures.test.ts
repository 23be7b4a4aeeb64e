// A webhook answers 503 ("deliver again") only when storing failed for a passing reason; an event that would fail
// the same way on every delivery gets a 500, so Exotel is not asked to retry it forever.
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { makeKit } from '../testing/webhook-kit';
import { isTransientStoreFailure } from './webhooks';

const call = { campaign_sid: 'c1', call_sid: 'sid-1', number: '+919800000001', status: 'completed', date_created: '2024-01-15T09:05:00+05:30' };

function storeFailingWith(error: Error): CallboardStore {
  const store = openSqliteStore(':memory:');
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'transaction' || property === 'durableTransaction') return () => { throw error; };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('a webhook whose event cannot be stored', () => {
  it('answers 503 when SQLite is busy, so Exotel delivers again', async () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const kit = makeKit({ store: storeFailingWith(busy) });
    expect((await kit.post('call-status', call)).status).toBe(503);
  });

  it('answers 500, not 503, when the failure would repeat on every delivery', async () => {
    const kit = makeKit({ store: storeFailingWith(new RangeError('Maximum call stack size exceeded')) });
    const res = await kit.post('call-status', call);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'the event could not be processed' });
    expect(kit.logger.lines.find((line) => line.event === 'webhook.store_failed')?.fields).toMatchObject({ transient: false });
  });

  it.each([
    [Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }), true],
    [new Error('SQLITE_FULL: database or disk is full'), true],
    [new TypeError('The database connection is not open'), true],
    [Object.assign(new Error('CHECK constraint failed'), { code: 'SQLITE_CONSTRAINT_CHECK' }), false],
    [new RangeError('Maximum call stack size exceeded'), false],
  ])('%s is transient: %s', (error, transient) => {
    expect(isTransientStoreFailure(error)).toBe(transient);
  });
});
