// IP addresses as bytes: parsing (IPv4, IPv6, IPv4-mapped IPv6, zone ids), CIDR ranges and prefix matching, and
// truncation for logs (an open of a share link keeps the /24 or /48, not the visitor's own address).
import { isIPv4, isIPv6 } from 'node:net';

export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
}

export interface IpRange {
  version: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
}

function parseV4(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number));
}

function parseV6(text: string): Uint8Array {
  const bytes = new Uint8Array(16);
  let head = text;
  let tailV4: Uint8Array | null = null;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left = '', right] = head.split('::');
  const leftGroups = left === '' ? [] : left.split(':');
  const rightGroups = right === undefined || right === '' ? [] : right.split(':');
  const groups = [...leftGroups, ...new Array<string>(8 - leftGroups.length - rightGroups.length).fill('0'), ...rightGroups];
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  if (tailV4) bytes.set(tailV4, 12);
  return bytes;
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/**
 * Parses an address as a socket or a header gives it. `::ffff:10.0.0.1` (what a dual-stack listener reports for
 * an IPv4 client) becomes the IPv4 address, so one list of proxies and one throttle key fit both forms.
 */
export function parseIp(raw: string): IpAddress | null {
  let text = raw.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (isIPv4(text)) return { version: 4, bytes: parseV4(text) };
  if (!isIPv6(text)) return null;
  const bytes = parseV6(text);
  if (V4_MAPPED_PREFIX.every((byte, i) => bytes[i] === byte)) return { version: 4, bytes: bytes.slice(12) };
  return { version: 6, bytes };
}

/** `10.0.0.0/8`, `2001:db8::/32`, or a single address (a /32 or /128). */
export function parseRange(raw: string): IpRange | null {
  const [addressText = '', prefixText, extra] = raw.trim().split('/');
  if (extra !== undefined) return null;
  const address = parseIp(addressText);
  if (!address) return null;
  const bits = address.bytes.length * 8;
  if (prefixText === undefined) return { ...address, prefix: bits };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  // An IPv4-mapped range (::ffff:10.0.0.0/104) counts its prefix over 128 bits; bring it to IPv4's 32.
  const effective = address.version === 4 && addressText.includes(':') ? prefix - 96 : prefix;
  if (effective < 0 || effective > bits) return null;
  return { ...address, prefix: effective };
}

function samePrefix(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  const whole = Math.floor(prefix / 8);
  for (let i = 0; i < whole; i += 1) if (a[i] !== b[i]) return false;
  const rest = prefix % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((a[whole] ?? 0) & mask) === ((b[whole] ?? 0) & mask);
}

export function inRange(address: IpAddress, range: IpRange): boolean {
  return address.version === range.version && samePrefix(address.bytes, range.bytes, range.prefix);
}

export function inAnyRange(address: IpAddress, ranges: readonly IpRange[]): boolean {
  return ranges.some((range) => inRange(address, range));
}

function format(address: IpAddress): string {
  if (address.version === 4) return Array.from(address.bytes).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((address.bytes[i] ?? 0) << 8) | (address.bytes[i + 1] ?? 0)).toString(16));
  // Compress the longest run of zero groups (RFC 5952), so the text matches what people expect to read.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j += 1;
    if (j - i > bestLength && j - i > 1) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}

/** The network an address belongs to, as text: `203.0.113.0/24`, `2001:db8:1::/48`. Null for unparsable text. */
export function truncateAddress(raw: string, v4Prefix = 24, v6Prefix = 48): string | null {
  const address = parseIp(raw);
  if (!address) return null;
  const prefix = address.version === 4 ? v4Prefix : v6Prefix;
  const bytes = address.bytes.slice();
  for (let bit = prefix; bit < bytes.length * 8; bit += 1) {
    const index = Math.floor(bit / 8);
    bytes[index] = (bytes[index] ?? 0) & ~(0x80 >> bit % 8);
  }
  return `${format({ version: address.version, bytes })}/${prefix}`;
}
