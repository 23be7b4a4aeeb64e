// Share links, for signed-in users: POST /api/share-links (create), GET /api/share-links?campaignId= (list),
// DELETE /api/share-links/:id (revoke), POST /api/share-links/:id/rotate, GET /api/share-links/:id/opens. A token is
// shown once, in the URL of the create or rotate answer; revoke and rotate end the link's open streams at once.
import { Hono, type Context } from 'hono';
import { canChangeOwnedBy, mayCreateShareLink, shareLinkCreateSchema } from '../../domain/access/principal';
import { isCampaignId } from '../../domain/campaign-id';
import { createShareLink, revokeShareLink, rotateShareLink } from '../access/scoped-links';
import type { Config } from '../config';
import type { AccessEnv } from '../http/principal';
import type { AccessStreams } from '../live/access-streams';
import type { Logger } from '../log';
import type { AuditPort, DisplaysPort, ShareLinkRecord, ShareLinksPort } from '../store/access-store';
import type { CampaignStore } from '../store/store';
import { endStreamsOf } from './token-streams';
import { actorOf } from './users';

export interface ShareLinkRouteDeps {
  config: Config;
  store: Pick<CampaignStore, 'getCampaign'>;
  access: ShareLinksPort & DisplaysPort & AuditPort;
  streams: AccessStreams;
  now: () => number;
  logger: Logger;
}

const OPENS_SHOWN = 200;

/** The URL a token opens: under CALLBOARD_PUBLIC_URL when set, else the address the creator used. */
export function scopedUrl(c: Context, config: Config, prefix: 's' | 'tv', token: string): string {
  const base = (config.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
  return `${base}/${prefix}/${token}`;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function shareLinkView(link: ShareLinkRecord, nowMs: number) {
  return {
    id: link.id,
    campaignIds: link.campaignIds,
    pii: link.pii,
    contacts: link.contacts,
    label: link.label,
    createdBy: link.createdBy,
    createdAt: iso(link.createdAt),
    expiresAt: iso(link.expiresAt),
    revokedAt: iso(link.revokedAt),
    rotatedAt: iso(link.rotatedAt),
    lastOpenedAt: iso(link.lastOpenedAt),
    opens: link.opens,
    state: link.revokedAt !== null ? 'revoked' : nowMs >= link.expiresAt ? 'expired' : 'active',
  };
}

export function shareLinkRoutes(deps: ShareLinkRouteDeps): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const scoped = { store: deps.access, now: deps.now };

  app.post('/share-links', async (c) => {
    const user = c.get('user');
    const body = shareLinkCreateSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success || user === null) {
      const fields = body.success ? 'body' : [...new Set(body.error.issues.map((issue) => issue.path.join('.') || 'body'))].join(', ');
      return c.json({ error: `Invalid share link: ${fields}` }, 400);
    }
    const allowed = mayCreateShareLink(user, body.data.pii, { managersMayShareFullPii: deps.config.access.managersMayShareFullPii });
    if (!allowed.ok) return c.json({ error: allowed.reason }, 403);
    const unknown = body.data.campaignIds.filter((id) => deps.store.getCampaign(id) === null);
    if (unknown.length > 0) return c.json({ error: `Unknown campaign: ${unknown.join(', ')}` }, 400);
    const created = createShareLink(scoped, body.data, user.email);
    deps.logger.info('share_link.created', { linkId: created.id, by: user.email });
    const link = deps.access.findShareLinkById(created.id);
    if (!link) return c.json({ error: 'The link was not saved.' }, 500);
    return c.json({ ...shareLinkView(link, deps.now()), url: scopedUrl(c, deps.config, 's', created.token) }, 201);
  });

  app.get('/share-links', (c) => {
    const campaignId = c.req.query('campaignId');
    if (campaignId !== undefined && !isCampaignId(campaignId)) return c.json({ error: 'campaignId must be a campaign id' }, 400);
    const nowMs = deps.now();
    const links = deps.access.listShareLinks(campaignId === undefined ? {} : { campaignId }).map((link) => shareLinkView(link, nowMs));
    c.header('Cache-Control', 'no-store');
    return c.json({ links });
  });

  /** The link, if the caller may change it; otherwise the answer to send. */
  function owned(c: Context<AccessEnv>): ShareLinkRecord | Response {
    const link = deps.access.findShareLinkById(c.req.param('id') ?? '');
    if (!link) return c.json({ error: 'No such share link.' }, 404);
    if (!canChangeOwnedBy(c.get('user') ?? { kind: 'share', linkId: '', campaignIds: [], pii: 'masked', contacts: false }, link.createdBy)) {
      return c.json({ error: 'Only its creator or an admin may change this link.' }, 403);
    }
    return link;
  }

  app.delete('/share-links/:id', (c) => {
    const link = owned(c);
    if (link instanceof Response) return link;
    if (revokeShareLink(scoped, link.id, actorOf(c.get('user')))) endStreamsOf(deps, 'share_link.revoked', { linkId: link.id });
    return c.body(null, 204);
  });

  app.post('/share-links/:id/rotate', (c) => {
    const link = owned(c);
    if (link instanceof Response) return link;
    const rotated = rotateShareLink(scoped, link.id, actorOf(c.get('user')));
    if (!rotated) return c.json({ error: 'A revoked link cannot be rotated.' }, 409);
    endStreamsOf(deps, 'share_link.rotated', { linkId: link.id });
    const fresh = deps.access.findShareLinkById(link.id) ?? link;
    return c.json({ ...shareLinkView(fresh, deps.now()), url: scopedUrl(c, deps.config, 's', rotated.token) }, 201);
  });

  app.get('/share-links/:id/opens', (c) => {
    const link = deps.access.findShareLinkById(c.req.param('id'));
    if (!link) return c.json({ error: 'No such share link.' }, 404);
    const opens = deps.access.listShareLinkOpens(link.id, OPENS_SHOWN).map((open) => ({ at: iso(open.at), address: open.address, userAgent: open.userAgent }));
    c.header('Cache-Control', 'no-store');
    return c.json({ opens });
  });
  return app;
}
