// Webhooks arriving together are stored together: each request still gets its own exact answer, the group is one
// durable commit with one pass over its calls, and browsers hear of each campaign's change once per group.
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { campaign, makeKit, RECEIVED_AT } from '../testing/webhook-kit';
import { storeArrivals } from './ingest-group';
import type { Arrival } from './ingest-group';
import { parseWebhookEvent } from './webhook-event';

/** Long enough that every request of a test lands in one group, however slow the machine. */
const ONE_GROUP_MS = 200;

const call = (campaignId: string, sid: string, status: string, number = '+919800000001') => ({
  campaign_sid: campaignId,
  call_sid: sid,
  number,
  status,
  date_created: '2024-01-15T09:05:00+05:30',
});

/** The store, counting durable commits and the call records each upsert pass carried. */
function countingStore() {
  const store = openSqliteStore(':memory:');
  const counts = { durableCommits: 0, upsertPasses: [] as number[] };
  const counted: CallboardStore = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'durableTransaction') {
        return <T>(fn: () => T): Promise<T> => {
          counts.durableCommits++;
          return target.durableTransaction(fn);
        };
      }
      if (property === 'upsertCalls') {
        return (...args: Parameters<CallboardStore['upsertCalls']>) => {
          counts.upsertPasses.push(args[0].length);
          return target.upsertCalls(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: counted, counts };
}

async function answer(res: Response): Promise<[number, string]> {
  const body: unknown = await res.json();
  const outcome = typeof body === 'object' && body !== null && 'outcome' in body ? String(body.outcome) : 'error';
  return [res.status, outcome];
}

describe('a group of webhooks arriving together', () => {
  it('answers each request exactly: applied, duplicate, quarantined and a bad one, in one commit and one pass over the calls', async () => {
    const { store, counts } = countingStore();
    const kit = makeKit({ store, campaigns: [campaign('c1'), campaign('c2')], groupCommitWindowMs: ONE_GROUP_MS });
    expect((await kit.post('call-status', call('c1', 'sid-old', 'busy'))).status).toBe(200);
    const before = { ...counts, upsertPasses: [...counts.upsertPasses] };

    const answers = await Promise.all([
      kit.post('call-status', call('c1', 'sid-a', 'completed')).then(answer),
      kit.post('call-status', call('c2', 'sid-b', 'no-answer', '+919800000002')).then(answer),
      kit.post('call-status', call('c1', 'sid-a', 'completed')).then(answer),
      kit.post('call-status', call('c1', 'sid-old', 'busy')).then(answer),
      kit.post('call-status', call('c7', 'sid-c', 'completed')).then(answer),
      kit.post('call-status', call('c1', 'sid-d', 'exploded')).then(answer),
    ]);

    // The two deliveries of sid-a: whichever was first is applied, the other is its duplicate.
    expect([answers[0], answers[2]].map(([, outcome]) => outcome).sort()).toEqual(['applied', 'duplicate']);
    expect([answers[1], answers[3], answers[4], answers[5]]).toEqual([
      [200, 'applied'],
      [200, 'duplicate'],
      [200, 'quarantined'],
      [400, 'error'],
    ]);
    expect(counts.durableCommits - before.durableCommits).toBe(1);
    expect(counts.upsertPasses.slice(before.upsertPasses.length)).toEqual([2]);
    expect(kit.store.webhookHealth()).toMatchObject({ accepted: 3, duplicate: 2, rejected: 1, quarantined: 1 });
    expect(kit.store.reportCalls('c1').map((row) => row.status).sort()).toEqual(['busy', 'completed']);
    expect(kit.store.findCampaignForCall('sid-b')).toBe('c2');
  });

  it('tells browsers once per campaign and kind of change, not once per webhook', async () => {
    const kit = makeKit({ campaigns: [campaign('c1'), campaign('c2')], groupCommitWindowMs: ONE_GROUP_MS });
    const posts = [
      call('c1', 'sid-1', 'busy'),
      call('c1', 'sid-2', 'completed', '+919800000002'),
      call('c1', 'sid-3', 'completed', '+919800000003'),
      call('c1', 'sid-4', 'no-answer', '+919800000004'),
      call('c2', 'sid-5', 'failed', '+919800000005'),
      call('c2', 'sid-6', 'busy', '+919800000006'),
    ].map((body) => kit.post('call-status', body));
    expect((await Promise.all(posts)).map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(kit.published.map((event) => `${event.campaignId}:${event.type}`).sort()).toEqual(['c1:call', 'c1:contact', 'c2:call']);
  });

  it('answers nothing before the commit: a commit that fails refuses every request of the group, and tells no browser', async () => {
    const store = openSqliteStore(':memory:');
    const failingCommit: CallboardStore = new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'durableTransaction') {
          // The work runs, then the commit's sync to disk fails: nothing of it may be acknowledged.
          return (fn: () => unknown) =>
            target.durableTransaction(() => {
              fn();
              throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_FSYNC' });
            });
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const kit = makeKit({ store: failingCommit, groupCommitWindowMs: ONE_GROUP_MS });
    const answers = await Promise.all([1, 2, 3].map((n) => kit.post('call-status', call('c1', `sid-${n}`, 'completed', `+91980000000${n}`))));
    expect(answers.map((res) => res.status)).toEqual([503, 503, 503]);
    expect(kit.published).toEqual([]);
    expect(store.reportCalls('c1')).toEqual([]);
    expect(store.webhookHealth()).toMatchObject({ accepted: 0, duplicate: 0 });
  });
});

describe('placing events of one group', () => {
  const arrival = (body: Record<string, unknown>, campaignHint: string | null = null): Arrival => {
    const parsed = parseWebhookEvent('call-status', body, RECEIVED_AT.getTime());
    if (!parsed.ok) throw new Error(parsed.error);
    return { event: parsed.event, delivery: { campaignHint, receivedAt: RECEIVED_AT.toISOString(), rawBody: JSON.stringify(body) } };
  };

  it('places a campaign-less event by a call met earlier in the same group, before that call is written', async () => {
    const store = openSqliteStore(':memory:');
    // Two campaigns in progress, both calling the number: only the call's sid can place the guide-dialect event.
    store.upsertCampaigns([campaign('c1'), campaign('c2')], '2024-01-15T09:00:00+05:30');
    const other = arrival(call('c1', 'sid-y', 'busy', '+919800000009'));
    const ringing = arrival(call('c2', 'sid-x', 'in-progress', '+919800000009'));
    const ended = arrival({ CallSid: 'sid-x', To: '+919800000009', Status: 'completed', Duration: '31', DateCreated: '2024-01-15T09:05:00+05:30' });
    const outcomes = await store.durableTransaction(() => storeArrivals(store, [other, ringing, ended]));
    expect(outcomes.map((outcome) => outcome.result)).toEqual([
      { outcome: 'applied', campaignId: 'c1' },
      { outcome: 'applied', campaignId: 'c2' },
      { outcome: 'applied', campaignId: 'c2' },
    ]);
    expect(store.reportCalls('c2')).toMatchObject([{ status: 'completed', durationSec: 31 }]);
    expect(store.webhookHealth().quarantined).toBe(0);
  });
});
