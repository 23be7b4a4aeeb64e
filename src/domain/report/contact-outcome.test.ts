import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CALL_STATUSES, type CallStatus } from '../call-status';
import type { RetryConfig } from '../campaign';
import { foldContact } from '../contacts/fold-contact';
import type { ReportCall } from '../report-input';
import { toColumns } from './call-columns';
import { scanCalls } from './call-scan';
import { contactOutcomeOf, countContactOutcomes, type ContactOutcome, type RetryOutlook } from './contact-outcome';

const retries: RetryConfig = { numberOfRetries: 2, intervalMins: 30, mechanism: 'Linear', onStatus: ['busy', 'no-answer'] };
const running: RetryOutlook = { campaignActive: true, retries };

describe('contactOutcomeOf', () => {
  it.each([
    { status: 'completed', attempts: 1, outlook: running, outcome: 'completed' },
    { status: 'in-progress', attempts: 3, outlook: running, outcome: 'inProgress' },
    { status: 'busy', attempts: 1, outlook: running, outcome: 'pending' },
    { status: 'no-answer', attempts: 2, outlook: running, outcome: 'pending' },
    { status: 'busy', attempts: 3, outlook: running, outcome: 'busy' },
    { status: 'no-answer', attempts: 3, outlook: running, outcome: 'noAnswer' },
    { status: 'failed', attempts: 1, outlook: running, outcome: 'failed' },
    { status: 'canceled', attempts: 1, outlook: running, outcome: 'failed' },
    { status: 'busy', attempts: 1, outlook: { campaignActive: false, retries }, outcome: 'busy' },
    { status: 'no-answer', attempts: 1, outlook: { campaignActive: true, retries: null }, outcome: 'noAnswer' },
  ] satisfies Array<{ status: CallStatus; attempts: number; outlook: RetryOutlook; outcome: string }>)(
    '$status after $attempts attempt(s) counts as $outcome',
    ({ status, attempts, outlook, outcome }) => {
      expect(contactOutcomeOf(status, attempts, outlook)).toBe(outcome);
    },
  );
});

const NUMBERS = ['+919800000001', '+919800000002', '+919800000003', '+919800000004'];

/** Calls of a few contacts at distinct times, without attempt numbers (so a contact's attempts are its calls). */
const callsArbitrary = fc
  .array(fc.record({ number: fc.constantFrom(...NUMBERS), status: fc.constantFrom(...CALL_STATUSES) }), { maxLength: 16 })
  .map((drawn) =>
    drawn.map(({ number, status }, i): ReportCall => ({ number, status, at: 1_700_000_000_000 + i * 60_000, durationSec: null, price: null, attemptNumber: null })),
  );

const outlookArbitrary: fc.Arbitrary<RetryOutlook> = fc.record({
  campaignActive: fc.boolean(),
  retries: fc.option(
    fc.record({
      numberOfRetries: fc.integer({ min: 0, max: 3 }),
      intervalMins: fc.constant(30),
      mechanism: fc.constant('Linear' as const),
      onStatus: fc.subarray([...CALL_STATUSES]),
    }),
    { nil: null },
  ),
});

/** What the store's contacts table holds for these calls: contacts grouped by folded final status and attempts. */
function groupedOutcomes(calls: readonly ReportCall[]): ContactOutcome[] {
  const groups = new Map<string, ContactOutcome>();
  for (const number of NUMBERS) {
    const attempts = calls.filter((call) => call.number === number).map((call) => ({ ...call, name: null }));
    if (attempts.length === 0) continue;
    const folded = foldContact(attempts);
    const key = `${folded.finalStatus}|${folded.attempts}`;
    const group = groups.get(key) ?? { status: folded.finalStatus, attempts: folded.attempts, contacts: 0 };
    group.contacts++;
    groups.set(key, group);
  }
  return [...groups.values()];
}

// scanCalls inlines contactOutcomeOf in its per-contact loop: this ties that copy to the one definition.
describe('the campaigns list and the report count contacts alike', () => {
  it('counts from grouped contact rows equal the call scan over the same calls', () => {
    fc.assert(
      fc.property(callsArbitrary, outlookArbitrary, (calls, outlook) => {
        expect(countContactOutcomes(groupedOutcomes(calls), outlook)).toEqual(scanCalls(toColumns(calls), outlook).records);
      }),
    );
  });
});
