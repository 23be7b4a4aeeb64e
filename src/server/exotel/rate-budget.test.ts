import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from './clock';
import { openSqliteStore } from '../store/sqlite-store';
import { RateBudget, WINDOW_MS } from './rate-budget';

/** The most send times falling in any 60 s window [t, t + 60 s). */
function busiestWindow(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= WINDOW_MS) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('rate budget across restarts', () => {
  it('goes on counting the same window after a restart, so quick restarts never exceed the budget', async () => {
    const clock = new VirtualClock();
    const store = openSqliteStore(':memory:');
    const sends: number[] = [];
    // Three starts 5 s apart, each wanting to send as much as it may at once.
    for (let start = 0; start < 3; start++) {
      const budget = new RateBudget({ limitPerMin: 30, clock, store });
      while (budget.waitMs() === 0) {
        await budget.acquire();
        sends.push(clock.now());
      }
      clock.advance(5_000);
    }
    expect(sends).toHaveLength(24);
    expect(busiestWindow(sends)).toBeLessThanOrEqual(24);
    // Once the window has passed, a new start has its full budget again.
    clock.advance(WINDOW_MS);
    expect(new RateBudget({ limitPerMin: 30, clock, store }).waitMs()).toBe(0);
    expect(store.recentSends(0).length).toBeLessThanOrEqual(24);
  });

  it('counts a send stamped ahead of the clock (the clock was set back) as sent now', () => {
    const clock = new VirtualClock();
    const store = openSqliteStore(':memory:');
    for (let i = 0; i < 24; i++) store.recordSend(clock.now() + 3_600_000, 0);
    const budget = new RateBudget({ limitPerMin: 30, clock, store });
    expect(budget.waitMs()).toBe(WINDOW_MS);
  });
});

describe('rate budget', () => {
  it('allows floor(80 % of the limit) per window: 24 of 30, 1 of 1, 160 of 200', () => {
    const clock = new VirtualClock();
    expect(new RateBudget({ limitPerMin: 30, clock }).capacity).toBe(24);
    expect(new RateBudget({ limitPerMin: 1, clock }).capacity).toBe(1);
    expect(new RateBudget({ limitPerMin: 200, clock }).capacity).toBe(160);
  });

  it('never lets a 60 s window hold more than floor(0.8 x limit) requests, whatever the bursts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.array(
          fc.record({
            gapMs: fc.integer({ min: 0, max: 90_000 }),
            size: fc.integer({ min: 0, max: 40 }),
            reserve: fc.integer({ min: 0, max: 5 }),
            rateLimitedMs: fc.option(fc.integer({ min: 0, max: 20_000 })),
          }),
          { maxLength: 12 },
        ),
        async (limitPerMin, bursts) => {
          const clock = new VirtualClock();
          const budget = new RateBudget({ limitPerMin, clock, random: () => 0.5 });
          const sent: number[] = [];
          for (const burst of bursts) {
            await clock.sleep(burst.gapMs);
            if (burst.rateLimitedMs !== null) budget.noteRateLimited(burst.rateLimitedMs);
            await Promise.all(
              Array.from({ length: burst.size }, () => budget.acquire(burst.reserve).then(() => sent.push(clock.now()))),
            );
          }
          expect(sent.length).toBe(bursts.reduce((sum, burst) => sum + burst.size, 0));
          expect(busiestWindow(sent)).toBeLessThanOrEqual(Math.floor(0.8 * limitPerMin) || 1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('uses the whole allowance when asked: 24 requests go at once, the 25th a minute after the first', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const budget = new RateBudget({ limitPerMin: 30, clock });
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      await budget.acquire();
      times.push(clock.now() - start);
    }
    expect(times.slice(0, 24).every((t) => t === 0)).toBe(true);
    expect(times[24]).toBe(WINDOW_MS);
  });

  it('leaves reserved slots free for high-priority reads', async () => {
    const clock = new VirtualClock();
    const budget = new RateBudget({ limitPerMin: 30, clock });
    for (let i = 0; i < 22; i++) await budget.acquire(2);
    const before = clock.now();
    await budget.acquire(0);
    await budget.acquire(0);
    expect(clock.now()).toBe(before);
    await budget.acquire(2);
    expect(clock.now()).toBeGreaterThan(before);
  });

  it('sends nothing until a 429 wait has passed', async () => {
    const clock = new VirtualClock();
    const budget = new RateBudget({ limitPerMin: 30, clock });
    const blockedAt = clock.now();
    budget.noteRateLimited(7_000);
    await budget.acquire();
    expect(clock.now() - blockedAt).toBe(7_000);
  });

  it('backs off 1, 2, 4 ... s after consecutive server failures, at most 60 s, and forgets after a success', () => {
    const clock = new VirtualClock();
    const budget = new RateBudget({ limitPerMin: 30, clock, random: () => 0 });
    const waits = Array.from({ length: 8 }, () => budget.noteServerFailure());
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    budget.noteSuccess();
    expect(budget.noteServerFailure()).toBe(1000);
  });

  it('adds jitter of at most 20 % to a backoff', () => {
    const clock = new VirtualClock();
    const budget = new RateBudget({ limitPerMin: 30, clock, random: () => 0.999 });
    budget.noteServerFailure();
    const second = budget.noteServerFailure();
    expect(second).toBeGreaterThan(2000);
    expect(second).toBeLessThanOrEqual(2400);
  });

  it('gives up waiting when the signal aborts', async () => {
    const clock = new VirtualClock();
    const budget = new RateBudget({ limitPerMin: 30, clock });
    budget.noteRateLimited(60_000);
    const abort = new AbortController();
    abort.abort();
    expect(await budget.acquire(0, abort.signal)).toBe(false);
  });
});
