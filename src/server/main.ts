// Starts callboard: config, store, app, listen; then the upstream (Exotel, or the simulator in demo mode) and the
// sync scheduler. Everything else lives in app.ts and below, so tests never need this file.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { parseConfig, type Config } from './config';
import { consoleLogger } from './log';
import { openConfiguredStore } from './store/open-store';
import { bootstrapAdmin } from './access/users';
import { SESSION_LIFETIMES } from './access/sessions';
import { createApp } from './app';
import { webhookRoutes } from './routes/webhooks';
import { QuarantineReplayer } from './webhooks/quarantine';
import { WEBHOOK_KINDS } from './webhooks/webhook-event';
import { UpstreamStatus } from './exotel/upstream-status';
import { createSync, type Sync } from './sync/create-sync';
import { SyncLease } from './instances/sync-lease';
import { joinCluster } from './instances/cluster';
import type { DemoUpstream } from './demo';
import { gracefulShutdown, SERVER_OPTIONS } from './http/shutdown';

/** Expired and idle sessions are deleted this often (they are refused at once anyway; this only tidies the table). */
const SESSION_SWEEP_MS = 10 * 60_000;
/** How often the sync leader tells the other instances how reading Exotel goes. */
const UPSTREAM_SHARE_MS = 5_000;

async function main(): Promise<void> {
  const logger = consoleLogger;
  const config = parseConfig(process.env);
  if (config.databaseUrl === null) {
    if (config.dbPath !== ':memory:') mkdirSync(dirname(resolve(config.dbPath)), { recursive: true });
    if (config.freshDatabase) for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.dbPath}${suffix}`, { force: true });
  }
  // One connection for the campaign data and the access tables (users, sessions, links, displays, audit): the
  // SQLite file, or the PostgreSQL database that several instances share.
  const { kind: storeKind, store, access } = openConfiguredStore(config);
  const instance = `${hostname()}-${randomBytes(3).toString('hex')}`;
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
  // Demo mode has an upstream too (the simulator), so it starts as configured.
  const upstream = new UpstreamStatus(true);
  // With several instances, each one's events also reach the others' browsers (instances/cluster.ts).
  const { hub, watched, bus, throttle } = await joinCluster({ databaseUrl: config.databaseUrl, instance, upstream, logger });
  const webhooks = webhookRoutes({ store, hub, secret: config.webhookSecret, logger });
  // Exactly one instance reads Exotel: with PostgreSQL, the holder of the account's sync lease; with SQLite, this one.
  let lease: SyncLease | null = null;
  const isSyncLeader = () => (storeKind === 'postgres' ? lease?.isLeader === true : true);
  const app = createApp({ config, store, access, upstream, hub, watched, throttle, webhooks, staticDir: resolve('dist'), logger, instance: { id: instance, isSyncLeader } });

  let listening: (port: number) => void = () => undefined;
  const portKnown = new Promise<number>((done) => (listening = done));
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port, serverOptions: SERVER_OPTIONS }, (info) => listening(info.port));
  let sync: Sync | null = null;
  const stopSync = async () => {
    const running = sync;
    sync = null;
    await running?.scheduler.stop();
  };
  let demo: DemoUpstream | null = null;
  const shutdown = gracefulShutdown({
    server,
    logger,
    stopSync: () => (lease !== null ? lease.stop() : stopSync()),
    closeStore: () => {
      clearInterval(sweepSessions);
      store.close();
    },
    closeOthers: async () => {
      await bus?.close();
      await demo?.close();
    },
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
  const replayer = new QuarantineReplayer({ store, hub, logger });
  const syncCredentials = credentials;
  // A new sync each time this instance becomes the leader: its rate budget starts from the send times in the
  // store, which include those of the previous leader.
  const startSync = () => {
    sync = createSync({
      credentials: syncCredentials,
      rateLimitPerMin: config.rateLimitPerMin,
      pageSize: config.pageSize,
      store,
      hub,
      watched,
      upstream,
      logger,
      // Sync just learnt call sids or campaigns: webhook events that waited for them can now be placed.
      afterSync: () => void replayer.request(),
    });
    sync.scheduler.start();
  };
  if (config.databaseUrl !== null) {
    lease = new SyncLease({ connectionString: config.databaseUrl, account: credentials.accountSid, onGained: startSync, onLost: stopSync, logger });
    lease.start();
    const shareUpstream = setInterval(() => {
      if (lease?.isLeader === true) bus?.sendUpstream(upstream.snapshot(), upstream.staleSince());
    }, UPSTREAM_SHARE_MS);
    shareUpstream.unref();
  } else {
    startSync();
  }

  logger.info('callboard.started', {
    mode: config.mode,
    url: localUrl,
    store: storeKind,
    instance,
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
