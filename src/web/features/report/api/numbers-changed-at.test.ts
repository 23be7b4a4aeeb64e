import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { seedReportFixture } from '../../../../../mocks/api/fixtures';
import { useNumbersChangedAt } from './numbers-changed-at';

describe('useNumbersChangedAt', () => {
  it('keeps the time of the read that brought the numbers while later reads bring the same numbers', () => {
    const hook = renderHook(({ report, at }) => useNumbersChangedAt(report, at), { initialProps: { report: seedReportFixture, at: 1_000 } });
    expect(hook.result.current).toBe(1_000);
    // A newer poll of Exotel and a newly generated report, but the same numbers.
    const sameNumbers = {
      ...seedReportFixture,
      generatedAt: '2026-01-15T06:00:00.000Z',
      sync: { ...seedReportFixture.sync, lastPolledAt: '2026-01-15T06:00:00.000Z' },
    };
    hook.rerender({ report: sameNumbers, at: 5_000 });
    expect(hook.result.current).toBe(1_000);
  });

  it('moves to the read that brought different numbers', () => {
    const hook = renderHook(({ report, at }) => useNumbersChangedAt(report, at), { initialProps: { report: seedReportFixture, at: 1_000 } });
    const moved = { ...seedReportFixture, stats: { ...seedReportFixture.stats, completed: seedReportFixture.stats.completed + 1 } };
    hook.rerender({ report: moved, at: 9_000 });
    expect(hook.result.current).toBe(9_000);
    hook.rerender({ report: moved, at: 12_000 });
    expect(hook.result.current).toBe(9_000);
  });
});
