// Browser events only say "this campaign's calls changed, refetch"; 500 webhooks a second for one campaign need
// not become 500 refetch signals to every open browser. Per campaign and event type, the first event goes out at
// once and later ones within the window collapse into one trailing event, so the last change is always announced.
import type { ServerEvent } from '../../domain/api-schemas';

export const PUBLISH_WINDOW_MS = 250;

export interface Publisher {
  publish(event: ServerEvent): void;
}

export function coalescingPublisher(hub: { publish(event: ServerEvent): unknown }, windowMs = PUBLISH_WINDOW_MS, clock: () => number = Date.now): Publisher {
  if (windowMs <= 0) return { publish: (event) => void hub.publish(event) };
  const lastSentAt = new Map<string, number>();
  const pending = new Map<string, ServerEvent>();

  const flush = (key: string) => {
    const event = pending.get(key);
    pending.delete(key);
    if (!event) return;
    lastSentAt.set(key, clock());
    hub.publish(event);
  };

  return {
    publish(event) {
      const key = `${event.type}\u0000${event.campaignId}`;
      if (pending.has(key)) {
        pending.set(key, event);
        return;
      }
      const since = clock() - (lastSentAt.get(key) ?? Number.NEGATIVE_INFINITY);
      if (since >= windowMs) {
        lastSentAt.set(key, clock());
        // Forget quiet keys so that the map does not grow with every campaign ever seen.
        if (lastSentAt.size > 10_000) lastSentAt.clear();
        hub.publish(event);
        return;
      }
      pending.set(key, event);
      setTimeout(() => flush(key), windowMs - since).unref();
    },
  };
}
