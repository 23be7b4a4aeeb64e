// Builds callboard's HTTP app (never listens: main.ts does, tests call app.request()). /api reads only the store,
// so browsers never cause an Exotel call; /webhooks/exotel takes Exotel's posts; everything else is the SPA.
// Access: /api needs a signed-in user (http/principal.ts); share links and displays read under /s/<token> and
// /tv/<token> (routes/scoped.ts), masked where their scope says so.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from './config';
import type { UpstreamStatus } from './exotel/upstream-status';
import type { LiveHub } from './live/hub';
import { allowedHostNames, allowedHosts } from './http/allowed-hosts';
import { securityHeaders } from './http/security-headers';
import { compressJson } from './http/compress';
import { consoleLogger, type Logger } from './log';
import { createLoginThrottle, type LoginThrottle } from './access/login-throttle';
import type { ScryptParams } from './access/passwords';
import { createSessions } from './access/sessions';
import { requirePrincipal, resolvePrincipal, type AccessEnv } from './http/principal';
import { AccessStreams } from './live/access-streams';
import { deferredRefresh } from './live/deferred-refresh';
import { auditRoutes } from './routes/audit';
import { displayRoutes } from './routes/displays';
import { scopedRoutes } from './routes/scoped';
import { sessionRoutes } from './routes/session';
import { shareLinkRoutes } from './routes/share-links';
import { userRoutes } from './routes/users';
import type { AccessStore } from './store/access-store';
import { SqliteAccessStore } from './store/sqlite-access';
import { openSqliteDatabase } from './store/sqlite-store';
import { campaignRoutes } from './routes/campaigns';
import { contactHistoryRoutes } from './routes/contact-history';
import { contactMetadataRoutes } from './routes/contact-metadata';
import { contactRoutes } from './routes/contacts';
import { exportRoutes } from './routes/exports';
import { eventRoutes } from './routes/events';
import { healthRoutes, type InstanceInfo } from './routes/health';
import { reportRoutes } from './routes/report';
import { revenueRoutes } from './routes/revenue';
import { insightRoutes } from './routes/insight';
import { staticRoutes } from './routes/static';
import type { StorageStatus } from './store/storage-health';
import type {
  CallStore,
  CampaignRevenueStore,
  CampaignStore,
  ContactHistoryStore,
  ContactMetadataStore,
  CounterStore,
  ExportStore,
  SyncStateStore,
  WebhookLog,
} from './store/store';
import type { WatchedCampaigns } from './sync/watched';

export interface AppDeps {
  config: Config;
  /** The ports the /api routes read (webhooks come pre-built, with their own). */
  store: CampaignStore &
    CallStore &
    SyncStateStore &
    WebhookLog &
    CounterStore &
    StorageStatus &
    ContactMetadataStore &
    ExportStore &
    ContactHistoryStore &
    CampaignRevenueStore;
  upstream: UpstreamStatus;
  hub: LiveHub;
  watched: WatchedCampaigns;
  /** From webhookRoutes() in routes/webhooks.ts; mounted at /webhooks/exotel. */
  webhooks: Hono;
  /** The built SPA (dist/); without it only /api and /webhooks answer. */
  staticDir?: string;
  now?: () => Date;
  /** Users, sessions, share links, displays, audit. Absent (older tests): an empty in-memory one, so nobody signs in. */
  access?: AccessStore;
  /** The open streams of share links and displays (revoke closes them). */
  streams?: AccessStreams;
  throttle?: LoginThrottle;
  logger?: Logger;
  /** Tests lower the password hash's cost. */
  scrypt?: ScryptParams;
  /** Tests shorten the scoped streams' heartbeat and token re-check. */
  scopedStreamTiming?: { heartbeatMs?: number; recheckMs?: number };
  /**
   * A report build slower than this (ms) is reused briefly after a change, its viewers told to fetch again when the
   * reuse ends. Whether a build is slow depends on the machine's load, so a test that asserts each change is seen at
   * once sets Infinity.
   */
  slowReportBuildMs?: number;
  /** Which instance this is and whether it reads Exotel now (several instances on PostgreSQL); admins see both in health. */
  instance?: InstanceInfo;
}

/** Sign-in, users, share links and displays: the largest is a display's settings (4,000 characters of JSON). */
const ACCESS_BODY_MAX_BYTES = 16 * 1024;

