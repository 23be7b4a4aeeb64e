// Asks a campaign's viewers to fetch again a little later, once per campaign however often it is asked: used when
// a changed report was answered from an older build (a slow build reused under load), so the change still reaches
// the screen within the reuse window instead of waiting for the next 30 s poll.
import type { LiveHub } from './hub';

export function deferredRefresh(hub: Pick<LiveHub, 'publish'>, now: () => number): (campaignId: string, afterMs: number) => void {
  const waiting = new Set<string>();
  return (campaignId, afterMs) => {
    if (waiting.has(campaignId)) return;
    waiting.add(campaignId);
    const timer = setTimeout(() => {
      waiting.delete(campaignId);
      hub.publish({ type: 'sync', campaignId, at: new Date(now()).toISOString() });
    }, Math.max(0, afterMs) + 10);
    timer.unref?.();
  };
}
