// Which peers may speak for someone else: a request's client address through X-Forwarded-For, and the optional
// trusted user header (CALLBOARD_TRUSTED_USER_HEADER), both believed only when the connection comes from a proxy
// listed in CALLBOARD_TRUSTED_PROXIES. From anyone else these headers are ignored, since anyone can send them.
import { inAnyRange, parseIp, parseRange, type IpRange } from './ip-address';
import { emailSchema } from '../../domain/access/principal';

export type ProxyList = { ok: true; ranges: IpRange[] } | { ok: false; invalid: string[] };

/** `"10.0.0.0/8, 192.168.1.5 ::1"` (commas or spaces). An empty setting trusts no one. */
export function parseTrustedProxies(setting: string | undefined): ProxyList {
  const entries = (setting ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
  const ranges: IpRange[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const range = parseRange(entry);
    if (range) ranges.push(range);
    else invalid.push(entry);
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, ranges };
}

export function isTrustedPeer(remoteAddress: string | undefined, proxies: readonly IpRange[]): boolean {
  const address = remoteAddress === undefined ? null : parseIp(remoteAddress);
  return address !== null && inAnyRange(address, proxies);
}

/**
 * The address to throttle and log. Walks X-Forwarded-For from the right (the entry our own proxy appended) past
 * every trusted proxy; the first untrusted hop is the client. Entries further left were written by the client
 * and could be anything, so they are never used.
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | undefined, proxies: readonly IpRange[]): string | null {
  const remote = remoteAddress === undefined ? null : parseIp(remoteAddress);
  if (remote === null) return null;
  if (!inAnyRange(remote, proxies) || !forwardedFor) return remoteAddress?.trim() ?? null;
  const hops = forwardedFor.split(',').map((hop) => hop.trim());
  let client = remoteAddress?.trim() ?? null;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = parseIp(hops[i] ?? '');
    // A hop that is not an address ends the walk: what lies left of it cannot be trusted either.
    if (hop === null) break;
    client = hops[i] ?? null;
    if (!inAnyRange(hop, proxies)) break;
  }
  return client;
}

/**
 * The signed-in user a trusted proxy vouches for, or null: no header configured, a peer not in the list, or a
 * value that is not an email.
 */
export function trustedUserEmail(
  remoteAddress: string | undefined,
  headerValue: string | undefined,
  proxies: readonly IpRange[],
): string | null {
  if (headerValue === undefined || !isTrustedPeer(remoteAddress, proxies)) return null;
  const email = emailSchema.safeParse(headerValue);
  return email.success ? email.data : null;
}
