import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attemptLabel, formatAge, formatCount, formatDateTime, formatDuration, formatPercent } from './format';

describe('formatters', () => {
  it.each([
    [187500, '1,87,500'],
    [2500, '2,500'],
    [10000000, '1,00,00,000'],
    [0, '0'],
  ])('groups %i the Indian way: %s', (value, expected) => expect(formatCount(value)).toBe(expected));

  it.each([
    [0.6, '60%'],
    [0.25, '25%'],
    [125 / 750, '16.7%'],
    [0.75, '75%'],
    [null, '—'],
  ])('shows the fraction %s as %s', (value, expected) => expect(formatPercent(value)).toBe(expected));

  it.each([
    [0, '0:00'],
    [74, '1:14'],
    [59.6, '1:00'],
    [3725, '62:05'],
    [null, '—'],
  ])('shows %s seconds as %s', (value, expected) => expect(formatDuration(value)).toBe(expected));

  it('shows durations as m:ss that read back to the same whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seconds) => {
        const [minutes, rest] = formatDuration(seconds).split(':');
        expect(rest).toMatch(/^[0-5]\d$/);
        expect(Number(minutes) * 60 + Number(rest)).toBe(seconds);
      }),
    );
  });

  it('shows times in IST unless told another zone', () => {
    expect(formatDateTime('2026-01-15T05:12:00.000Z')).toBe('15 Jan, 10:42');
    expect(formatDateTime('2026-01-15T05:12:00.000Z', 'UTC')).toBe('15 Jan, 05:12');
  });

  it('names attempts as the seed does', () => {
    expect([1, 2, 3, 4].map(attemptLabel)).toEqual(['1st attempt', '1st retry', '2nd retry', '3rd retry']);
  });

  it('says how old the data is', () => {
    expect(formatAge(0, 12_000)).toBe('12 s ago');
    expect(formatAge(0, 180_000)).toBe('3 min ago');
  });
});
