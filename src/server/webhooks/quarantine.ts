// Webhook events that could not be placed in a campaign wait in quarantine. After each sync pass the store knows
// more (new campaigns, synced call sids), so the scheduler calls replayQuarantined to apply what is now placeable.
import { z } from 'zod';
import type { LiveHub } from '../live/hub';
import type { Logger } from '../log';
import { storeEvent, type IngestStore } from './ingest';
import { parseWebhookEvent } from './webhook-event';

/** Enough for any realistic backlog in one pass; the rest waits for the next pass. */
const REPLAY_BATCH = 5_000;

const storedBodySchema = z.record(z.string(), z.unknown());

function parseStoredBody(rawBody: string): Record<string, unknown> | null {
  try {
    const parsed = storedBodySchema.safeParse(JSON.parse(rawBody));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Re-resolves quarantined events; applies and releases the ones whose campaign is now known (a repeated delivery
 * is released without counting twice). Returns how many were applied. A store failure is logged, not thrown:
 * the events stay quarantined for the next pass.
 */
export function replayQuarantined(deps: { store: IngestStore; hub: LiveHub; logger: Logger }): number {
  const { store, logger } = deps;
  let applied = 0;
  let waiting = 0;
  let quarantined;
  try {
    quarantined = store.listQuarantined(REPLAY_BATCH);
  } catch (error) {
    logger.error('webhook.replay_failed', { reason: error instanceof Error ? error.message : String(error) });
    return 0;
  }
  for (const held of quarantined) {
    const body = parseStoredBody(held.rawBody);
    const parsed = body ? parseWebhookEvent(held.kind, body) : null;
    try {
      if (!parsed || !parsed.ok) {
        // Only parsed events are quarantined, so this is a stored row damaged since: drop it, say so once.
        logger.warn('webhook.replay_dropped', { kind: held.kind, id: held.id, reason: parsed?.error ?? 'stored body is not a JSON object' });
        store.releaseQuarantined(held.id);
        continue;
      }
      const { result, published } = store.transaction(() => {
        const delivery = { campaignHint: held.campaignId, receivedAt: held.receivedAt, rawBody: held.rawBody };
        const outcome = storeEvent(store, parsed.event, delivery, 'replay');
        if (outcome.result.outcome !== 'unresolved') store.releaseQuarantined(held.id);
        return outcome;
      });
      for (const serverEvent of published) deps.hub.publish(serverEvent);
      if (result.outcome === 'applied') applied++;
      if (result.outcome === 'unresolved') waiting++;
    } catch (error) {
      logger.error('webhook.replay_failed', { kind: held.kind, id: held.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  if (quarantined.length > 0) logger.info('webhook.replayed', { applied, waiting });
  return applied;
}
