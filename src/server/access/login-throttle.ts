// Slows, then refuses, password guessing: failures are counted per client address and per account over a
// sliding window. A few failures cost nothing; then each attempt must wait longer (answered 429 at once with
// Retry-After, never by holding the connection open); past a ceiling the key is refused until the window ends.
//
// In memory, not stored: a failure costs no disk write (a guessing flood cannot become a write flood), the state
// is minutes long, and a restart (which an attacker cannot cause) merely forgets it. With several instances each
// failure and success is also told to the others (instances/cluster.ts, over PostgreSQL's NOTIFY), which count it
// too, so the limits hold across instances instead of multiplying by their number. Counters are kept by a hash of
// their key, so what instances tell each other names no email and no address.
import { createHash } from 'node:crypto';
import { parseIp } from './ip-address';

export interface ThrottleLimits {
  /** Failures allowed inside the window before attempts are slowed. */
  freeFailures: number;
  /** Failures after which the key is refused until its oldest counted failure leaves the window. */
  refuseAfter: number;
  windowMs: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Per account: 5 free, then 1 s, 2 s, 4 s, ... (at most 60 s) between attempts, refused after 10 in 15 minutes.
 * Per address: more generous, since an office or a mobile carrier puts many people behind one address.
 */
export const ACCOUNT_LIMITS: ThrottleLimits = { freeFailures: 5, refuseAfter: 10, windowMs: 15 * 60_000, baseDelayMs: 1_000, maxDelayMs: 60_000 };
export const ADDRESS_LIMITS: ThrottleLimits = { freeFailures: 10, refuseAfter: 30, windowMs: 15 * 60_000, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** How many keys are remembered: spraying made-up emails or addresses must not grow memory without bound. */
const MAX_KEYS = 10_000;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSec: number; reason: 'slowed' | 'refused' };

export interface LoginThrottle {
  /** Ask before checking a password; a refused attempt must not reach the password check. */
  check(address: string | null, email: string): ThrottleVerdict;
  recordFailure(address: string | null, email: string): void;
  /** Clears the account's count only: the address keeps its count, so a valid account of one's own cannot reset it. */
  recordSuccess(email: string): void;
}

/** The two counters one attempt touches, by hashed key: what one instance tells the others. */
export interface ThrottleKeys {
  account: string;
  address: string;
}

/** A throttle that also counts what other instances tell it. */
export interface SharedLoginThrottle extends LoginThrottle {
  heardFailure(keys: ThrottleKeys): void;
  heardSuccess(accountKey: string): void;
}

/** Where a throttle tells the other instances of its own failures and successes. */
export interface ThrottleTeller {
  failure(keys: ThrottleKeys): void;
  success(accountKey: string): void;
}

interface Counter {
  failures: number[];
}

/**
 * An IPv6 client usually holds a whole /64, so addresses are counted by /64; an IPv4 address on its own.
 * Unreadable addresses share one key rather than escaping the count.
 */
export function addressKey(address: string | null): string {
  const parsed = address === null ? null : parseIp(address);
  if (!parsed) return 'address:unknown';
  if (parsed.version === 4) return `address:${Array.from(parsed.bytes).join('.')}`;
  return `address:${Buffer.from(parsed.bytes.slice(0, 8)).toString('hex')}/64`;
}

/** 132 bits of SHA-256: as good as the key for counting, and it names nobody. */
const hashed = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22);

export function createLoginThrottle(
  now: () => number,
  limits: { account: ThrottleLimits; address: ThrottleLimits } = { account: ACCOUNT_LIMITS, address: ADDRESS_LIMITS },
  tell?: ThrottleTeller,
): SharedLoginThrottle {
  // A Map remembers insertion order, so the first key is the least recently failed one: the one to drop when full.
  const counters = new Map<string, Counter>();

  function current(key: string, windowMs: number): number[] {
    const counter = counters.get(key);
    if (!counter) return [];
    const since = now() - windowMs;
    counter.failures = counter.failures.filter((at) => at > since);
    if (counter.failures.length === 0) counters.delete(key);
    return counter.failures;
  }

  function verdict(key: string, l: ThrottleLimits): ThrottleVerdict {
    const failures = current(key, l.windowMs);
    const count = failures.length;
    if (count < l.freeFailures) return { allowed: true };
    const t = now();
    if (count >= l.refuseAfter) {
      const oldestCounted = failures[count - l.refuseAfter] ?? t;
      return { allowed: false, reason: 'refused', retryAfterSec: Math.max(1, Math.ceil((oldestCounted + l.windowMs - t) / 1000)) };
    }
    const delay = Math.min(l.maxDelayMs, l.baseDelayMs * 2 ** (count - l.freeFailures));
    const waitMs = (failures[count - 1] ?? t) + delay - t;
    return waitMs > 0 ? { allowed: false, reason: 'slowed', retryAfterSec: Math.ceil(waitMs / 1000) } : { allowed: true };
  }

  function fail(key: string, l: ThrottleLimits): void {
    const failures = current(key, l.windowMs);
    counters.delete(key);
    // Keep no more entries than the refusal needs, so one key's memory stays small under a flood.
    counters.set(key, { failures: [...failures, now()].slice(-l.refuseAfter) });
    while (counters.size > MAX_KEYS) {
      const oldest = counters.keys().next();
      if (oldest.done) break;
      counters.delete(oldest.value);
    }
  }

  const accountKey = (email: string) => hashed(`account:${email.trim().toLowerCase()}`);
  const keysOf = (address: string | null, email: string): ThrottleKeys => ({ account: accountKey(email), address: hashed(addressKey(address)) });
  const failed = (keys: ThrottleKeys) => {
    fail(keys.account, limits.account);
    fail(keys.address, limits.address);
  };

  return {
    check(address, email) {
      const keys = keysOf(address, email);
      const byAccount = verdict(keys.account, limits.account);
      const byAddress = verdict(keys.address, limits.address);
      if (byAccount.allowed) return byAddress;
      if (byAddress.allowed) return byAccount;
      return byAccount.retryAfterSec >= byAddress.retryAfterSec ? byAccount : byAddress;
    },
    recordFailure(address, email) {
      const keys = keysOf(address, email);
      failed(keys);
      tell?.failure(keys);
    },
    recordSuccess(email) {
      const account = accountKey(email);
      counters.delete(account);
      tell?.success(account);
    },
    heardFailure: failed,
    heardSuccess(account) {
      counters.delete(account);
    },
  };
}
