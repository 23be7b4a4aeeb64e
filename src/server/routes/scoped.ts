// The read API and pages of scoped principals: /s/<token>/... (share links) and /tv/<token>/... (displays). The
// token is resolved on every request, so a revoked, rotated or expired one stops at once; anything not live, and any
// campaign outside the scope, is the same 404. Reads go through the same /api routes (one cache, one builder) and
// then a masking step: in a masked scope no response, SSE message or error carries a full number or name.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { contactsQuerySchema, REPORT_VIEW_ERROR, reportQuerySchema, type ContactsResponse } from '../../domain/api-schemas';
import { endsWithLastFour, maskedSearchRule } from '../../domain/access/masking';
import { canReadCampaign, canSeeContacts, isMasked, type DisplayPrincipal, type SharePrincipal } from '../../domain/access/principal';
import { isCampaignActive } from '../../domain/campaign-status';
import { isCampaignId } from '../../domain/campaign-id';
import { maskContactRow, maskReportJson, scrubDeep } from '../access/masked-responses';
import { resolveDisplayToken, resolveShareToken } from '../access/scoped-links';
import { truncateAddress } from '../access/ip-address';
import { appVersion } from '../app-version';
import type { Config } from '../config';
import { requestAddress } from '../http/principal';
import type { AccessStreams } from '../live/access-streams';
import type { LiveHub } from '../live/hub';
import type { Logger } from '../log';
import type { DisplaysPort, ShareLinksPort } from '../store/access-store';
import type { CallStore, CampaignStore, ContactMetadataStore, ExportStore } from '../store/store';
import type { WatchedCampaigns } from '../sync/watched';
import { streamScopedEvents } from './scoped-events';
import { EXPORT_FILES, scopedExports } from './scoped-exports';
import { DISPLAY_NOT_VALID_HTML, LINK_NOT_VALID_HTML, NOT_FOUND_JSON, readIndex, SCOPED_HEADERS } from './scoped-pages';

export { DISPLAY_NOT_VALID_HTML, LINK_NOT_VALID_HTML, SCOPED_HEADERS } from './scoped-pages';

export type ScopedPrincipal = SharePrincipal | DisplayPrincipal;
type ScopedEnv = { Variables: { scope: ScopedPrincipal } };

export interface ScopedRouteDeps {
  config: Config;
  store: CampaignStore & CallStore & ExportStore & ContactMetadataStore;
  access: ShareLinksPort & DisplaysPort;
  hub: LiveHub;
  watched: WatchedCampaigns;
  streams: AccessStreams;
  /** The /api read routes (GET /campaigns, GET /campaigns/:id/report), asked in-process so both share one cache. */
  reads: Hono;
  staticDir?: string;
  now: () => number;
  logger: Logger;
  heartbeatMs?: number;
  /** How often an open stream re-checks its token (expiry, or a revocation made by another process). */
  recheckMs?: number;
}

/** A display's contact is written at most this often (it polls every 30 s; every request need not be a write). */
const CONTACT_WRITE_EVERY_MS = 15_000;
/** How long the set of active campaigns (an "active" display's scope) is reused before it is read again. */
const ACTIVE_SET_EVERY_MS = 1_000;
const NO_CAMPAIGNS: ReadonlySet<string> = new Set();
/** The largest set of last-four matches a masked search filters in memory (a campaign rarely has more). */
const LAST_FOUR_SCAN_LIMIT = 100_000;

export const APP_VERSION_HEADER = 'x-callboard-version';

const eventsQuerySchema = z.object({ campaign: z.string().optional() });

export function scopedRoutes(deps: ScopedRouteDeps): Hono {
  const app = new Hono();
  app.route('/s/:token', scopedApp(deps, 'share'));
  app.route('/tv/:token', scopedApp(deps, 'display'));
  return app;
}

function isApiPath(path: string): boolean {
  return /^\/(s|tv)\/[^/]+\/api(\/|$)/.test(path);
}

