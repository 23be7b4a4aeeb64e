// GET /api/audit?limit=&before=: the admin actions (users, share links, displays), newest first. Admins only.
import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin, type AccessEnv } from '../http/principal';
import type { AuditPort } from '../store/access-store';

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});

export function auditRoutes(deps: { store: AuditPort }): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  app.use('/audit', requireAdmin());
  app.get('/audit', (c) => {
    const query = querySchema.safeParse(c.req.query());
    if (!query.success) return c.json({ error: 'limit is 1-500; before is an entry id' }, 400);
    const entries = deps.store.listAudit(query.data).map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() }));
    c.header('Cache-Control', 'no-store');
    return c.json({ entries });
  });
  return app;
}
