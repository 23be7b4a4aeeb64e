// The admin's user management: GET/POST /api/users, DELETE /api/users/:id, POST /api/users/:id/password and
// POST /api/users/:id/role. Admins only; password hashes never leave the server. Every change is audited.
import { Hono } from 'hono';
import { z } from 'zod';
import { roleSchema } from '../../domain/access/principal';
import { addUser, removeUser, resetPassword } from '../access/users';
import type { ScryptParams } from '../access/passwords';
import { requireAdmin, type AccessEnv } from '../http/principal';
import type { AuditPort, UserRecord, UsersPort } from '../store/access-store';

export interface UserRouteDeps {
  store: UsersPort & AuditPort;
  now: () => number;
  scrypt?: ScryptParams;
}

const addSchema = z.object({ email: z.string().max(254), role: roleSchema, password: z.string().max(1024) });
const passwordSchema = z.object({ password: z.string().max(1024) });
const roleChangeSchema = z.object({ role: roleSchema });

function publicUser(user: UserRecord) {
  return { id: user.id, email: user.email, role: user.role, createdAt: new Date(user.createdAt).toISOString(), updatedAt: new Date(user.updatedAt).toISOString() };
}

const STATUS = { 'invalid-email': 400, 'weak-password': 400, 'email-taken': 409, 'not-found': 404 } as const;

export function userRoutes(deps: UserRouteDeps): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  app.use('/users', requireAdmin());
  app.use('/users/*', requireAdmin());

  app.get('/users', (c) => c.json({ users: deps.store.listUsers().map(publicUser) }));

  app.post('/users', async (c) => {
    const body = addSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Give an email, a role (admin or manager) and a password.' }, 400);
    const added = await addUser(deps, body.data, actorOf(c.get('user')));
    if (!added.ok) return c.json({ error: added.message }, STATUS[added.reason]);
    return c.json({ user: publicUser(added.user) }, 201);
  });

  app.delete('/users/:id', (c) => {
    const user = deps.store.findUserById(c.req.param('id'));
    if (!user) return c.json({ error: 'No such user.' }, 404);
    if (user.email === c.get('user')?.email) return c.json({ error: 'You cannot remove your own account.' }, 400);
    const removed = removeUser(deps, user.email, actorOf(c.get('user')));
    return removed.ok ? c.body(null, 204) : c.json({ error: removed.message }, STATUS[removed.reason]);
  });

  app.post('/users/:id/password', async (c) => {
    const user = deps.store.findUserById(c.req.param('id'));
    if (!user) return c.json({ error: 'No such user.' }, 404);
    const body = passwordSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Give the new password.' }, 400);
    const reset = await resetPassword(deps, user.email, body.data.password, actorOf(c.get('user')));
    return reset.ok ? c.body(null, 204) : c.json({ error: reset.message }, STATUS[reset.reason]);
  });

  app.post('/users/:id/role', async (c) => {
    const user = deps.store.findUserById(c.req.param('id'));
    if (!user) return c.json({ error: 'No such user.' }, 404);
    const body = roleChangeSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: 'Give a role: admin or manager.' }, 400);
    if (user.email === c.get('user')?.email && body.data.role !== 'admin') return c.json({ error: 'You cannot demote your own account.' }, 400);
    const at = deps.now();
    deps.store.setUserRole(user.id, body.data.role, at);
    deps.store.appendAudit({ at, actor: actorOf(c.get('user')), action: 'user.role-changed', target: user.email, details: { from: user.role, to: body.data.role } });
    return c.json({ user: publicUser({ ...user, role: body.data.role, updatedAt: at }) });
  });
  return app;
}

/** The audit log's "who": the signed-in user's email. */
export function actorOf(user: { email: string } | null): string {
  return user?.email ?? 'unknown';
}
