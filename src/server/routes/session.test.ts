// Signing in and the door of /api in live mode: 401 without a session, the minimal health check, sign-in, sign-out,
// throttling with Retry-After, same-origin changes, the trusted proxy header, demo mode, and the admin routes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, MANAGER, accessHarness, type Harness } from '../testing/access-kit';

let h: Harness;
beforeEach(async () => {
  h = await accessHarness();
});
afterEach(() => h.close());

/** Every /api route a browser may call, with a placeholder id where the route takes one. */
const API_ROUTES: [string, string][] = [
  ['GET', '/api/session'],
  ['DELETE', '/api/session'],
  ['GET', '/api/campaigns'],
  ['GET', '/api/campaigns/camp1/report'],
  ['GET', '/api/campaigns/camp1/contacts'],
  ['GET', '/api/events?campaign=camp1'],
  ['GET', '/api/users'],
  ['POST', '/api/users'],
  ['DELETE', '/api/users/us_x'],
  ['POST', '/api/users/us_x/password'],
  ['POST', '/api/users/us_x/role'],
  ['GET', '/api/share-links'],
  ['POST', '/api/share-links'],
  ['DELETE', '/api/share-links/sl_x'],
  ['POST', '/api/share-links/sl_x/rotate'],
  ['GET', '/api/share-links/sl_x/opens'],
  ['GET', '/api/displays'],
  ['POST', '/api/displays'],
  ['DELETE', '/api/displays/tv_x'],
  ['POST', '/api/displays/tv_x/rotate'],
  ['POST', '/api/displays/tv_x/reload'],
  ['GET', '/api/audit'],
  ['GET', '/api/no-such-thing'],
];

describe('live mode without a session', () => {
  it.each(API_ROUTES)('%s %s answers 401 { error }', async (method, path) => {
    const res = await h.app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });

  it('tells the load balancer only the status; a signed-in user gets the whole health', async () => {
    const anonymous = await h.app.request('/api/health');
    expect(anonymous.status).toBe(200);
    expect(Object.keys(await anonymous.json())).toEqual(['status']);
    const cookie = await h.signIn();
    const full = await h.call(cookie, 'GET', '/api/health');
    expect(await full.json()).toMatchObject({ mode: 'live', upstream: expect.any(Object), webhooks: expect.any(Object) });
  });

  it('names the instance and whether it is the sync leader to an admin only', async () => {
    const admin = await (await h.call(await h.signIn(), 'GET', '/api/health')).json();
    expect(admin).toMatchObject({ instance: 'instance-a', syncLeader: true });
    const manager: unknown = await (await h.call(await h.signIn(MANAGER), 'GET', '/api/health')).json();
    expect(manager).not.toHaveProperty('instance');
    expect(manager).not.toHaveProperty('syncLeader');
  });

  it('leaves the webhooks to their secret', async () => {
    // The harness mounts an empty webhook app: the point is that no 401 stands in front of /webhooks.
    const res = await h.app.request('/webhooks/exotel/x/call-status', { method: 'POST', body: '{}' });
    expect(res.status).not.toBe(401);
  });
});

describe('POST, GET and DELETE /api/session', () => {
  it('signs in with a session cookie, says who is signed in, and signs out', async () => {
    const res = await h.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(res.status).toBe(204);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^callboard_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const cookie = setCookie.split(';')[0] ?? '';

    const who = await h.call(cookie, 'GET', '/api/session');
    expect(await who.json()).toEqual({ user: { email: ADMIN.email, role: 'admin' } });
    expect((await h.call(cookie, 'GET', '/api/campaigns')).status).toBe(200);

    const out = await h.call(cookie, 'DELETE', '/api/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await h.call(cookie, 'GET', '/api/session')).status).toBe(401);
    expect((await h.call(cookie, 'GET', '/api/campaigns')).status).toBe(401);
  });

  it('refuses a huge body with 413 before reading it', async () => {
    const res = await h.call('', 'POST', '/api/session', { email: ADMIN.email, password: 'x'.repeat(100_000) });
    expect(res.status).toBe(413);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await h.call('', 'POST', '/api/session', { email: ADMIN.email, password: 'not the password' });
    const unknown = await h.call('', 'POST', '/api/session', { email: 'nobody@example.com', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('slows, then refuses, repeated failures for one account with 429 and Retry-After', async () => {
    const attempt = () => h.call('', 'POST', '/api/session', { email: MANAGER.email, password: 'guess guess guess' });
    for (let i = 0; i < 5; i += 1) expect((await attempt()).status).toBe(401);
    const slowed = await attempt();
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await slowed.json()).toMatchObject({ error: expect.stringMatching(/try again/i), retryAfterSec: expect.any(Number) });
    // Even the right password waits: a throttled attempt is not checked.
    expect((await h.call('', 'POST', '/api/session', MANAGER)).status).toBe(429);
    h.clock.ms += 2_000;
    expect((await h.call('', 'POST', '/api/session', MANAGER)).status).toBe(204);
  });

  it('ends a session after 12 idle hours', async () => {
    const cookie = await h.signIn(MANAGER);
    h.clock.ms += 12 * 3_600_000;
    expect((await h.call(cookie, 'GET', '/api/session')).status).toBe(401);
  });
});

describe('changes of state need a same-origin request', () => {
  it.each<{ case: string; headers: Record<string, string> }>([
    { case: 'another site (Sec-Fetch-Site)', headers: { 'Sec-Fetch-Site': 'cross-site' } },
    { case: 'another origin', headers: { Origin: 'https://evil.example' } },
    { case: 'a sandboxed page (Origin: null)', headers: { Origin: 'null' } },
  ])('refuses $case with 403, even signed in', async ({ headers }) => {
    const cookie = await h.signIn();
    const res = await h.app.request('/api/share-links', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ campaignIds: ['camp1'] }),
    });
    expect(res.status).toBe(403);
    const signIn = await h.app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(ADMIN) });
    expect(signIn.status).toBe(403);
  });

  it('accepts callboard’s own origin', async () => {
    const cookie = await h.signIn();
    expect((await h.call(cookie, 'POST', '/api/share-links', { campaignIds: ['camp1'] })).status).toBe(201);
  });
});

