// Exotel delivers webhooks in any order and more than once. Whatever the order, the stored campaign must end up
// the same, and equal to what the calls really did.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CallStatus } from '../../domain/call-status';
import { campaign, makeKit } from '../testing/webhook-kit';

const FINAL_STATUSES = ['completed', 'busy', 'no-answer', 'failed'] as const;
const NUMBERS = ['+919800000000', '+919800000001', '+919800000002', '+919800000003'];

interface Delivery {
  kind: 'call-status' | 'call-schedule' | 'campaign-status';
  body: Record<string, unknown>;
  contentType: string;
  query?: string;
}

interface Attempt {
  number: string;
  final: (typeof FINAL_STATUSES)[number];
  ringingEventToo: boolean;
  durationSec: number;
  pascal: boolean;
  form: boolean;
}

const attemptArb: fc.Arbitrary<Attempt> = fc.record({
  number: fc.constantFrom(...NUMBERS),
  final: fc.constantFrom(...FINAL_STATUSES),
  ringingEventToo: fc.boolean(),
  durationSec: fc.integer({ min: 1, max: 300 }),
  pascal: fc.boolean(),
  form: fc.boolean(),
});

function minute(n: number): string {
  return new Date(Date.parse('2024-01-15T09:00:00+05:30') + n * 60_000).toISOString();
}

/** Every webhook the campaign sends: per attempt a final (and maybe a ringing) call-status, per number a schedule, two campaign statuses. */
function deliveriesOf(attempts: Attempt[]): Delivery[] {
  const deliveries: Delivery[] = [];
  attempts.forEach((attempt, index) => {
    const callSid = `sid-${index}`;
    const contentType = attempt.form ? 'application/x-www-form-urlencoded' : 'application/json';
    const duration = attempt.final === 'completed' ? attempt.durationSec : 0;
    const event = (status: string): Delivery =>
      attempt.pascal
        ? { kind: 'call-status', contentType, query: 'campaign=c1', body: { CallSid: callSid, To: attempt.number, From: '0XX', Status: status, Duration: String(status === 'ringing' ? 0 : duration), DateCreated: minute(index) } }
        : { kind: 'call-status', contentType, body: { campaign_sid: 'c1', call_sid: callSid, number: attempt.number, status, date_created: minute(index), date_updated: minute(index + 1) } };
    deliveries.push(event(attempt.final));
    if (attempt.ringingEventToo) deliveries.push(event(attempt.pascal ? 'ringing' : 'in-progress'));
  });
  for (const number of new Set(attempts.map((attempt) => attempt.number))) {
    const last = attempts.filter((attempt) => attempt.number === number).at(-1);
    if (last) deliveries.push({ kind: 'call-schedule', contentType: 'application/json', body: { To: number, FinalStatus: last.final, AttemptCount: 1, CampaignSid: 'c1' } });
  }
  deliveries.push({ kind: 'campaign-status', contentType: 'application/json', body: { campaign_sid: 'c1', status: 'InProgress', date_updated: minute(1) } });
  deliveries.push({ kind: 'campaign-status', contentType: 'application/x-www-form-urlencoded', body: { CampaignSid: 'c1', Status: 'Completed', Stats: { created: attempts.length, completed: 1 } } });
  deliveries.push({ kind: 'campaign-status', contentType: 'application/json', body: { campaign_sid: 'c1', status: 'Completed', date_updated: minute(600) } });
  return deliveries;
}

async function finalState(deliveries: Delivery[]) {
  const kit = makeKit({ campaigns: [campaign('c1')] });
  for (const delivery of deliveries) {
    const res = await kit.post(delivery.kind, delivery.body, { contentType: delivery.contentType, query: delivery.query });
    expect(res.status).toBe(200);
  }
  const stored = kit.store.getCampaign('c1');
  const { lastAt: _lastAt, ...health } = kit.store.webhookHealth();
  return {
    calls: kit.store.reportCalls('c1').sort((a, b) => a.at - b.at),
    contacts: kit.store.queryContacts('c1', { q: '', sort: 'number:asc', offset: 0, limit: 500 }).rows,
    campaign: { status: stored?.status, stats: stored?.stats, dateUpdated: stored?.dateUpdated },
    health,
  };
}

describe('arrival order', () => {
  it('never changes the final stored state, and repeated deliveries count once', async () => {
    const scenario = fc
      .array(attemptArb, { minLength: 1, maxLength: 6 })
      .chain((attempts) => {
        const deliveries = deliveriesOf(attempts);
        return fc.record({
          attempts: fc.constant(attempts),
          deliveries: fc.constant(deliveries),
          order: fc.array(fc.nat(), { minLength: deliveries.length, maxLength: deliveries.length }),
          repeats: fc.array(fc.nat({ max: deliveries.length - 1 }), { maxLength: 6 }),
        });
      });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ attempts, deliveries, order, repeats }) => {
        const inOrder = await finalState(deliveries);
        const shuffled = [...deliveries, ...repeats.flatMap((index) => deliveries.slice(index, index + 1))]
          .map((delivery, index) => ({ delivery, key: order[index % order.length] ?? 0, index }))
          .sort((a, b) => a.key - b.key || b.index - a.index)
          .map(({ delivery }) => delivery);
        const outOfOrder = await finalState(shuffled);
        expect(outOfOrder).toEqual({ ...inOrder, health: { ...inOrder.health, duplicate: inOrder.health.duplicate + repeats.length } });

        // And the state is the truth: every attempt with its final status, the duration of those that connected.
        const truth: { status: CallStatus; durationSec: number | null }[] = attempts.map((attempt) => ({
          status: attempt.final,
          durationSec: attempt.pascal ? (attempt.final === 'completed' ? attempt.durationSec : 0) : null,
        }));
        expect(outOfOrder.calls.map((call) => ({ status: call.status, durationSec: call.durationSec }))).toEqual(truth);
        expect(outOfOrder.campaign.status).toBe('completed');
        expect(outOfOrder.health).toMatchObject({ rejected: 0, quarantined: 0 });
      }),
      { numRuns: 40 },
    );
  });
});
