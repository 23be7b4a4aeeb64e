// PUT /api/campaigns/:id/revenue: the campaign's revenue as a manager enters it ({ rupees }, null clears), which
// wins over the uploaded sheet's revenue column in the report's business metrics. Signed-in admins and managers
// only: share links and displays never reach it (it is not mirrored under /s/ or /tv/). Each change is audited
// and announced as a `campaign` event, so open reports refetch; the campaign's version moves, so does the ETag.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { managerRevenueRequestSchema, type ManagerRevenueResult } from '../../domain/api-schemas';
import type { Role } from '../../domain/access/principal';
import { CAMPAIGN_ID_ERROR, isCampaignId, unknownCampaignError } from '../../domain/campaign-id';
import type { AccessEnv } from '../http/principal';
import type { LiveHub } from '../live/hub';
import type { AuditPort } from '../store/access-store';
import type { CampaignRevenueStore, CampaignStore } from '../store/store';

/** Who may enter a campaign's revenue: every role a signed-in user can have today, named so a new role must opt in. */
const ROLES_ENTERING_REVENUE: readonly Role[] = ['admin', 'manager'];

/** `{ "rupees": 100000000000.00 }` is about 30 bytes. */
const REVENUE_BODY_MAX_BYTES = 1024;

export interface RevenueRouteDeps {
  store: Pick<CampaignStore, 'getCampaign'> & CampaignRevenueStore;
  audit: AuditPort;
  hub?: LiveHub;
  now?: () => Date;
}

export function revenueRoutes(deps: RevenueRouteDeps): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const now = deps.now ?? (() => new Date());
  app.put(
    '/campaigns/:id/revenue',
    bodyLimit({ maxSize: REVENUE_BODY_MAX_BYTES, onError: (c) => c.json({ error: 'The request body is too large.' }, 413) }),
    async (c) => {
      const user = c.get('user');
      if (user === null || !ROLES_ENTERING_REVENUE.includes(user.role)) return c.json({ error: 'Only a manager or an admin may enter revenue.' }, 403);
      const id = c.req.param('id');
      if (!isCampaignId(id)) return c.json({ error: CAMPAIGN_ID_ERROR }, 400);
      const body = managerRevenueRequestSchema.safeParse(await c.req.json().catch(() => undefined));
      if (!body.success) {
        const message = body.error.issues[0]?.message ?? 'invalid body';
        return c.json({ error: `Send { "rupees": number | null }: ${message}` }, 400);
      }
      const at = now();
      const { rupees } = body.data;
      if (!deps.store.setManagerRevenue(id, rupees, user.email, at.toISOString())) return c.json({ error: unknownCampaignError(id) }, 404);
      deps.audit.appendAudit({
        at: at.getTime(),
        actor: user.email,
        action: rupees === null ? 'campaign.revenue-cleared' : 'campaign.revenue-set',
        target: id,
        details: rupees === null ? null : { rupees },
      });
      deps.hub?.publish({ type: 'campaign', campaignId: id, at: at.toISOString() });
      const result: ManagerRevenueResult = { revenue: deps.store.managerRevenue(id) };
      return c.json(result);
    },
  );
  return app;
}