describe('a trusted SSO proxy', () => {
  it('signs in the user its header names, only from a listed proxy', async () => {
    h.close();
    h = await accessHarness({ env: { CALLBOARD_TRUSTED_USER_HEADER: 'X-Forwarded-Email', CALLBOARD_TRUSTED_PROXIES: '10.0.0.0/8' } });
    const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
    const proxied = await h.app.request('/api/session', { headers: { 'X-Forwarded-Email': MANAGER.email } }, from('10.1.2.3'));
    expect(await proxied.json()).toEqual({ user: { email: MANAGER.email, role: 'manager' } });
    const direct = await h.app.request('/api/session', { headers: { 'X-Forwarded-Email': ADMIN.email } }, from('203.0.113.9'));
    expect(direct.status).toBe(401);
    const unknownUser = await h.app.request('/api/session', { headers: { 'X-Forwarded-Email': 'stranger@example.com' } }, from('10.1.2.3'));
    expect(unknownUser.status).toBe(401);
  });
});

describe('demo mode', () => {
  it('opens as a demo admin on loopback, and says so', async () => {
    h.close();
    h = await accessHarness({ live: false });
    const res = await h.app.request('/api/session');
    expect(await res.json()).toEqual({ user: { email: 'demo@callboard.local', role: 'admin' }, demo: true });
    expect((await h.app.request('/api/campaigns')).status).toBe(200);
  });

  it('asks a visitor from another machine to sign in when bound to every address', async () => {
    h.close();
    h = await accessHarness({ live: false, env: { HOST: '0.0.0.0' } });
    const local = await h.app.request('/api/campaigns', {}, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    expect(local.status).toBe(200);
    const remote = await h.app.request('/api/campaigns', {}, { incoming: { socket: { remoteAddress: '192.168.1.20' } } });
    expect(remote.status).toBe(401);
  });
});

describe('users and audit (admins only)', () => {
  it('lets an admin add, reset and remove a user, never showing a password hash, and audits each', async () => {
    const cookie = await h.signIn();
    const added = await h.call(cookie, 'POST', '/api/users', { email: 'ravi@example.com', role: 'manager', password: 'a long enough password' });
    expect(added.status).toBe(201);
    const { user } = (await added.json()) as { user: { id: string } };
    const list = await (await h.call(cookie, 'GET', '/api/users')).text();
    expect(list).toContain('ravi@example.com');
    expect(list).not.toMatch(/scrypt|passwordHash/);

    expect((await h.call(cookie, 'POST', `/api/users/${user.id}/password`, { password: 'short' })).status).toBe(400);
    expect((await h.call(cookie, 'POST', `/api/users/${user.id}/password`, { password: 'another long password' })).status).toBe(204);
    expect((await h.call('', 'POST', '/api/session', { email: 'ravi@example.com', password: 'another long password' })).status).toBe(204);
    expect((await h.call(cookie, 'DELETE', `/api/users/${user.id}`)).status).toBe(204);

    const audit = (await (await h.call(cookie, 'GET', '/api/audit')).json()) as { entries: { action: string; target: string }[] };
    expect(audit.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['user.added', 'user.password-reset', 'user.removed']));
  });

  it('refuses a manager with 403', async () => {
    const cookie = await h.signIn(MANAGER);
    expect((await h.call(cookie, 'GET', '/api/users')).status).toBe(403);
    expect((await h.call(cookie, 'POST', '/api/users', { email: 'x@example.com', role: 'admin', password: 'a long enough password' })).status).toBe(403);
    expect((await h.call(cookie, 'GET', '/api/audit')).status).toBe(403);
  });
});
