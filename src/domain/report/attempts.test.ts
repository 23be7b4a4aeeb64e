import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withAttemptNumbers } from './attempts';
import { call, callArbitrary, MINUTE_MS, T0 } from '../testing/report-fixtures';

describe('withAttemptNumbers', () => {
  it("keeps Exotel's attempt_number when it gave one", () => {
    const calls = [call('a', 'busy', T0 + MINUTE_MS, { attemptNumber: 3 }), call('a', 'completed', T0, { attemptNumber: 1 })];
    expect(withAttemptNumbers(calls).map((c) => c.attempt)).toEqual([3, 1]);
  });

  it("orders one number's calls by time when Exotel gave no attempt number, whatever order they arrive in", () => {
    const calls = [
      call('a', 'completed', T0 + 60 * MINUTE_MS),
      call('b', 'busy', T0),
      call('a', 'busy', T0),
      call('a', 'no-answer', T0 + 30 * MINUTE_MS),
    ];
    expect(withAttemptNumbers(calls).map((c) => [c.number, c.status, c.attempt])).toEqual([
      ['a', 'completed', 3],
      ['b', 'busy', 1],
      ['a', 'busy', 1],
      ['a', 'no-answer', 2],
    ]);
  });

  it('puts a final call before an in-progress one made at the same instant', () => {
    const calls = [call('a', 'in-progress', T0), call('a', 'busy', T0)];
    expect(withAttemptNumbers(calls).map((c) => [c.status, c.attempt])).toEqual([
      ['in-progress', 2],
      ['busy', 1],
    ]);
  });

  it('derives numbers from time order even when other calls of the number carry one', () => {
    const calls = [call('a', 'busy', T0 + 30 * MINUTE_MS), call('a', 'busy', T0, { attemptNumber: 1 })];
    expect(withAttemptNumbers(calls).map((c) => c.attempt)).toEqual([2, 1]);
  });

  it('gives the same attempt to the same call in any input order', () => {
    const key = (c: { number: string; status: string; at: number; durationSec: number | null; price: number | null; attempt: number }): string =>
      `${c.number}|${c.at}|${c.status}|${c.durationSec}|${c.price}|${c.attempt}`;
    fc.assert(
      fc.property(
        fc.array(callArbitrary, { maxLength: 30 }).chain((calls) =>
          fc.tuple(fc.constant(calls), fc.shuffledSubarray(calls, { minLength: calls.length, maxLength: calls.length })),
        ),
        ([calls, shuffled]) => {
          expect(withAttemptNumbers(shuffled).map(key).sort()).toEqual(withAttemptNumbers(calls).map(key).sort());
        },
      ),
    );
  });

  it('numbers a number\'s calls 1..n when Exotel gave none', () => {
    fc.assert(
      fc.property(fc.array(callArbitrary.map((c) => ({ ...c, attemptNumber: null })), { maxLength: 30 }), (calls) => {
        const byNumber = new Map<string, number[]>();
        for (const c of withAttemptNumbers(calls)) byNumber.set(c.number, [...(byNumber.get(c.number) ?? []), c.attempt]);
        for (const attempts of byNumber.values()) expect(attempts.sort((a, b) => a - b)).toEqual(attempts.map((_, i) => i + 1));
      }),
    );
  });
});
