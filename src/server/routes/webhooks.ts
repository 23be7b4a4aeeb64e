// POST /webhooks/exotel/<secret>/{call-status,call-schedule,campaign-status}: Exotel's campaign callbacks.
// Exotel signs nothing, so the secret in the path is the only gate. Each body is read and parsed on its own (a bad
// one gets its own 4xx); the events of a few milliseconds are then stored and applied together (webhooks/ingest-group.ts:
// one fsynced transaction) before each gets its 200 and exact outcome; a write that failed for a passing reason
// answers 503 so Exotel delivers again; nothing that would fail the same way again does.
// Call-status payloads of the PascalCase dialect name no campaign: add `?campaign=<campaign id>` to that
// callback URL to place them without guessing.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { LiveHub } from '../live/hub';
import { maskNumber } from '../log';
import type { Logger } from '../log';
import type { IngestStore } from '../webhooks/ingest';
import { coalescingPublisher, PUBLISH_WINDOW_MS } from '../webhooks/coalesce';
import { GROUP_COMMIT_WINDOW_MS } from '../webhooks/group-commit';
import { webhookIngest } from '../webhooks/ingest-group';
import { receivedSummary } from '../webhooks/received-summary';
import { DEFAULT_MAX_BODY_BYTES, readWebhookBody } from '../webhooks/read-body';
import { campaignIdSchema } from '../../domain/campaign-id';
import { parseWebhookEvent, WEBHOOK_KINDS } from '../webhooks/webhook-event';
import type { WebhookKind } from '../webhooks/webhook-event';

export interface WebhookRouteDeps {
  store: IngestStore;
  hub: LiveHub;
  secret: string;
  logger: Logger;
  now?: () => Date;
  maxBodyBytes?: number;
  /** Browser events of one type and campaign are sent at most once per window (default 250 ms); 0 sends each. */
  publishWindowMs?: number;
  /** Webhooks arriving within this window share one durable commit (default 2 ms); 0 batches one event-loop turn. */
  groupCommitWindowMs?: number;
}

const kindSchema = z.enum(WEBHOOK_KINDS);

/** Constant-time for secrets of the right length; a different length is simply not the secret. */
function secretMatcher(secret: string): (given: string) => boolean {
  const expected = Buffer.from(secret, 'utf8');
  return (given) => {
    const candidate = Buffer.from(given, 'utf8');
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  };
}

/** The request path with the secret segment masked, for logs. */
function maskedPath(path: string): string {
  const segments = path.split('/');
  if (segments.length >= 2) segments[segments.length - 2] = '<secret>';
  return segments.join('/').slice(0, 200);
}

/**
 * Worth a redelivery: SQLite was busy, locked, full, out of memory or failing I/O, or the database was not open
 * (a restart). A stack overflow or a constraint the event breaks would fail the same way on every delivery.
 */
export function isTransientStoreFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  if (/^SQLITE_(BUSY|LOCKED|IOERR|FULL|NOMEM|CANTOPEN|PROTOCOL|INTERRUPT|READONLY)(?![A-Z])/.test(code)) return true;
  return /database connection is not open/i.test(error.message);
}

export function webhookRoutes(deps: WebhookRouteDeps): Hono {
  const { store, hub, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const isSecret = secretMatcher(deps.secret);
  const publisher = coalescingPublisher(hub, deps.publishWindowMs ?? PUBLISH_WINDOW_MS);
  const ingest = webhookIngest(store, publisher, deps.groupCommitWindowMs ?? GROUP_COMMIT_WINDOW_MS);
  const summary = receivedSummary(logger);
  const app = new Hono();

  const rejected = (c: Context, kind: WebhookKind, status: 400 | 413 | 415, error: string) => {
    try {
      store.noteWebhookRejected();
    } catch {
      // Counting is best effort: a broken store must not turn a clear 4xx into a 500.
    }
    logger.warn('webhook.rejected', { path: maskedPath(c.req.path), kind, status, reason: error });
    return c.json({ error }, status);
  };

  app.post('/:secret/:kind', async (c) => {
    const kind = kindSchema.safeParse(c.req.param('kind'));
    if (!isSecret(c.req.param('secret')) || !kind.success) {
      logger.warn('webhook.not_found', { path: maskedPath(c.req.path) });
      return c.json({ error: 'not found' }, 404);
    }
    const hint = c.req.query('campaign');
    const campaignHint = hint === undefined ? null : campaignIdSchema.safeParse(hint);
    if (campaignHint && !campaignHint.success) return rejected(c, kind.data, 400, '?campaign= must be a campaign id');

    const decoded = await readWebhookBody(c.req.raw, maxBodyBytes);
    if (!decoded.ok) return rejected(c, kind.data, decoded.status, decoded.error);
    const receivedAt = now();
    // Arrival time bounds the event's dates; a value outside src/domain/value-bounds.ts is a 400 naming the field.
    const parsed = parseWebhookEvent(kind.data, decoded.body, receivedAt.getTime());
    if (!parsed.ok) return rejected(c, kind.data, 400, parsed.error);

    const event = parsed.event;
    try {
      const result = await ingest.submit({
        event,
        delivery: { campaignHint: campaignHint?.data ?? null, receivedAt: receivedAt.toISOString(), rawBody: JSON.stringify(decoded.body) },
      });
      summary.count(kind.data, result.outcome);
      logger.debug?.('webhook.received', {
        kind: kind.data,
        encoding: decoded.encoding,
        outcome: result.outcome,
        campaign: result.campaignId ?? event.campaignId,
        callSid: event.kind === 'call-status' ? event.callSid : null,
        number: event.kind === 'campaign-status' ? null : maskNumber(event.number),
        status: event.kind === 'call-schedule' ? event.finalStatus : event.status,
      });
      return c.json({ ok: true, outcome: result.outcome }, 200);
    } catch (error) {
      const transient = isTransientStoreFailure(error);
      logger.error('webhook.store_failed', { path: maskedPath(c.req.path), kind: kind.data, transient, reason: error instanceof Error ? error.message : String(error) });
      if (transient) return c.json({ error: 'the event could not be stored; deliver it again' }, 503);
      return c.json({ error: 'the event could not be processed' }, 500);
    }
  });
  return app;
}
