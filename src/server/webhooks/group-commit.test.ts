// A webhook is acknowledged only once it is durably stored: concurrent arrivals share one fsynced commit, and
// one event that cannot be stored does not refuse the others of its batch.
import { describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../store/sqlite/connection';
import { SqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { GroupCommit } from './group-commit';
import { makeKit } from '../testing/webhook-kit';

const call = (sid: string) => ({ campaign_sid: 'c1', call_sid: sid, number: '+919800000001', status: 'completed', date_created: '2024-01-15T09:05:00+05:30' });

describe('durable webhook acknowledgement', () => {
  it('stores every acknowledged event inside a durable commit, one commit for a burst', async () => {
    const db = openSqliteDatabase(':memory:');
    const store = new SqliteStore(db);
    let durableCommits = 0;
    let durable = false;
    const writes: boolean[] = [];
    const watched: CallboardStore = new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'durableTransaction') {
          return <T>(fn: () => T): Promise<T> => {
            durableCommits++;
            return target.durableTransaction(() => {
              durable = true;
              try {
                return fn();
              } finally {
                durable = false;
              }
            });
          };
        }
        if (property === 'recordWebhookEvent') {
          return (...args: Parameters<CallboardStore['recordWebhookEvent']>) => {
            writes.push(durable);
            return target.recordWebhookEvent(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const kit = makeKit({ store: watched });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => kit.post('call-status', call(`sid-${i}`))));
    expect(answers.map((res) => res.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(writes).toEqual(Array.from({ length: 20 }, () => true));
    expect(durableCommits).toBeLessThan(5);
    // Every commit runs at NORMAL: durability comes from flushing the WAL afterwards (wal-sync.ts).
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('refuses only the item that fails; the rest of its group commits', async () => {
    const store = new SqliteStore(openSqliteDatabase(':memory:'));
    const commits = new GroupCommit<number, number>(
      store,
      (counts) =>
        counts.map((count) => {
          store.noteMalformedRecords(count);
          if (count === 100) throw new Error('this event breaks a rule');
          return count;
        }),
      1,
    );
    const results = await Promise.allSettled([commits.submit(1), commits.submit(100), commits.submit(2)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.malformedRecords()).toBe(3);
  });
});

describe('after a group commits', () => {
  it('answers every item with its result even when telling others of the commit fails, and stores nothing twice', async () => {
    const store = new SqliteStore(openSqliteDatabase(':memory:'));
    let stored = 0;
    const commits = new GroupCommit<number, number>(
      store,
      (counts) => counts.map((count) => {
        stored++;
        store.noteMalformedRecords(count);
        return count;
      }),
      1,
      () => {
        throw new Error('a browser could not be told');
      },
    );
    expect(await Promise.all([commits.submit(1), commits.submit(2)])).toEqual([1, 2]);
    expect(stored).toBe(2);
    expect(store.malformedRecords()).toBe(3);
  });
});
