// Wallboard displays, for signed-in users: POST /api/displays (register), GET /api/displays (list with last contact,
// app version, online), DELETE /api/displays/:id (remove), POST /api/displays/:id/rotate, and
// POST /api/displays/:id/reload `{ command: "reload"|"identify" }`, pushed to the screen over its open stream.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { canChangeOwnedBy, displayCreateSchema, isDisplayOnline, type Principal } from '../../domain/access/principal';
import { createDisplay, removeDisplay, rotateDisplay } from '../access/scoped-links';
import type { Config } from '../config';
import type { AccessEnv } from '../http/principal';
import { DISPLAY_COMMANDS, type AccessStreams } from '../live/access-streams';
import type { Logger } from '../log';
import type { AuditPort, DisplayRecord, DisplaysPort, ShareLinksPort } from '../store/access-store';
import type { CampaignStore } from '../store/store';
import { scopedUrl } from './share-links';
import { endStreamsOf } from './token-streams';
import { actorOf } from './users';

export interface DisplayRouteDeps {
  config: Config;
  store: Pick<CampaignStore, 'getCampaign'>;
  access: ShareLinksPort & DisplaysPort & AuditPort;
  streams: AccessStreams;
  now: () => number;
  logger: Logger;
}

const createSchema = displayCreateSchema.extend({ expiresAt: z.iso.datetime({ offset: true }).nullable().optional() });
const commandSchema = z.object({ command: z.enum(DISPLAY_COMMANDS).default('reload') });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function displayView(display: DisplayRecord, nowMs: number, streams: AccessStreams) {
  return {
    id: display.id,
    name: display.name,
    campaignIds: display.campaignIds,
    settings: display.settings,
    createdBy: display.createdBy,
    createdAt: iso(display.createdAt),
    expiresAt: iso(display.expiresAt),
    rotatedAt: iso(display.rotatedAt),
    lastContactAt: iso(display.lastContactAt),
    appVersion: display.appVersion,
    online: isDisplayOnline(display.lastContactAt, nowMs) || streams.count(display.id) > 0,
    streams: streams.count(display.id),
  };
}

const NOBODY: Principal = { kind: 'share', linkId: '', campaignIds: [], pii: 'masked', contacts: false };

export function displayRoutes(deps: DisplayRouteDeps): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const scoped = { store: deps.access, now: deps.now };

  app.post('/displays', async (c) => {
    const user = c.get('user');
    const body = createSchema.safeParse(await c.req.json().catch(() => null));
    if (!body.success || user === null) {
      const fields = body.success ? 'body' : [...new Set(body.error.issues.map((issue) => issue.path.join('.') || 'body'))].join(', ');
      return c.json({ error: `Invalid display: ${fields}` }, 400);
    }
    const { expiresAt, ...display } = body.data;
    const expiresAtMs = expiresAt ? Date.parse(expiresAt) : null;
    if (expiresAtMs !== null && expiresAtMs <= deps.now()) return c.json({ error: 'expiresAt must be in the future' }, 400);
    if (display.campaignIds !== 'active') {
      const unknown = display.campaignIds.filter((id) => deps.store.getCampaign(id) === null);
      if (unknown.length > 0) return c.json({ error: `Unknown campaign: ${unknown.join(', ')}` }, 400);
    }
    const created = createDisplay(scoped, display, user.email, expiresAtMs);
    deps.logger.info('display.created', { displayId: created.id, by: user.email });
    const record = deps.access.findDisplayById(created.id);
    if (!record) return c.json({ error: 'The display was not saved.' }, 500);
    return c.json({ ...displayView(record, deps.now(), deps.streams), url: scopedUrl(c, deps.config, 'tv', created.token) }, 201);
  });

  app.get('/displays', (c) => {
    const nowMs = deps.now();
    c.header('Cache-Control', 'no-store');
    return c.json({ displays: deps.access.listDisplays().map((display) => displayView(display, nowMs, deps.streams)) });
  });

  function owned(c: Context<AccessEnv>): DisplayRecord | Response {
    const display = deps.access.findDisplayById(c.req.param('id') ?? '');
    if (!display || display.revokedAt !== null) return c.json({ error: 'No such display.' }, 404);
    if (!canChangeOwnedBy(c.get('user') ?? NOBODY, display.createdBy)) return c.json({ error: 'Only its creator or an admin may change this display.' }, 403);
    return display;
  }

  app.delete('/displays/:id', (c) => {
    const display = owned(c);
    if (display instanceof Response) return display;
    if (removeDisplay(scoped, display.id, actorOf(c.get('user')))) endStreamsOf(deps, 'display.removed', { displayId: display.id });
    return c.body(null, 204);
  });

  app.post('/displays/:id/rotate', (c) => {
    const display = owned(c);
    if (display instanceof Response) return display;
    const rotated = rotateDisplay(scoped, display.id, actorOf(c.get('user')));
    if (!rotated) return c.json({ error: 'No such display.' }, 404);
    endStreamsOf(deps, 'display.rotated', { displayId: display.id });
    const fresh = deps.access.findDisplayById(display.id) ?? display;
    return c.json({ ...displayView(fresh, deps.now(), deps.streams), url: scopedUrl(c, deps.config, 'tv', rotated.token) }, 201);
  });

  app.post('/displays/:id/reload', async (c) => {
    const display = owned(c);
    if (display instanceof Response) return display;
    const raw: unknown = await c.req.json().catch(() => ({}));
    const body = commandSchema.safeParse(raw ?? {});
    if (!body.success) return c.json({ error: 'command must be "reload" or "identify"' }, 400);
    // The generation lets a display that was offline notice a reload it missed (GET /tv/<token>/api/scope).
    if (body.data.command === 'reload') deps.access.requestDisplayReload(display.id);
    const delivered = deps.streams.command(display.id, body.data.command);
    deps.logger.info('display.command', { displayId: display.id, command: body.data.command, delivered });
    return c.json({ command: body.data.command, delivered }, 202);
  });
  return app;
}
