// POST /api/session (sign in), GET /api/session (who is signed in), DELETE /api/session (sign out). One answer for
// every wrong credential; throttled attempts get 429 with Retry-After before any password is checked.
import { Hono } from 'hono';
import { loginSchema } from '../../domain/access/principal';
import type { LoginThrottle } from '../access/login-throttle';
import type { ScryptParams } from '../access/passwords';
import { clearedSessionCookie, sessionCookie, sessionTokenFrom, type Sessions } from '../access/sessions';
import { SIGN_IN_FAILED, signIn } from '../access/sign-in';
import type { Config } from '../config';
import { requestAddress, type AccessEnv } from '../http/principal';
import type { Logger } from '../log';
import type { UsersPort } from '../store/access-store';

export interface SessionRouteDeps {
  config: Config;
  sessions: Sessions;
  users: Pick<UsersPort, 'findUserByEmail' | 'replacePasswordHash'>;
  throttle: LoginThrottle;
  now: () => number;
  logger: Logger;
  scrypt?: ScryptParams;
}

export function sessionRoutes(deps: SessionRouteDeps): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();

  app.get('/session', (c) => {
    const user = c.get('user');
    if (user === null) return c.json({ error: 'Not signed in.' }, 401);
    c.header('Cache-Control', 'no-store');
    return c.json({ user: { email: user.email, role: user.role }, ...(c.get('demo') ? { demo: true } : {}) });
  });

  app.post('/session', async (c) => {
    const body: unknown = await c.req.json().catch(() => null);
    const login = loginSchema.safeParse(body);
    // A malformed body gets the same words as a wrong password: nothing to learn from the difference.
    if (!login.success) return c.json({ error: SIGN_IN_FAILED }, 401);
    const address = requestAddress(c, deps.config);
    const result = await signIn({ users: deps.users, throttle: deps.throttle, now: deps.now, scrypt: deps.scrypt }, login.data.email, login.data.password, address);
    if (!result.ok) {
      deps.logger.warn('session.sign_in_refused', { status: result.status });
      if (result.status === 429) {
        c.header('Retry-After', String(result.retryAfterSec));
        return c.json({ error: `Too many attempts. Try again in ${result.retryAfterSec} s.`, retryAfterSec: result.retryAfterSec }, 429);
      }
      return c.json({ error: result.error }, 401);
    }
    // A session cookie the browser already held is ended, so signing in never leaves an older session behind.
    deps.sessions.destroy(sessionTokenFrom(c.req.header('cookie'), deps.config.access.cookie));
    const session = deps.sessions.create(result.userId);
    deps.logger.info('session.signed_in', { email: result.user.email, sessionId: session.sessionId });
    c.header('Set-Cookie', sessionCookie(session.token, session.expiresAt, deps.now(), deps.config.access.cookie));
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });

  app.delete('/session', (c) => {
    deps.sessions.destroy(sessionTokenFrom(c.req.header('cookie'), deps.config.access.cookie));
    const sessionId = c.get('sessionId');
    if (sessionId !== null) deps.logger.info('session.signed_out', { sessionId });
    c.header('Set-Cookie', clearedSessionCookie(deps.config.access.cookie));
    return c.body(null, 204);
  });
  return app;
}
