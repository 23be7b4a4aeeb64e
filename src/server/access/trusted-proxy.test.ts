import { describe, expect, it } from 'vitest';
import type { IpRange } from './ip-address';
import { clientAddress, isTrustedPeer, parseTrustedProxies, trustedUserEmail } from './trusted-proxy';

function proxies(setting: string): IpRange[] {
  const parsed = parseTrustedProxies(setting);
  if (!parsed.ok) throw new Error(`bad proxies: ${parsed.invalid.join(', ')}`);
  return parsed.ranges;
}

describe('parseTrustedProxies', () => {
  it('reads commas and spaces, and trusts no one when unset', () => {
    const parsed = parseTrustedProxies('10.0.0.0/8, 192.168.1.5  ::1');
    expect(parsed.ok && parsed.ranges).toHaveLength(3);
    expect(parseTrustedProxies(undefined)).toEqual({ ok: true, ranges: [] });
    expect(parseTrustedProxies('  ')).toEqual({ ok: true, ranges: [] });
  });

  it('names every entry it cannot read', () => {
    expect(parseTrustedProxies('10.0.0.0/8, proxy.local, 10.0.0.0/40')).toEqual({ ok: false, invalid: ['proxy.local', '10.0.0.0/40'] });
  });
});

describe('clientAddress', () => {
  const lb = proxies('10.0.0.0/8');

  it('uses the socket address when the peer is not a trusted proxy, whatever the header says', () => {
    expect(clientAddress('203.0.113.5', '198.51.100.1', lb)).toBe('203.0.113.5');
  });

  it('takes the rightmost untrusted hop behind trusted proxies', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.1', lb)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.1, 10.0.0.9', lb)).toBe('198.51.100.1');
  });

  it('ignores what a client wrote at the left of the header', () => {
    // The client sent "X-Forwarded-For: 10.0.0.1" hoping to look like a proxy's own address; the proxy appended the truth.
    expect(clientAddress('10.0.0.2', '10.0.0.1, 198.51.100.1', lb)).toBe('198.51.100.1');
  });

  it('stops at a hop that is not an address', () => {
    expect(clientAddress('10.0.0.2', 'unknown, 10.0.0.9', lb)).toBe('10.0.0.9');
  });

  it('keeps the proxy address when no header came', () => {
    expect(clientAddress('10.0.0.2', undefined, lb)).toBe('10.0.0.2');
    expect(clientAddress(undefined, '1.2.3.4', lb)).toBeNull();
  });
});

describe('trustedUserEmail', () => {
  const sso = proxies('127.0.0.1, ::1');

  it('believes the header only from a listed proxy', () => {
    expect(trustedUserEmail('127.0.0.1', 'Asha@Example.com', sso)).toBe('asha@example.com');
    expect(trustedUserEmail('::ffff:127.0.0.1', 'asha@example.com', sso)).toBe('asha@example.com');
    expect(trustedUserEmail('203.0.113.5', 'asha@example.com', sso)).toBeNull();
    expect(trustedUserEmail('127.0.0.1', 'asha@example.com', [])).toBeNull();
  });

  it('refuses a value that is not an email, or no value', () => {
    expect(trustedUserEmail('127.0.0.1', 'asha', sso)).toBeNull();
    expect(trustedUserEmail('127.0.0.1', undefined, sso)).toBeNull();
  });

  it('knows a trusted peer', () => {
    expect(isTrustedPeer('::1', sso)).toBe(true);
    expect(isTrustedPeer(undefined, sso)).toBe(false);
  });
});