export function createApp(deps: AppDeps): Hono {
  const now = deps.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const logger = deps.logger ?? consoleLogger;
  const access = deps.access ?? new SqliteAccessStore(openSqliteDatabase(':memory:'));
  const streams = deps.streams ?? new AccessStreams();
  const sessions = createSessions(access, nowMs);
  const app = new Hono();
  // Outermost, so every response has them, the 421 and errors included.
  app.use('*', securityHeaders({ frameAncestors: deps.config.access.frameAncestors }));
  // Before any route: a request addressed to a name that is not callboard's (DNS rebinding) reaches nothing.
  app.use('*', allowedHosts(allowedHostNames(deps.config)));

  const campaigns = campaignRoutes(deps);
  const reports = reportRoutes({
    store: deps.store,
    upstream: deps.upstream,
    watched: deps.watched,
    timeZone: deps.config.timeZone,
    pricing: deps.config.pricing,
    now,
    slowBuildMs: deps.slowReportBuildMs,
    onDeferred: deferredRefresh(deps.hub, nowMs),
  });
  // The scoped prefixes ask the same read routes in-process (one report cache), then mask what they return.
  const reads = new Hono();
  reads.route('/', campaigns);
  reads.route('/', reports);
  app.route(
    '/',
    scopedRoutes({ config: deps.config, store: deps.store, access, hub: deps.hub, watched: deps.watched, streams, reads, staticDir: deps.staticDir, now: nowMs, logger, ...deps.scopedStreamTiming }),
  );

  const api = new Hono<AccessEnv>();
  api.use(compressJson());
  // Order: who is asking (cookie, trusted proxy, demo), then the door (same-origin for changes, 401 without a user).
  api.use('*', resolvePrincipal({ config: deps.config, sessions, users: access }));
  api.use('*', requirePrincipal({ config: deps.config }));
  // The access routes take small JSON bodies: a megabyte one is refused before it is read into memory.
  const smallBody = bodyLimit({ maxSize: ACCESS_BODY_MAX_BYTES, onError: (c) => c.json({ error: 'The request body is too large.' }, 413) });
  for (const path of ['/session', '/users', '/users/*', '/share-links', '/share-links/*', '/displays', '/displays/*']) api.use(path, smallBody);
  api.route('/', sessionRoutes({ config: deps.config, sessions, users: access, throttle: deps.throttle ?? createLoginThrottle(nowMs), now: nowMs, logger, scrypt: deps.scrypt }));
  api.route('/', userRoutes({ store: access, now: nowMs, scrypt: deps.scrypt }));
  api.route('/', shareLinkRoutes({ config: deps.config, store: deps.store, access, streams, now: nowMs, logger }));
  api.route('/', displayRoutes({ config: deps.config, store: deps.store, access, streams, now: nowMs, logger }));
  api.route('/', auditRoutes({ store: access }));
  api.route('/', healthRoutes(deps));
  api.route('/', campaigns);
  api.route('/', reports);
  api.route('/', insightRoutes({ store: deps.store, timeZone: deps.config.timeZone, now }));
  // Before the contacts page route, so /contacts.csv and /contacts/:number/calls are never read as other paths.
  api.route('/', exportRoutes({ store: deps.store, timeZone: deps.config.timeZone, now }));
  api.route('/', contactHistoryRoutes({ store: deps.store, now }));
  api.route('/', contactMetadataRoutes({ store: deps.store, hub: deps.hub, now }));
  api.route('/', revenueRoutes({ store: deps.store, audit: access, hub: deps.hub, now }));
  api.route('/', contactRoutes(deps));
  api.route('/', eventRoutes({ hub: deps.hub, watched: deps.watched, store: deps.store }));
  api.notFound((c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));
  app.route('/api', api);

  app.route('/webhooks/exotel', deps.webhooks);
  if (deps.staticDir !== undefined) app.route('/', staticRoutes({ staticDir: deps.staticDir }));

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: 'not found' }, 404) : c.text('Not found', 404)));
  app.onError((error, c) => {
    // A share or display path carries its token: the log names the prefix, never the token.
    logger.error('http.unhandled_error', { method: c.req.method, path: redactTokenPath(c.req.path), message: error.message });
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}

/** `/s/<token>/api/...` -> `/s/<token>/api/...` with the token replaced, for logs. */
export function redactTokenPath(path: string): string {
  return path.replace(/^\/(s|tv)\/[^/]+/, '/$1/<token>');
}
