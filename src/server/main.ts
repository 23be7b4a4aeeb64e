// Starts callboard: config, store, app, listen; then the upstream (Exotel, or the simulator in demo mode) and the
// sync scheduler. Everything else lives in app.ts and below, so tests never need this file.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { parseConfig, type Config } from './config';
import { consoleLogger } from './log';
import { openSqliteDatabase, SqliteStore } from './store/sqlite-store';
import { SqliteAccessStore } from './store/sqlite-access';
import { bootstrapAdmin } from './access/users';
import { SESSION_LIFETIMES } from './access/sessions';
import { createApp } from './app';
import { webhookRoutes } from './routes/webhooks';
import { replayQuarantined } from './webhooks/quarantine';
import { WEBHOOK_KINDS } from './webhooks/webhook-event';
import { LiveHub } from './live/hub';
import { WatchedCampaigns } from './sync/watched';
import { UpstreamStatus } from './exotel/upstream-status';
import { createSync } from './sync/create-sync';
import type { DemoUpstream } from './demo';
import { gracefulShutdown, SERVER_OPTIONS } from './http/shutdown';

/** Expired and idle sessions are deleted this often (they are refused at once anyway; this only tidies the table). */
const SESSION_SWEEP_MS = 10 * 60_000;

async function main(): Promise<void> {
  const logger = consoleLogger;
  const config = parseConfig(process.env);
  if (config.dbPath !== ':memory:') mkdirSync(dirname(resolve(config.dbPath)), { recursive: true });
  if (config.freshDatabase) for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.dbPath}${suffix}`, { force: true });
  // One connection for the campaign data and the access tables (users, sessions, links, displays, audit).
  const db = openSqliteDatabase(config.dbPath);
  const store = new SqliteStore(db);
  const access = new SqliteAccessStore(db);
  const admin = await bootstrapAdmin({ store: access, now: () => Date.now() }, config.access.bootstrapAdmin);
  // The outcome, never the password.
  if (admin.outcome === 'created') logger.info('access.first_admin_created', { email: admin.email });
  else if (admin.outcome === 'failed') logger.error('access.first_admin_failed', { message: admin.message });
  else if (config.mode === 'live' && admin.reason === 'not-configured') {
    logger.warn('access.no_users', { hint: 'set CALLBOARD_ADMIN_EMAIL and CALLBOARD_ADMIN_PASSWORD, or run: npm run users -- add <email> --role admin' });
  }
  const sweepSessions = setInterval(() => {
    const removed = access.deleteExpiredSessions(Date.now(), SESSION_LIFETIMES.idleMs);
    if (removed > 0) logger.info('access.sessions_swept', { removed });
  }, SESSION_SWEEP_MS);
  sweepSessions.unref();
  const hub = new LiveHub();
  const watched = new WatchedCampaigns();
  // Demo mode has an upstream too (the simulator), so it starts as configured.
  const upstream = new UpstreamStatus(true);
  const webhooks = webhookRoutes({ store, hub, secret: config.webhookSecret, logger });
  const app = createApp({ config, store, access, upstream, hub, watched, webhooks, staticDir: resolve('dist'), logger });

  let listening: (port: number) => void = () => undefined;
  const portKnown = new Promise<number>((done) => (listening = done));
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port, serverOptions: SERVER_OPTIONS }, (info) => listening(info.port));
  let sync: ReturnType<typeof createSync> | null = null;
  let demo: DemoUpstream | null = null;
  const shutdown = gracefulShutdown({
    server,
    logger,
    stopSync: () => sync?.scheduler.stop() ?? Promise.resolve(),
    closeStore: () => {
      clearInterval(sweepSessions);
      store.close();
    },
    closeOthers: () => demo?.close() ?? Promise.resolve(),
  });
  const port = await Promise.race([portKnown, new Promise<never>((_, fail) => server.once('error', fail))]);
  const localUrl = `http://${config.host}:${port}`;

  let credentials = config.exotel;
  if (!credentials) {
    // Loaded only in demo mode: live mode never loads the simulator (mocks/) or msw.
    const { startDemoUpstream } = await import('./demo');
    demo = await startDemoUpstream({
      seed: config.demo.seed,
      speed: config.demo.speed,
      webhookBaseUrl: `http://127.0.0.1:${port}/webhooks/exotel/${config.webhookSecret}`,
    });
    credentials = demo.credentials;
  }
  sync = createSync({
    credentials,
    rateLimitPerMin: config.rateLimitPerMin,
    pageSize: config.pageSize,
    store,
    hub,
    watched,
    upstream,
    logger,
    // Sync just learnt call sids or campaigns: webhook events that waited for them can now be placed.
    afterSync: () => void replayQuarantined({ store, hub, logger }),
  });
  sync.scheduler.start();

  logger.info('callboard.started', {
    mode: config.mode,
    url: localUrl,
    upstream: config.mode === 'live' ? credentials.baseUrl : `simulator at ${credentials.baseUrl}`,
    rateLimitPerMin: config.rateLimitPerMin,
    access: config.mode === 'demo' ? 'demo: this machine opens as a demo admin, no sign-in' : 'sign-in required',
    ...webhookUrls(config, localUrl),
  });

  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The three callback URLs to paste into Exotel, with the secret masked (it is the only thing guarding them). */
function webhookUrls(config: Config, localUrl: string): Record<string, string> {
  const base = config.publicUrl ?? localUrl;
  const masked = `${config.webhookSecret.slice(0, 4)}…`;
  return Object.fromEntries(WEBHOOK_KINDS.map((kind) => [`webhook_${kind}`, `${base.replace(/\/+$/, '')}/webhooks/exotel/${masked}/${kind}`]));
}

main().catch((error: unknown) => {
  consoleLogger.error('callboard.failed_to_start', { message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
