// One request budget per Exotel account, shared by every upstream read. It keeps a log of when each request went
// (a sliding window, exact), so no 60 s window ever holds more than floor(share x limit) requests, and it holds
// every request back after a 429 (Retry-After) or while backing off from 5xx and timeouts. The send times are
// kept in the store too, so a restart goes on counting the same window (three quick restarts must not each start
// with a full budget), and a lower limit Exotel announces (X-RateLimit-Limit) replaces the configured one.
import type { RateBudgetStore } from '../store/store';
import type { Clock } from './clock';

export const WINDOW_MS = 60_000;
export const USABLE_SHARE = 0.8;
export const MAX_BACKOFF_MS = 60_000;

export interface RateBudgetOptions {
  /** Exotel's limit for the account, requests per minute (EXOTEL_RATE_LIMIT_PER_MIN). */
  limitPerMin: number;
  clock: Clock;
  /** The share of the limit callboard allows itself, leaving room for anything else using the same account. */
  usableShare?: number;
  /** For jitter; tests pass a fixed function. */
  random?: () => number;
  /** Where send times outlive the process; without it a restart starts with a full budget. */
  store?: RateBudgetStore;
}

export class RateBudget {
  /** Requests allowed in any 60 s window. */
  private allowedPerWindow: number;
  private readonly usableShare: number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly store: RateBudgetStore | null;
  /** Send times inside the current window, oldest first. */
  private readonly sent: number[] = [];
  private blockedUntil = 0;
  private consecutiveFailures = 0;
  /** Waiters go one at a time, so concurrent callers can never both take the last slot. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: RateBudgetOptions) {
    this.usableShare = options.usableShare ?? USABLE_SHARE;
    this.allowedPerWindow = this.capacityFor(options.limitPerMin);
    this.clock = options.clock;
    this.random = options.random ?? Math.random;
    this.store = options.store ?? null;
    if (this.store) {
      const now = this.clock.now();
      // A time ahead of now (the clock was set back) counts as now: it still leaves the window in 60 s.
      for (const at of this.store.recentSends(now - WINDOW_MS)) this.sent.push(Math.min(at, now));
      this.sent.sort((a, b) => a - b);
    }
  }

  /** Requests allowed in any 60 s window. */
  get capacity(): number {
    return this.allowedPerWindow;
  }

  /**
   * Exotel said what the account's limit is (X-RateLimit-Limit): when it is lower than configured, the budget
   * shrinks to the same share of it. A higher figure is not trusted over the configuration.
   */
  noteAdvertisedLimit(limitPerMin: number): void {
    if (!Number.isInteger(limitPerMin) || limitPerMin < 1) return;
    this.allowedPerWindow = Math.min(this.allowedPerWindow, this.capacityFor(limitPerMin));
  }

  private capacityFor(limitPerMin: number): number {
    return Math.max(1, Math.floor(this.usableShare * limitPerMin));
  }

  /**
   * Waits until one more request fits, then counts it as sent. `reserve` slots of the window are left free for
   * reads that must never wait long (the campaigns-list read every 30 s). Returns false if the signal aborted.
   */
  acquire(reserve = 0, signal?: AbortSignal): Promise<boolean> {
    const turn = this.queue.then(() => this.waitForSlot(reserve, signal));
    this.queue = turn;
    return turn;
  }

  /** After a 429: no request at all until the wait has passed. */
  noteRateLimited(waitMs: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + Math.max(0, waitMs));
  }

  /** After a 5xx, a timeout or a refused connection: back off 1, 2, 4 ... 60 s, with up to 20 % jitter. Returns the wait. */
  noteServerFailure(): number {
    this.consecutiveFailures++;
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.consecutiveFailures - 1));
    const wait = Math.min(MAX_BACKOFF_MS, Math.round(base * (1 + 0.2 * this.random())));
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + wait);
    return wait;
  }

  noteSuccess(): void {
    this.consecutiveFailures = 0;
  }

  /** Requests sent in the last 60 s. */
  used(): number {
    this.prune(this.clock.now());
    return this.sent.length;
  }

  /** How long until a request with this reserve could go (0 = now); for the scheduler's idle sleep. */
  waitMs(reserve = 0): number {
    const now = this.clock.now();
    this.prune(now);
    const allowed = this.allowed(reserve);
    const slotAt = this.sent.length < allowed ? now : (this.sent[this.sent.length - allowed] ?? now) + WINDOW_MS;
    return Math.max(0, this.blockedUntil - now, slotAt - now);
  }

  private async waitForSlot(reserve: number, signal: AbortSignal | undefined): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const wait = this.waitMs(reserve);
      if (wait === 0) {
        const now = this.clock.now();
        this.sent.push(now);
        this.remember(now);
        return true;
      }
      await this.clock.sleep(wait, signal);
    }
  }

  /** Best effort: a store that cannot write must not stop reads; the in-memory window still holds. */
  private remember(at: number): void {
    try {
      this.store?.recordSend(at, at - WINDOW_MS);
    } catch {
      // The storage health (see store/storage-health.ts) already counts the failed write.
    }
  }

  private allowed(reserve: number): number {
    return Math.max(1, this.capacity - Math.max(0, reserve));
  }

  /** A request sent at t counts in every window that holds t, i.e. until t + 60 s. */
  private prune(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) + WINDOW_MS <= now) this.sent.shift();
  }
}
