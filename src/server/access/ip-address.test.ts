import { describe, expect, it } from 'vitest';
import { inRange, parseIp, parseRange, truncateAddress } from './ip-address';

function matches(address: string, range: string): boolean {
  const ip = parseIp(address);
  const cidr = parseRange(range);
  if (!ip || !cidr) throw new Error(`bad test input ${address} ${range}`);
  return inRange(ip, cidr);
}

describe('parseIp', () => {
  it.each(['10.0.0.1', '::1', '2001:db8::1', '[2001:db8::1]', 'fe80::1%eth0', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8'])('parses %s', (text) => {
    expect(parseIp(text)).not.toBeNull();
  });

  it.each(['', 'localhost', '10.0.0', '10.0.0.256', '2001:db8:::1', '1:2:3:4:5:6:7:8:9', '10.0.0.1/8'])('refuses %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('reads an IPv4-mapped IPv6 address as IPv4', () => {
    expect(parseIp('::ffff:10.1.2.3')).toEqual({ version: 4, bytes: Uint8Array.from([10, 1, 2, 3]) });
  });
});

describe('CIDR ranges', () => {
  it.each([
    { address: '10.20.30.40', range: '10.0.0.0/8', inside: true },
    { address: '11.0.0.1', range: '10.0.0.0/8', inside: false },
    { address: '192.168.1.5', range: '192.168.1.5', inside: true },
    { address: '192.168.1.6', range: '192.168.1.5', inside: false },
    { address: '172.31.255.255', range: '172.16.0.0/12', inside: true },
    { address: '172.32.0.0', range: '172.16.0.0/12', inside: false },
    { address: '203.0.113.9', range: '0.0.0.0/0', inside: true },
    { address: '2001:db8:abcd::1', range: '2001:db8::/32', inside: true },
    { address: '2001:db9::1', range: '2001:db8::/32', inside: false },
    { address: '::1', range: '::1', inside: true },
    { address: '::ffff:10.0.0.7', range: '10.0.0.0/24', inside: true },
    { address: '10.0.0.7', range: '::ffff:10.0.0.0/120', inside: true },
    { address: '10.0.0.1', range: '::/0', inside: false },
    { address: '2001:db8::1', range: '0.0.0.0/0', inside: false },
  ])('$address in $range: $inside', ({ address, range, inside }) => {
    expect(matches(address, range)).toBe(inside);
  });

  it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/x', '10.0.0.0/8/8', 'example.com/8', '::ffff:10.0.0.0/95'])('refuses %j', (text) => {
    expect(parseRange(text)).toBeNull();
  });
});

describe('truncateAddress', () => {
  it.each([
    { address: '203.0.113.77', network: '203.0.113.0/24' },
    { address: '::ffff:203.0.113.77', network: '203.0.113.0/24' },
    { address: '2001:db8:1234:5678:9abc::1', network: '2001:db8:1234::/48' },
    { address: '2001:0db8:0001:0000:0000:0000:0000:0001', network: '2001:db8:1::/48' },
    { address: '::1', network: '::/48' },
  ])('$address -> $network', ({ address, network }) => {
    expect(truncateAddress(address)).toBe(network);
  });

  it('gives null for text that is no address', () => {
    expect(truncateAddress('unknown')).toBeNull();
  });
});
