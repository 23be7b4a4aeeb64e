import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMITS, addressKey, createLoginThrottle } from './login-throttle';

function setup() {
  let time = Date.parse('2025-03-01T10:00:00Z');
  const throttle = createLoginThrottle(() => time);
  return {
    throttle,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe('login throttle, per account', () => {
  it('lets five failures pass, then slows with doubling waits', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 5; i += 1) {
      expect(throttle.check('203.0.113.1', 'asha@example.com')).toEqual({ allowed: true });
      throttle.recordFailure('203.0.113.1', 'asha@example.com');
    }
    expect(throttle.check('203.0.113.1', 'asha@example.com')).toEqual({ allowed: false, reason: 'slowed', retryAfterSec: 1 });
    advance(1_000);
    expect(throttle.check('203.0.113.1', 'asha@example.com')).toEqual({ allowed: true });
    throttle.recordFailure('203.0.113.1', 'asha@example.com');
    expect(throttle.check('203.0.113.1', 'asha@example.com')).toEqual({ allowed: false, reason: 'slowed', retryAfterSec: 2 });
  });

  it('refuses after ten failures until the window has passed, from any address', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 10; i += 1) {
      advance(60_000);
      throttle.recordFailure(`198.51.100.${i}`, 'asha@example.com');
    }
    const verdict = throttle.check('192.0.2.50', 'ASHA@example.com ');
    expect(verdict).toMatchObject({ allowed: false, reason: 'refused' });
    // The first failure was 9 minutes ago; it leaves the 15-minute window in 6 minutes.
    expect(verdict.allowed === false && verdict.retryAfterSec).toBe(6 * 60);
    advance(6 * 60_000);
    // Nine failures are left in the window and the last one is minutes old: one more attempt may come, and if it
    // fails too the account is refused again.
    expect(throttle.check('192.0.2.50', 'asha@example.com')).toEqual({ allowed: true });
    throttle.recordFailure('192.0.2.50', 'asha@example.com');
    expect(throttle.check('192.0.2.50', 'asha@example.com')).toMatchObject({ allowed: false, reason: 'refused' });
    advance(ACCOUNT_LIMITS.windowMs);
    expect(throttle.check('192.0.2.50', 'asha@example.com')).toEqual({ allowed: true });
  });

  it('forgets an account\'s failures after a successful sign-in', () => {
    const { throttle } = setup();
    for (let i = 0; i < 7; i += 1) throttle.recordFailure(`198.51.100.${i}`, 'asha@example.com');
    throttle.recordSuccess('asha@example.com');
    expect(throttle.check('198.51.100.99', 'asha@example.com')).toEqual({ allowed: true });
  });
});

describe('login throttle, per address', () => {
  it('slows, then refuses, one address guessing many accounts, and a sign-in of its own does not reset it', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 10; i += 1) throttle.recordFailure('203.0.113.1', `user${i}@example.com`);
    expect(throttle.check('203.0.113.1', 'fresh@example.com')).toMatchObject({ allowed: false, reason: 'slowed' });
    expect(throttle.check('203.0.113.2', 'fresh@example.com')).toEqual({ allowed: true });
    for (let i = 10; i < 30; i += 1) {
      advance(20_000);
      throttle.recordFailure('203.0.113.1', `user${i}@example.com`);
    }
    throttle.recordSuccess('mine@example.com');
    expect(throttle.check('203.0.113.1', 'mine@example.com')).toMatchObject({ allowed: false, reason: 'refused' });
  });

  it('counts an IPv6 client by its /64', () => {
    const { throttle } = setup();
    for (let i = 0; i < 10; i += 1) throttle.recordFailure(`2001:db8:1:2::${i + 1}`, `user${i}@example.com`);
    expect(throttle.check('2001:db8:1:2:ffff::1', 'fresh@example.com')).toMatchObject({ allowed: false });
    expect(throttle.check('2001:db8:1:3::1', 'fresh@example.com')).toEqual({ allowed: true });
  });

  it('keys addresses in one form whatever the socket reports', () => {
    expect(addressKey('::ffff:203.0.113.1')).toBe(addressKey('203.0.113.1'));
    expect(addressKey(null)).toBe(addressKey('garbage'));
  });
});
