// Builds callboard's HTTP app (never listens: main.ts does, tests call app.request()). /api reads only the store,
// so browsers never cause an Exotel call; /webhooks/exotel takes Exotel's posts; everything else is the SPA.
import { Hono } from 'hono';
import type { Config } from './config';
import type { UpstreamStatus } from './exotel/upstream-status';
import type { LiveHub } from './live/hub';
import { allowedHostNames, allowedHosts } from './http/allowed-hosts';
import { securityHeaders } from './http/security-headers';
import { consoleLogger } from './log';
import { campaignRoutes } from './routes/campaigns';
import { contactHistoryRoutes } from './routes/contact-history';
import { contactMetadataRoutes } from './routes/contact-metadata';
import { contactRoutes } from './routes/contacts';
import { exportRoutes } from './routes/exports';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { reportRoutes } from './routes/report';
import { staticRoutes } from './routes/static';
import type {
  CallStore,
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
  store: CampaignStore & CallStore & SyncStateStore & WebhookLog & CounterStore & ContactMetadataStore & ExportStore & ContactHistoryStore;
  upstream: UpstreamStatus;
  hub: LiveHub;
  watched: WatchedCampaigns;
  /** From webhookRoutes() in routes/webhooks.ts; mounted at /webhooks/exotel. */
  webhooks: Hono;
  /** The built SPA (dist/); without it only /api and /webhooks answer. */
  staticDir?: string;
  now?: () => Date;
}

export function createApp(deps: AppDeps): Hono {
  const now = deps.now ?? (() => new Date());
  const app = new Hono();
  // Outermost, so every response has them, the 421 and errors included.
  app.use('*', securityHeaders());
  // Before any route: a request addressed to a name that is not callboard's (DNS rebinding) reaches nothing.
  app.use('*', allowedHosts(allowedHostNames(deps.config)));

  const api = new Hono();
  api.route('/', healthRoutes(deps));
  api.route('/', campaignRoutes(deps));
  api.route('/', reportRoutes({ store: deps.store, upstream: deps.upstream, watched: deps.watched, timeZone: deps.config.timeZone, now }));
  // Before the contacts page route, so /contacts.csv and /contacts/:number/calls are never read as other paths.
  api.route('/', exportRoutes({ store: deps.store, timeZone: deps.config.timeZone, now }));
  api.route('/', contactHistoryRoutes({ store: deps.store, now }));
  api.route('/', contactMetadataRoutes({ store: deps.store, hub: deps.hub, now }));
  api.route('/', contactRoutes(deps));
  api.route('/', eventRoutes({ hub: deps.hub, watched: deps.watched }));
  api.notFound((c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));
  app.route('/api', api);

  app.route('/webhooks/exotel', deps.webhooks);
  if (deps.staticDir !== undefined) app.route('/', staticRoutes({ staticDir: deps.staticDir }));

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: 'not found' }, 404) : c.text('Not found', 404)));
  app.onError((error, c) => {
    consoleLogger.error('http.unhandled_error', { method: c.req.method, path: c.req.path, message: error.message });
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
