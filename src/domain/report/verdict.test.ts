import { describe, expect, it } from 'vitest';
import { verdictFor } from './verdict';

const connect = { min: 0.4, max: 0.7 };
const failure = { max: 0.15 };

describe('verdictFor', () => {
  it.each([
    // higher is better
    { value: 0.55, range: connect, verdict: 'good' },
    { value: 0.4, range: connect, verdict: 'good' },
    { value: 0.85, range: connect, verdict: 'good' }, // above the range: more connects are never a problem
    { value: 0.33, range: connect, verdict: 'watch' }, // within 20% below min
    { value: 0.32, range: connect, verdict: 'watch' },
    { value: 0.31, range: connect, verdict: 'bad' },
    { value: 0, range: connect, verdict: 'bad' },
    // lower is better
    { value: 0.1, range: failure, verdict: 'good' },
    { value: 0.15, range: failure, verdict: 'good' },
    { value: 0.17, range: failure, verdict: 'watch' }, // the seed example: 425 / 2,500
    { value: 0.199, range: failure, verdict: 'watch' },
    { value: 0.2, range: failure, verdict: 'bad' },
    // unknown
    { value: null, range: connect, verdict: 'unknown' },
    { value: 42, range: undefined, verdict: 'unknown' },
    { value: Number.NaN, range: connect, verdict: 'unknown' },
    { value: 0.5, range: {}, verdict: 'unknown' },
  ])('$value against $range is $verdict', ({ value, range, verdict }) => {
    expect(verdictFor(value, range)).toBe(verdict);
  });
});
