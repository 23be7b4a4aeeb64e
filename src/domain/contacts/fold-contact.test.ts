import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CALL_STATUSES } from '../call-status';
import { DECIDING_RANK, STATUS_BY_DECIDING_RANK, foldContact, type ContactAttempt } from './fold-contact';

const T = Date.parse('2024-02-01T10:00:00+05:30');
const attempt = (status: ContactAttempt['status'], at: number, durationSec: number | null = null, name: string | null = null): ContactAttempt => ({
  status,
  at,
  durationSec,
  name,
});

describe('foldContact', () => {
  it.each([
    {
      case: 'the latest attempt decides',
      attempts: [attempt('busy', T), attempt('no-answer', T + 60_000)],
      finalStatus: 'no-answer',
    },
    {
      case: 'a late in-progress delivery never overwrites an outcome made at the same instant',
      attempts: [attempt('completed', T, 43), attempt('in-progress', T)],
      finalStatus: 'completed',
    },
    {
      case: 'a contact answered on any attempt is completed, even with a stray later record',
      attempts: [attempt('completed', T, 43), attempt('no-answer', T + 60_000, 0)],
      finalStatus: 'completed',
    },
    {
      case: 'a newer retry still ringing shows the contact in progress',
      attempts: [attempt('busy', T), attempt('in-progress', T + 60_000)],
      finalStatus: 'in-progress',
    },
    {
      case: 'arrival order does not matter',
      attempts: [attempt('failed', T + 120_000), attempt('busy', T), attempt('no-answer', T + 60_000)],
      finalStatus: 'failed',
    },
  ])('$case', ({ attempts, finalStatus }) => {
    expect(foldContact(attempts).finalStatus).toBe(finalStatus);
  });

  it('reports attempts, first and last call, the connected call duration and the latest name', () => {
    const row = foldContact([
      attempt('no-answer', T + 60_000, 0, 'Asha'),
      attempt('busy', T, 0, 'asha'),
      attempt('completed', T + 120_000, 43, null),
    ]);
    expect(row).toEqual({ finalStatus: 'completed', attempts: 3, lastDurationSec: 43, firstCallAt: T, lastCallAt: T + 120_000, name: 'Asha' });
  });

  it('refuses an empty attempt list', () => {
    expect(() => foldContact([])).toThrow();
  });

  it('ranks every status and can map a rank back', () => {
    for (const status of CALL_STATUSES) expect(STATUS_BY_DECIDING_RANK[DECIDING_RANK[status]]).toBe(status);
  });

  const attemptArbitrary = fc.record({
    status: fc.constantFrom(...CALL_STATUSES),
    at: fc.integer({ min: T, max: T + 10 * 60_000 }).map((t) => t - (t % 60_000)), // coarse times: many ties
    durationSec: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
    name: fc.option(fc.constantFrom('Asha', 'Ravi', 'Meena'), { nil: null }),
  });

  it('gives the same row for the same attempts in any order', () => {
    fc.assert(
      fc.property(
        fc.array(attemptArbitrary, { minLength: 1, maxLength: 8 }).chain((attempts) =>
          fc.tuple(fc.constant(attempts), fc.shuffledSubarray(attempts, { minLength: attempts.length, maxLength: attempts.length })),
        ),
        ([attempts, shuffled]) => {
          expect(foldContact(shuffled)).toEqual(foldContact(attempts));
        },
      ),
    );
  });

  it('is completed exactly when some attempt was answered', () => {
    fc.assert(
      fc.property(fc.array(attemptArbitrary, { minLength: 1, maxLength: 8 }), (attempts) => {
        const answered = attempts.some((a) => a.status === 'completed');
        expect(foldContact(attempts).finalStatus === 'completed').toBe(answered);
      }),
    );
  });
});
