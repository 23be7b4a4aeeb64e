// GET /api/health: is callboard able to read Exotel and to write its database, and what it has counted of bad
// records and webhooks. Storage problems are named by category only (never a path or the driver's text).
import { Hono } from 'hono';
import type { Health } from '../../domain/api-schemas';
import { appVersion } from '../app-version';
import type { Config } from '../config';
import type { AccessEnv } from '../http/principal';
import type { UpstreamStatus } from '../exotel/upstream-status';
import type { StorageStatus } from '../store/storage-health';
import type { CounterStore, WebhookLog } from '../store/store';

export interface InstanceInfo {
  id: string;
  /** Whether this instance holds the sync lease (always, with the single-instance SQLite store). */
  isSyncLeader: () => boolean;
}

/**
 * Anyone may call it (a load balancer's check); without a session the answer is cut to `{ status }` by the access
 * middleware. A signed-in admin also sees which instance answered and whether it is the sync leader.
 */
export function healthRoutes(deps: { config: Config; store: CounterStore & WebhookLog & StorageStatus; upstream: UpstreamStatus; instance?: InstanceInfo }): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  app.get('/health', (c) => {
    const upstream = deps.upstream.snapshot();
    const storage = deps.store.storageHealth();
    // Demo mode with no upstream yet is not a fault; a live deployment that cannot read Exotel is.
    const upstreamHealthy = upstream.state === 'ok' || (upstream.state === 'unconfigured' && deps.config.mode === 'demo');
    // While writes fail, webhooks are answered 503: not healthy, whatever Exotel says.
    const healthy = upstreamHealthy && storage.state === 'ok';
    // Counts are read from the database; when it cannot be read they are left at what is known (nothing).
    let malformedRecords = 0;
    let webhooks: Health['webhooks'] = { lastAt: null, accepted: 0, duplicate: 0, rejected: 0, quarantined: 0 };
    let readable = true;
    try {
      malformedRecords = deps.store.malformedRecords();
      webhooks = deps.store.webhookHealth();
    } catch {
      readable = false;
    }
    const body: Health = {
      status: healthy && readable ? 'ok' : 'degraded',
      mode: deps.config.mode,
      upstream,
      malformedRecords,
      webhooks,
      storage,
      version: appVersion(),
    };
    if (deps.instance !== undefined && c.get('user')?.role === 'admin') {
      body.instance = deps.instance.id;
      body.syncLeader = deps.instance.isSyncLeader();
    }
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  return app;
}
