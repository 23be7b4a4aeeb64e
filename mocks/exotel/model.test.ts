// Property tests of the campaign model: whatever the settings, stats add up, retries respect their limits and
// spacing, the dialler respects its rate and concurrency, and the same seed plans the same calls.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planCampaign, retryDelayMs, statsAt, statusAt, type AttemptStatus, type CampaignSpec } from './model';
import { makeContacts } from './scenarios';
import { mulberry32 } from './random';
import { HOUR, MINUTE } from './time';

const SEND_AT = Date.UTC(2025, 2, 10, 3, 30);

const specArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    contacts: fc.integer({ min: 1, max: 60 }),
    callRatePerMin: fc.integer({ min: 1, max: 120 }),
    concurrency: fc.integer({ min: 1, max: 8 }),
    retries: fc.option(
      fc.record({
        numberOfRetries: fc.integer({ min: 0, max: 3 }),
        intervalMins: fc.integer({ min: 1, max: 90 }),
        mechanism: fc.constantFrom<'Linear' | 'Exponential'>('Linear', 'Exponential'),
        onStatus: fc.subarray<AttemptStatus>(['busy', 'no-answer', 'failed'], { minLength: 1 }),
      }),
      { nil: null },
    ),
    connect: fc.double({ min: 0, max: 0.9, noNaN: true }),
    stopAfterMins: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
    stopKind: fc.constantFrom('pause', 'end', 'force-complete'),
  })
  .map(({ seed, contacts, callRatePerMin, concurrency, retries, connect, stopAfterMins, stopKind }): CampaignSpec => {
    const stopAt = stopAfterMins === null ? null : SEND_AT + stopAfterMins * MINUTE;
    return {
      id: 'c'.repeat(32),
      name: 'Property campaign',
      callerId: '08012345678',
      contacts: makeContacts(mulberry32(seed), contacts),
      callRatePerMin,
      concurrency,
      retries,
      createdAt: SEND_AT - HOUR,
      sendAt: SEND_AT,
      endAt: stopKind === 'end' ? stopAt : null,
      pauseAt: stopKind === 'pause' || stopKind === 'force-complete' ? stopAt : null,
      forceCompleteAt: stopKind === 'force-complete' && stopAt !== null ? stopAt + 30 * MINUTE : null,
      outcomes: { kind: 'odds', connect, attemptFactor: [1, 0.7], busy: 3, noAnswer: 5, failed: 2 },
      seed,
      recordingBaseUrl: 'https://recordings.test',
    };
  });

describe('campaign model', () => {
  it('stats add up at every instant: created = completed + failed + busy + no_answer + pending + in_progress', () => {
    fc.assert(
      fc.property(specArb, fc.array(fc.integer({ min: -60, max: 3000 }), { minLength: 1, maxLength: 8 }), (spec, minutes) => {
        const plan = planCampaign(spec);
        for (const at of [...minutes.map((m) => SEND_AT + m * MINUTE), plan.settledAt, plan.settledAt + HOUR]) {
          const s = statsAt(plan, at);
          expect(s.created).toBe(spec.contacts.length);
          expect(s.completed + s.failed + s.busy + s.noAnswer + s.pending + s.inProgress).toBe(s.created);
          expect(s.inProgress).toBeLessThanOrEqual(spec.concurrency);
          expect(s.retrying).toBeLessThanOrEqual(s.pending);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a contact gets at most 1 + number_of_retries attempts, numbered 1, 2, 3 in time order', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const plan = planCampaign(spec);
        for (const contact of plan.contacts) {
          expect(contact.attempts.length).toBeLessThanOrEqual(1 + (spec.retries?.numberOfRetries ?? 0));
          contact.attempts.forEach((index, k) => expect(plan.attempts[index]!.attemptNumber).toBe(k + 1));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('retries wait at least the interval after the previous attempt ended (doubling when Exponential), and only on on_status', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const plan = planCampaign(spec);
        for (const contact of plan.contacts) {
          for (let k = 1; k < contact.attempts.length; k++) {
            const previous = plan.attempts[contact.attempts[k - 1]!]!;
            const next = plan.attempts[contact.attempts[k]!]!;
            expect(spec.retries).not.toBeNull();
            expect(next.dialAt - previous.endAt).toBeGreaterThanOrEqual(retryDelayMs(spec.retries!, k));
            expect(spec.retries!.onStatus).toContain(previous.status);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('dials no faster than the call rate, never above the concurrency, and not after pause or end_at', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const plan = planCampaign(spec);
        const gap = 60_000 / spec.callRatePerMin;
        const stopAt = Math.min(spec.pauseAt ?? Infinity, spec.endAt ?? Infinity);
        plan.attempts.forEach((a, i) => {
          expect(a.dialAt).toBeLessThan(stopAt);
          if (i > 0) expect(a.dialAt - plan.attempts[i - 1]!.dialAt).toBeGreaterThanOrEqual(Math.floor(gap) - 1);
          const active = plan.attempts.filter((b) => b.dialAt <= a.dialAt && b.endAt > a.dialAt).length;
          expect(active).toBeLessThanOrEqual(spec.concurrency);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('ends Completed with nothing pending when finished or force-completed, and Paused with contacts pending at end_at', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const plan = planCampaign(spec);
        const after = plan.settledAt + HOUR;
        const stats = statsAt(plan, after);
        const status = statusAt(plan, after);
        if (status === 'Completed') expect(stats.pending + stats.inProgress).toBe(0);
        else {
          expect(status).toBe('Paused');
          expect(stats.pending).toBeGreaterThan(0);
        }
        if (spec.forceCompleteAt !== null) expect(status).toBe('Completed');
        expect(statusAt(plan, spec.sendAt - 1)).toBe('Created');
      }),
      { numRuns: 60 },
    );
  });

  it('the same seed plans the same calls; another seed plans different ones', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const first = JSON.stringify(planCampaign(spec).attempts);
        expect(JSON.stringify(planCampaign({ ...spec }).attempts)).toBe(first);
        const other = planCampaign({ ...spec, seed: spec.seed + 1 }).attempts;
        expect(JSON.stringify(other)).not.toBe(first);
      }),
      { numRuns: 25 },
    );
  });

  it('prices one pulse per started minute of an answered call, and at most one pulse for an unanswered one', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        for (const a of planCampaign(spec).attempts) {
          if (a.status === 'completed') expect(a.price).toBe(Math.max(1, Math.ceil(a.durationSec / 60)));
          else {
            expect(a.durationSec).toBe(0);
            expect(a.price).toBeLessThanOrEqual(1);
          }
          expect(a.callSid).toMatch(/^[0-9a-f]{32}$/);
        }
      }),
      { numRuns: 30 },
    );
  });
});
