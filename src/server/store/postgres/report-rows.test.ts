// Report rows kept in memory by one instance follow what another instance writes: new calls, changed calls, and
// calls moved to another campaign; a rolled-back write leaves nothing behind.
import { afterEach, describe, expect, it } from 'vitest';
import { callOf } from '../../../domain/testing/builders';
import { testDatabaseUrl } from '../../testing/store-implementations';
import { openPostgresStore, type PostgresStore } from '../postgres-store';

const opened: PostgresStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

/** Two instances' stores on one (emptied) database. */
function twoInstances(): [PostgresStore, PostgresStore] {
  const url = testDatabaseUrl();
  const a = openPostgresStore(url);
  const b = openPostgresStore(url);
  opened.push(a, b);
  a.connection.run('DELETE FROM calls');
  a.connection.run('DELETE FROM contacts');
  a.connection.run('DELETE FROM campaign_call_writes');
  return [a, b];
}

const statuses = (rows: { number: string; status: string }[]) => rows.map((row) => `${row.number} ${row.status}`).sort();

describe('report rows on PostgreSQL', () => {
  it("include what another instance wrote after they were first read", () => {
    const [a, b] = twoInstances();
    a.upsertCalls([callOf('s1', { campaignId: 'c1', number: '+919800000001', status: 'busy' })], 'sync');
    expect(statuses(a.reportCalls('c1'))).toEqual(['+919800000001 busy']);
    b.upsertCalls([callOf('s2', { campaignId: 'c1', number: '+919800000002', status: 'completed' })], 'sync');
    b.upsertCalls([callOf('s1', { campaignId: 'c1', number: '+919800000001', status: 'completed' })], 'sync');
    expect(statuses(a.reportCalls('c1'))).toEqual(['+919800000001 completed', '+919800000002 completed']);
    expect(statuses(b.reportCalls('c1'))).toEqual(statuses(a.reportCalls('c1')));
  });

  it('drop a call that another instance moved to another campaign', () => {
    const [a, b] = twoInstances();
    a.upsertCalls([callOf('s1', { campaignId: 'c1', number: '+919800000001' }), callOf('s2', { campaignId: 'c1', number: '+919800000002' })], 'sync');
    expect(a.reportCalls('c1')).toHaveLength(2);
    b.upsertCalls([callOf('s2', { campaignId: 'c2', number: '+919800000002' })], 'sync');
    expect(statuses(a.reportCalls('c1'))).toEqual(['+919800000001 completed']);
    expect(statuses(a.reportCalls('c2'))).toEqual(['+919800000002 completed']);
  });

  it('keep nothing of a write that rolled back', () => {
    const [a] = twoInstances();
    a.upsertCalls([callOf('s1', { campaignId: 'c1', number: '+919800000001' })], 'sync');
    expect(a.reportCalls('c1')).toHaveLength(1);
    expect(() =>
      a.transaction(() => {
        a.upsertCalls([callOf('s2', { campaignId: 'c1', number: '+919800000002' })], 'sync');
        expect(a.reportCalls('c1')).toHaveLength(2);
        throw new Error('abandoned');
      }),
    ).toThrow('abandoned');
    expect(a.reportCalls('c1')).toHaveLength(1);
  });
});
