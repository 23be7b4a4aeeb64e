// Who is asking on /api: resolves the principal once per request (session cookie, then a trusted proxy's user
// header, then demo mode's loopback admin) and guards the door: no principal, 401; a change of state from another
// site, 403. Share links and displays never come this way: they read under /s/<token> and /tv/<token> (scoped.ts).
import type { Context, MiddlewareHandler } from 'hono';
import type { UserPrincipal } from '../../domain/access/principal';
import type { Config } from '../config';
import type { Sessions } from '../access/sessions';
import { clearedSessionCookie, sessionTokenFrom } from '../access/sessions';
import { clientAddress, trustedUserEmail } from '../access/trusted-proxy';
import { parseIp } from '../access/ip-address';
import type { UsersPort } from '../store/access-store';

export interface AccessVariables {
  /** The signed-in user (or demo admin), null when nobody is. */
  user: UserPrincipal | null;
  /** Demo mode's automatic admin, so GET /api/session can say so. */
  demo: boolean;
  /** The session's id (never its token), for logs and sign-out. */
  sessionId: string | null;
}
export type AccessEnv = { Variables: AccessVariables };

/** Demo mode's stand-in user: an admin, so every screen can be tried. It exists in no table. */
export const DEMO_ADMIN: UserPrincipal = { kind: 'user', email: 'demo@callboard.local', role: 'admin' };

export interface PrincipalDeps {
  config: Config;
  sessions: Sessions;
  users: Pick<UsersPort, 'findUserByEmail'>;
}

/** The TCP peer's address (node-server puts the IncomingMessage in c.env); undefined under app.request(). */
export function peerAddress(c: Context): string | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming: unknown = env.incoming;
  if (typeof incoming !== 'object' || incoming === null || !('socket' in incoming)) return undefined;
  const socket: unknown = incoming.socket;
  if (typeof socket !== 'object' || socket === null || !('remoteAddress' in socket)) return undefined;
  return typeof socket.remoteAddress === 'string' ? socket.remoteAddress : undefined;
}

/** The client's address for throttling and open logs: the peer, or X-Forwarded-For past trusted proxies. */
export function requestAddress(c: Context, config: Config): string | null {
  return clientAddress(peerAddress(c), c.req.header('x-forwarded-for'), config.access.trustedProxies);
}

function isLoopbackAddress(raw: string): boolean {
  const address = parseIp(raw);
  if (!address) return false;
  if (address.version === 4) return address.bytes[0] === 127;
  return address.bytes.every((byte, i) => byte === (i === 15 ? 1 : 0));
}

function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase();
  return name === 'localhost' || name === '::1' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * Demo mode opens straight into the dashboard, but only for this machine: the server is bound to loopback (so
 * only local peers can connect at all) or, bound wider, the peer itself is local.
 */
function isDemoVisitor(c: Context, config: Config): boolean {
  if (config.mode !== 'demo') return false;
  const peer = peerAddress(c);
  return peer === undefined ? isLoopbackHost(config.host) : isLoopbackAddress(peer);
}

export function resolvePrincipal(deps: PrincipalDeps): MiddlewareHandler<AccessEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('demo', false);
    c.set('sessionId', null);
    const token = sessionTokenFrom(c.req.header('cookie'), deps.config.access.cookie);
    const session = token === undefined ? null : deps.sessions.resolve(token);
    if (session) {
      c.set('user', session.user);
      c.set('sessionId', session.sessionId);
    } else {
      const header = deps.config.access.trustedUserHeader;
      const email = header === null ? null : trustedUserEmail(peerAddress(c), c.req.header(header), deps.config.access.trustedProxies);
      const user = email === null ? null : deps.users.findUserByEmail(email);
      if (user) c.set('user', { kind: 'user', email: user.email, role: user.role });
      else if (isDemoVisitor(c, deps.config)) {
        c.set('user', DEMO_ADMIN);
        c.set('demo', true);
      }
    }
    await next();
    // A cookie that names no live session is removed, so the browser stops sending it.
    if (token !== undefined && !session && !c.res.headers.has('set-cookie')) c.header('Set-Cookie', clearedSessionCookie(deps.config.access.cookie), { append: true });
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A change of state must come from a page of callboard itself. Browsers say where a request comes from
 * (Sec-Fetch-Site, Origin); a cross-site one is refused. A request with neither header is no browser's (curl,
 * scripts), which cannot carry a victim's cookie, so it passes and still needs its own session.
 */
export function isSameOrigin(c: Context, publicUrl: string | null): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  const allowed = new Set<string>([new URL(c.req.url).origin]);
  if (publicUrl !== null) allowed.add(new URL(publicUrl).origin);
  const host = c.req.header('host');
  if (host) for (const scheme of ['http', 'https']) allowed.add(`${scheme}://${host.toLowerCase()}`);
  return allowed.has(origin.trim().toLowerCase());
}

/** /api paths open to anyone: signing in, and the load balancer's health check (answered minimally). */
function isOpen(method: string, path: string): boolean {
  return (method === 'POST' && path === '/api/session') || (method === 'GET' && path === '/api/health');
}

export function requirePrincipal(deps: { config: Config }): MiddlewareHandler<AccessEnv> {
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method) && !isSameOrigin(c, deps.config.publicUrl)) {
      return c.json({ error: 'This change must come from a callboard page (cross-site request refused).' }, 403);
    }
    const user = c.get('user');
    if (user === null && !isOpen(c.req.method, c.req.path)) return c.json({ error: 'Sign in to continue.' }, 401);
    await next();
    if (user === null && c.req.path === '/api/health' && c.res.status === 200) {
      // Without a session the health check tells only whether callboard is fine, nothing about its upstream.
      const body: unknown = await c.res.clone().json();
      const status = typeof body === 'object' && body !== null && 'status' in body ? body.status : 'degraded';
      c.res = new Response(JSON.stringify({ status }), { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });
    }
  };
}

/** Route guard: admins only (users, audit). */
export function requireAdmin(): MiddlewareHandler<AccessEnv> {
  return async (c, next) => {
    if (c.get('user')?.role !== 'admin') return c.json({ error: 'Only an admin may do this.' }, 403);
    await next();
  };
}
