// Answers only requests addressed to callboard's own names (DNS rebinding defence): a page on evil.example whose name
// is re-pointed at 127.0.0.1 reaches the port, but its requests carry `Host: evil.example` and get 421.
import type { MiddlewareHandler } from 'hono';

export interface HostNamesSource {
  /** CALLBOARD_PUBLIC_URL: the name browsers and Exotel's webhooks use. */
  publicUrl: string | null;
  /** HOST: the address the server is bound to. */
  host: string;
  /** CALLBOARD_ALLOWED_HOSTS: further names (another DNS name, a LAN address). */
  allowedHosts: readonly string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['', '0.0.0.0', '::', '[::]']);

/** `API.Example.com.` -> `api.example.com`, `::1` -> `[::1]`: the form a Host header's name takes. */
export function normaliseHostName(name: string): string {
  const lower = name.trim().toLowerCase().replace(/\.$/, '');
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

function isLoopback(name: string): boolean {
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * The host names callboard answers to. Loopback names are added when the server listens on loopback or on every
 * address (which includes loopback): demo mode's simulator posts its webhooks to 127.0.0.1, and a browser sends
 * `Host: localhost` only when its user typed localhost. Ports are not compared: a rebinding request always carries
 * the attacker's name, and a local proxy (Vite's dev server) forwards its own port.
 */
export function allowedHostNames(source: HostNamesSource): Set<string> {
  const names = new Set<string>();
  if (source.publicUrl !== null) names.add(normaliseHostName(new URL(source.publicUrl).hostname));
  const bound = normaliseHostName(source.host);
  if (WILDCARD_ADDRESSES.has(bound) || isLoopback(bound)) for (const name of LOOPBACK_NAMES) names.add(name);
  if (!WILDCARD_ADDRESSES.has(bound)) names.add(bound);
  for (const name of source.allowedHosts) names.add(normaliseHostName(name));
  return names;
}

/** The name of a Host header (`name`, `name:port`, `[v6]:port`); null when it is not one. */
export function hostNameOf(header: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::\d{1,5})?$/i.exec(header.trim());
  return match?.[1] ? normaliseHostName(match[1]) : null;
}

export function allowedHosts(names: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    // A browser always sends Host, and a rebinding page cannot change it; without one (HTTP/1.0, app.request() in
    // tests) the URL's host is the server's own default.
    const name = hostNameOf(c.req.header('host') || new URL(c.req.url).host);
    if (name === null || !names.has(name)) return c.text('Misdirected request: callboard does not answer to this host name.', 421);
    await next();
  };
}
