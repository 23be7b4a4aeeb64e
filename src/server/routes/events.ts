// GET /api/events?campaign=<id>: server-sent events. Each event names what changed; the browser refetches.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { campaignIdSchema } from '../../domain/campaign-id';
import type { LiveHub, HubEvent } from '../live/hub';
import type { CampaignStore } from '../store/store';
import type { WatchedCampaigns } from '../sync/watched';

export const HEARTBEAT_MS = 15_000;

const querySchema = z.object({ campaign: campaignIdSchema.optional() });

export function eventRoutes(deps: { hub: LiveHub; watched: WatchedCampaigns; store: Pick<CampaignStore, 'getCampaign'>; heartbeatMs?: number }): Hono {
  const app = new Hono();
  app.get('/events', (c) => {
    const query = querySchema.safeParse(c.req.query());
    if (!query.success) return c.json({ error: 'campaign must be a campaign id' }, 400);
    const filter = query.data.campaign ?? null;
    // Only a campaign the store knows is streamed and watched: made-up ids must not steer sync's reads.
    if (filter !== null && deps.store.getCampaign(filter) === null) return c.json({ error: `campaign ${filter} is not known (yet)` }, 404);
    const lastEventId = Number(c.req.header('Last-Event-ID') ?? c.req.query('lastEventId') ?? NaN);

    return streamSSE(c, async (stream) => {
      const queue: HubEvent[] = [];
      let wake: (() => void) | null = null;
      const push = (event: HubEvent) => {
        queue.push(event);
        wake?.();
      };
      const unsubscribe = deps.hub.subscribe(filter, push);
      let open = true;
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        wake?.();
      });
      if (filter) deps.watched.touch(filter);

      if (Number.isInteger(lastEventId) && lastEventId >= 0) {
        const missed = deps.hub.since(lastEventId, filter);
        // Too much was missed to replay: one `sync` event tells the client to refetch everything.
        if (missed === null) queue.unshift({ id: lastEventId, type: 'sync', campaignId: filter ?? '*', at: new Date().toISOString() });
        else queue.unshift(...missed);
      }
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ campaign: filter }), retry: 3000 });

      const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;
      while (open) {
        const next = queue.shift();
        if (next) {
          await stream.writeSSE({ id: String(next.id), event: next.type, data: JSON.stringify({ type: next.type, campaignId: next.campaignId, at: next.at }) });
          continue;
        }
        const timedOut = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), heartbeatMs);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = null;
        if (timedOut && open) {
          await stream.writeSSE({ event: 'heartbeat', data: new Date().toISOString() });
          if (filter) deps.watched.touch(filter);
        }
      }
    });
  });
  return app;
}
