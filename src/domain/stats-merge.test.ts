import { describe, expect, it } from 'vitest';
import { mergeStats } from './stats-merge';

describe('mergeStats', () => {
  const stored = { created: 100, completed: 40, failed: 5, pending: 55, extra: { queued: 3, dnd: 1 } };

  it('replaces the counts an update gives and keeps the ones it leaves out', () => {
    expect(mergeStats(stored, { completed: 45, busy: 2, extra: { queued: 0 } })).toEqual({
      created: 100,
      completed: 45,
      failed: 5,
      pending: 55,
      inProgress: undefined,
      busy: 2,
      noAnswer: undefined,
      extra: { queued: 0, dnd: 1 },
    });
  });

  it('keeps the stored stats when an update carries none', () => {
    expect(mergeStats(stored, null)).toBe(stored);
  });
});
