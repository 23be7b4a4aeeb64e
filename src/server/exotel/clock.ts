// Time as the Exotel client and the sync scheduler see it. Production uses the wall clock; tests and benches use
// a virtual clock, so minutes of rate-limited syncing run in milliseconds and nothing really sleeps.

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after ms (at once when ms <= 0); resolves early, without throwing, when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/**
 * Virtual time that moves only when someone sleeps: sleep(ms) jumps the clock forward by ms and resolves on the
 * next microtask. Correct for one line of work at a time (the sync scheduler and the rate budget serialise their
 * waits), which is how tests and benches use it.
 */
export class VirtualClock implements Clock {
  private time: number;
  private readonly listeners = new Set<(now: number) => void>();

  constructor(start = Date.parse('2024-02-01T04:30:00.000Z')) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    if (ms > 0) this.advance(ms);
    await Promise.resolve();
  }

  advance(ms: number): void {
    this.time += ms;
    for (const listener of this.listeners) listener(this.time);
  }

  /** Called whenever time moves (benches use it to move the simulator's clock in step). */
  onAdvance(listener: (now: number) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
