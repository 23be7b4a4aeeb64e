// GET /api/health: is callboard able to read Exotel, and what it has counted of bad records and webhooks.
import { Hono } from 'hono';
import type { Health } from '../../domain/api-schemas';
import { appVersion } from '../app-version';
import type { Config } from '../config';
import type { UpstreamStatus } from '../exotel/upstream-status';
import type { CounterStore, WebhookLog } from '../store/store';

export function healthRoutes(deps: { config: Config; store: CounterStore & WebhookLog; upstream: UpstreamStatus }): Hono {
  const app = new Hono();
  app.get('/health', (c) => {
    const upstream = deps.upstream.snapshot();
    // Demo mode with no upstream yet is not a fault; a live deployment that cannot read Exotel is.
    const healthy = upstream.state === 'ok' || (upstream.state === 'unconfigured' && deps.config.mode === 'demo');
    const body: Health = {
      status: healthy ? 'ok' : 'degraded',
      mode: deps.config.mode,
      upstream,
      malformedRecords: deps.store.malformedRecords(),
      webhooks: deps.store.webhookHealth(),
      version: appVersion(),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  return app;
}