function scopedApp(deps: ScopedRouteDeps, kind: 'share' | 'display'): Hono<ScopedEnv> {
  const app = new Hono<ScopedEnv>();
  const lastContactWrite = new Map<string, { at: number; version: string | null }>();
  const sendExport = scopedExports({ store: deps.store, timeZone: deps.config.timeZone, now: () => new Date(deps.now()), logger: deps.logger });

  const resolve = (token: string): ScopedPrincipal | null =>
    kind === 'share' ? resolveShareToken({ store: deps.access, now: deps.now }, token) : resolveDisplayToken({ store: deps.access, now: deps.now }, token);
  const scopeId = (scope: ScopedPrincipal): string => (scope.kind === 'share' ? scope.linkId : scope.displayId);

  const notFound = (c: Context) =>
    isApiPath(c.req.path) ? c.json(NOT_FOUND_JSON, 404) : c.html(kind === 'share' ? LINK_NOT_VALID_HTML : DISPLAY_NOT_VALID_HTML, 404);

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SCOPED_HEADERS)) c.res.headers.set(name, value);
  });

  app.use('*', async (c, next) => {
    const scope = resolve(c.req.param('token') ?? '');
    if (scope === null) return notFound(c);
    c.set('scope', scope);
    if (scope.kind === 'display') noteDisplayContact(c, scope);
    await next();
  });

  /**
   * The display's last contact and the app version it runs (its X-Callboard-Version). Not every request carries the
   * header (an EventSource cannot send one, and the page's first request does not know it yet), so a version not yet
   * written is written at once rather than waiting out the write interval.
   */
  function noteDisplayContact(c: Context, scope: DisplayPrincipal): void {
    const at = deps.now();
    const version = c.req.header(APP_VERSION_HEADER)?.replace(/[^\w.+-]/g, '').slice(0, 40) || null;
    const last = lastContactWrite.get(scope.displayId);
    const newVersion = version !== null && version !== last?.version;
    if (last && at - last.at < CONTACT_WRITE_EVERY_MS && !newVersion) return;
    lastContactWrite.set(scope.displayId, { at, version: version ?? last?.version ?? null });
    deps.access.recordDisplayContact(scope.displayId, at, version);
  }

  // An "active" display's scope is the campaigns dialling now. Every such stream checks each campaign-level event
  // against it, so the campaign list is read at most once a second, however many displays and events ask.
  let active: { at: number; ids: ReadonlySet<string> } | null = null;
  function activeIds(scope: ScopedPrincipal): ReadonlySet<string> {
    if (scope.kind !== 'display' || scope.campaignIds !== 'active') return NO_CAMPAIGNS;
    const at = deps.now();
    if (active === null || at - active.at >= ACTIVE_SET_EVERY_MS || at < active.at) {
      active = { at, ids: new Set(deps.store.listCampaigns().filter((campaign) => isCampaignActive(campaign.status)).map((campaign) => campaign.id)) };
    }
    return active.ids;
  }

  const readable = (scope: ScopedPrincipal, id: string): boolean => isCampaignId(id) && canReadCampaign(scope, id, activeIds(scope));

  /** What the page needs to know about its own scope (title, masking, which tabs to show). */
  app.get('/api/scope', (c) => {
    const scope = c.get('scope');
    if (scope.kind === 'share') {
      const link = deps.access.findShareLinkById(scope.linkId);
      return c.json({
        kind: 'share',
        campaignIds: scope.campaignIds,
        masked: isMasked(scope),
        contacts: scope.contacts,
        label: link?.label ?? null,
        expiresAt: link ? new Date(link.expiresAt).toISOString() : null,
      });
    }
    const display = deps.access.findDisplayById(scope.displayId);
    return c.json({
      kind: 'display',
      name: display?.name ?? '',
      campaignIds: scope.campaignIds,
      masked: true,
      contacts: false,
      settings: display?.settings ?? {},
      reloadGeneration: display?.reloadGeneration ?? 0,
      // The running build: a wallboard reloads itself once, at a quiet moment, when it changes.
      version: appVersion(),
    });
  });

  app.get('/api/campaigns', async (c) => {
    const scope = c.get('scope');
    const res = await deps.reads.request('/campaigns');
    const body: unknown = await res.json();
    const parsed = z.object({ campaigns: z.array(z.looseObject({ id: z.string() })) }).loose().safeParse(body);
    if (!res.ok || !parsed.success) return c.json({ error: 'The campaign list is not available right now.' }, 503);
    const active = activeIds(scope);
    const campaigns = parsed.data.campaigns.filter((campaign) => canReadCampaign(scope, campaign.id, active));
    return c.json(scrubDeep({ ...parsed.data, campaigns }));
  });

  app.get('/api/campaigns/:id/report', async (c) => {
    const scope = c.get('scope');
    const id = c.req.param('id');
    if (!readable(scope, id)) return c.json(NOT_FOUND_JSON, 404);
    // A wallboard asks for its narrow view; the view is re-encoded from the parsed query, never forwarded as sent.
    const query = reportQuerySchema.safeParse(c.req.query());
    if (!query.success) return c.json({ error: REPORT_VIEW_ERROR }, 400);
    const res = await deps.reads.request(`/campaigns/${id}/report?view=${query.data.view}`);
    if (!res.ok) return c.json(res.status === 404 ? NOT_FOUND_JSON : { error: 'The report is not available right now.' }, res.status === 404 ? 404 : 503);
    const report: unknown = await res.json();
    return c.json(isMasked(scope) ? maskReportJson(report) : report);
  });

  app.get('/api/campaigns/:id/contacts', (c) => {
    const scope = c.get('scope');
    const id = c.req.param('id');
    if (!canSeeContacts(scope) || !readable(scope, id) || deps.store.getCampaign(id) === null) return c.json(NOT_FOUND_JSON, 404);
    const parsed = contactsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      // Names the parameter, never echoes its value (a masked scope must not reflect a number back).
      const names = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'query'))].join(', ');
      return c.json({ error: `Invalid contacts query: ${names}` }, 400);
    }
    deps.watched.touch(id);
    const query = parsed.data;
    if (!isMasked(scope)) return c.json(deps.store.queryContacts(id, query));
    // Tags are left out of masked rows, so filtering by one would reveal them: refused like a name search.
    if (c.req.query('tag') !== undefined) return c.json({ error: 'In a masked view, contacts cannot be filtered by tag.' }, 400);
    const search = maskedSearchRule(query.q);
    if (!search.ok) return c.json({ error: search.reason }, 400);
    let page: ContactsResponse;
    if (search.lastFour === null) page = deps.store.queryContacts(id, { ...query, q: '' });
    else {
      // Four digits match anywhere in the index; only those at the end of the number count here.
      const lastFour = search.lastFour;
      const candidates = deps.store.queryContacts(id, { ...query, q: lastFour, offset: 0, limit: LAST_FOUR_SCAN_LIMIT });
      const matches = candidates.rows.filter((row) => endsWithLastFour(row.number, lastFour));
      page = { total: matches.length, rows: matches.slice(query.offset, query.offset + query.limit) };
    }
    return c.json({ total: page.total, rows: page.rows.map(maskContactRow) });
  });

  // Exports follow the contacts permission (canExport) and the scope's masking.
  for (const file of EXPORT_FILES) {
    app.get(`/api/campaigns/:id/${file}`, (c) => {
      const scope = c.get('scope');
      const campaignId = c.req.param('id');
      return sendExport(c, { scope, scopeId: scopeId(scope), inScope: readable(scope, campaignId), campaignId, file });
    });
  }

  app.get('/api/events', (c) => {
    const scope = c.get('scope');
    const token = c.req.param('token') ?? '';
    const query = eventsQuerySchema.safeParse(c.req.query());
    const filter = query.success ? (query.data.campaign ?? null) : null;
    if (!query.success || (filter !== null && !readable(scope, filter))) return c.json(NOT_FOUND_JSON, 404);
    return streamScopedEvents(c, { ...deps, scope, filter, id: scopeId(scope), stillValid: () => resolve(token) !== null, readable: (campaignId) => readable(scope, campaignId) });
  });

  app.all('/api/*', (c) => c.json(NOT_FOUND_JSON, 404));
  app.all('/api', (c) => c.json(NOT_FOUND_JSON, 404));

  app.get('*', (c) => {
    const scope = c.get('scope');
    if (scope.kind === 'share') {
      const address = requestAddress(c, deps.config);
      deps.access.recordShareLinkOpen(scope.linkId, {
        at: deps.now(),
        address: address === null ? null : truncateAddress(address),
        userAgent: c.req.header('user-agent')?.slice(0, 200) ?? null,
      });
      deps.logger.info('share_link.opened', { linkId: scope.linkId });
    }
    const html = deps.staticDir === undefined ? null : readIndex(deps.staticDir);
    if (html === null) return c.text('callboard: the web app is not built (run `vite build`).', 503);
    return c.html(html, 200);
  });

  app.all('*', (c) => notFound(c));
  return app;
}
