// GET /api/events?campaign=<id>: server-sent events. Each event names what changed; the browser refetches.
// The hub encodes each event once and the same bytes are written to every client's response (see
// live/sse-client.ts); one shared timer sends heartbeats. A Last-Event-ID is answered with the missed events, or
// with a `reset` when they cannot be known.
import { Hono } from 'hono';
import { z } from 'zod';
import { campaignIdSchema, unknownCampaignError } from '../../domain/campaign-id';
import type { EventFilter, LiveHub } from '../live/hub';
import { nodeOutlet } from '../live/node-sink';
import { replayMissed, SSE_HEADERS, SseClient } from '../live/sse-client';
import { heartbeatFrame, readyFrame } from '../live/sse-frame';
import type { CampaignStore } from '../store/store';
import type { WatchedCampaigns } from '../sync/watched';

export const HEARTBEAT_MS = 15_000;

const querySchema = z.object({ campaign: campaignIdSchema.optional(), lastEventId: z.string().max(64).optional() });

export interface EventRouteDeps {
  hub: LiveHub;
  watched: WatchedCampaigns;
  /** Only campaigns the store knows may be streamed (and so watched). */
  store: Pick<CampaignStore, 'getCampaign'>;
  heartbeatMs?: number;
  /** Unread bytes after which a client that stopped reading is dropped (see live/sse-client.ts). */
  maxQueuedBytes?: number;
}

export function eventRoutes(deps: EventRouteDeps): Hono {
  const app = new Hono();
  const clients = new Map<SseClient, EventFilter>();
  let heartbeat: ReturnType<typeof setInterval> | null = null;

  const beat = () => {
    const frame = heartbeatFrame(new Date().toISOString());
    for (const [client, filter] of clients) {
      client.write(frame);
      if (filter) deps.watched.touch(filter);
    }
  };

  app.get('/events', (c) => {
    const query = querySchema.safeParse(c.req.query());
    if (!query.success) return c.json({ error: 'campaign must be a campaign id' }, 400);
    const filter = query.data.campaign ?? null;
    // Only a campaign the store knows is streamed and watched: made-up ids must not steer sync's reads.
    if (filter !== null && deps.store.getCampaign(filter) === null) return c.json({ error: unknownCampaignError(filter) }, 404);
    const lastEventId = c.req.header('Last-Event-ID') ?? query.data.lastEventId;

    let unsubscribe: () => void = () => undefined;
    const client = new SseClient({
      maxQueuedBytes: deps.maxQueuedBytes,
      ...nodeOutlet(c.env),
      onClose: () => {
        unsubscribe();
        clients.delete(client);
        if (clients.size === 0 && heartbeat !== null) {
          clearInterval(heartbeat);
          heartbeat = null;
        }
      },
    });
    // Subscribing, the first frame and the replay happen in one synchronous step: no event can fall between them.
    unsubscribe = deps.hub.subscribe(filter, client);
    clients.set(client, filter);
    if (heartbeat === null) {
      heartbeat = setInterval(beat, deps.heartbeatMs ?? HEARTBEAT_MS);
      heartbeat.unref();
    }
    if (filter) deps.watched.touch(filter);

    client.write(readyFrame(filter));
    replayMissed(client, deps.hub, lastEventId, filter);
    return new Response(client.body, { status: 200, headers: SSE_HEADERS });
  });
  return app;
}
