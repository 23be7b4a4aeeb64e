import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildBestTime } from './best-time';
import { toColumns } from './call-columns';
import { call, T0 } from '../testing/report-fixtures';

function intlHour(ms: number, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric' }).format(new Date(ms)));
}

describe('buildBestTime', () => {
  it.each(['Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'Australia/Lord_Howe'])(
    'puts each call in the hour a clock in %s showed, across DST changes',
    (timeZone) => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: T0 - 400 * 86_400_000, max: T0 + 400 * 86_400_000 }), { minLength: 1, maxLength: 20 }), (times) => {
          const { hours } = buildBestTime(toColumns(times.map((at, i) => call(`n${i}`, 'busy', at))), timeZone);
          const expected = new Array<number>(24).fill(0);
          for (const at of times) expected[intlHour(at, timeZone)]!++;
          expect(hours.map((h) => h.attempts)).toEqual(expected);
        }),
      );
    },
  );

  it('needs 1% of all attempts in an hour before naming it best', () => {
    const calls = [];
    for (let i = 0; i < 25; i++) calls.push(call(`a${i}`, 'completed', Date.parse('2024-02-01T09:10:00+05:30') + i)); // 100%, 25 attempts
    for (let i = 0; i < 4000; i++) calls.push(call(`b${i}`, i % 2 ? 'completed' : 'busy', Date.parse('2024-02-01T11:10:00+05:30') + i)); // 50%
    const best = buildBestTime(toColumns(calls), 'Asia/Kolkata');
    expect(best.bestHour).toBe(11); // 25 of 4,025 attempts is under 1%
  });
});
