// Webhook events that could not be placed in a campaign wait in quarantine. After each sync pass the store knows
// more (new campaigns, synced call sids), so the scheduler asks for a replay to apply what is now placeable. A
// replay runs off the request path in small batches, yielding to the event loop between them, so thousands of
// waiting events never hold up requests; replays asked for while one runs are folded into one more.
import { z } from 'zod';
import type { LiveHub } from '../live/hub';
import type { Logger } from '../log';
import { storeEvent, type IngestStore } from './ingest';
import { parseWebhookEvent } from './webhook-event';

/** Events re-resolved per turn of the event loop (a few milliseconds of work). */
export const REPLAY_BATCH = 100;

const storedBodySchema = z.record(z.string(), z.unknown());

function parseStoredBody(rawBody: string): Record<string, unknown> | null {
  try {
    const parsed = storedBodySchema.safeParse(JSON.parse(rawBody));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface ReplayDeps {
  store: IngestStore;
  hub: Pick<LiveHub, 'publish'>;
  logger: Logger;
  batchSize?: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Re-resolves every quarantined event, a batch per turn of the event loop; applies and releases the ones whose
 * campaign is now known (a repeated delivery is released without counting twice). Resolves to how many were
 * applied. A store failure is logged, not thrown: the events stay quarantined for the next pass.
 */
export async function replayQuarantined(deps: ReplayDeps): Promise<number> {
  const { store, logger } = deps;
  const batchSize = deps.batchSize ?? REPLAY_BATCH;
  let applied = 0;
  let waiting = 0;
  let afterId = 0;
  for (;;) {
    let batch;
    try {
      batch = store.listQuarantined(batchSize, afterId);
    } catch (error) {
      logger.error('webhook.replay_failed', { reason: error instanceof Error ? error.message : String(error) });
      break;
    }
    for (const held of batch) {
      afterId = held.id;
      const outcome = replayOne(deps, held);
      if (outcome === 'applied') applied++;
      if (outcome === 'unresolved') waiting++;
    }
    if (batch.length < batchSize) break;
    await nextTurn();
  }
  if (applied + waiting > 0) logger.info('webhook.replayed', { applied, waiting });
  return applied;
}

function replayOne(deps: ReplayDeps, held: ReturnType<IngestStore['listQuarantined']>[number]): string {
  const { store, logger } = deps;
  const body = parseStoredBody(held.rawBody);
  const parsed = body ? parseWebhookEvent(held.kind, body) : null;
  try {
    if (!parsed || !parsed.ok) {
      // Only parsed events are quarantined, so this is a stored row damaged since: drop it, say so once.
      logger.warn('webhook.replay_dropped', { kind: held.kind, id: held.id, reason: parsed?.error ?? 'stored body is not a JSON object' });
      store.releaseQuarantined(held.id);
      return 'dropped';
    }
    const { result, published } = store.transaction(() => {
      const delivery = { campaignHint: held.campaignId, receivedAt: held.receivedAt, rawBody: held.rawBody };
      const outcome = storeEvent(store, parsed.event, delivery, 'replay');
      if (outcome.result.outcome !== 'unresolved') store.releaseQuarantined(held.id);
      return outcome;
    });
    for (const serverEvent of published) deps.hub.publish(serverEvent);
    return result.outcome;
  } catch (error) {
    logger.error('webhook.replay_failed', { kind: held.kind, id: held.id, reason: error instanceof Error ? error.message : String(error) });
    return 'failed';
  }
}

/** Runs replays one at a time: a replay asked for while one runs is folded into a single one after it. */
export class QuarantineReplayer {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: ReplayDeps) {}

  /** Asks for a replay soon (never on the caller's turn of the event loop); resolves when the replays end. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await nextTurn();
        await replayQuarantined(this.deps);
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }
}
