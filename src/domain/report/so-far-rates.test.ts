import { describe, expect, it } from 'vitest';
import type { Stats } from '../api-schemas';
import { connectRateSoFar, failureRateSoFar, MIN_SAMPLE_FOR_VERDICT, retrySuccessSoFar } from './so-far';

const stats = (over: Partial<Stats>): Stats => ({ created: 0, completed: 0, failed: 0, pending: 0, inProgress: 0, busy: 0, noAnswer: 0, ...over });

describe('rates so far', () => {
  it('divides by finished contacts while the campaign is still dialling', () => {
    const rate = connectRateSoFar(stats({ created: 10_000, completed: 300, failed: 100, busy: 50, noAnswer: 50, pending: 9_500 }));
    expect(rate).toEqual({ value: 0.6, basis: 'finished', verdict: 'good' });
  });

  it('gives no verdict before the minimum sample, however bad the first calls look', () => {
    const early = stats({ created: 5_000, completed: 1, failed: MIN_SAMPLE_FOR_VERDICT - 2, pending: 4_901 });
    expect(connectRateSoFar(early).verdict).toBe('too-early');
    expect(failureRateSoFar(early).verdict).toBe('too-early');
  });

  it('judges once the sample is reached, and divides a finished campaign by created', () => {
    const running = stats({ created: 5_000, completed: 10, failed: MIN_SAMPLE_FOR_VERDICT - 10, pending: 4_900 });
    expect(connectRateSoFar(running).verdict).toBe('bad');
    const done = stats({ created: 2_500, completed: 1_875, failed: 425, busy: 87, noAnswer: 113 });
    expect(connectRateSoFar(done)).toEqual({ value: 0.75, basis: 'created', verdict: 'good' });
    expect(failureRateSoFar(done).verdict).toBe('watch');
  });

  it('judges retry success only over enough retried contacts', () => {
    expect(retrySuccessSoFar(0.05, MIN_SAMPLE_FOR_VERDICT - 1).verdict).toBe('too-early');
    expect(retrySuccessSoFar(0.05, MIN_SAMPLE_FOR_VERDICT).verdict).toBe('bad');
    expect(retrySuccessSoFar(null, 0).verdict).toBe('unknown');
  });
});
