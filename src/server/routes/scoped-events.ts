// The SSE stream of a scoped principal (/s/<token>/api/events, /tv/<token>/api/events): change events of campaigns
// in scope, display commands, heartbeats, and a final access-revoked when the link or display stops working.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { isMasked, type DisplayPrincipal, type SharePrincipal } from '../../domain/access/principal';
import { scrubDeep } from '../access/masked-responses';
import type { AccessStreams, DisplayCommand } from '../live/access-streams';
import type { HubEvent, LiveHub } from '../live/hub';
import type { WatchedCampaigns } from '../sync/watched';

const HEARTBEAT_MS = 15_000;
const RECHECK_MS = 5_000;

export interface ScopedStreamDeps {
  hub: LiveHub;
  watched: WatchedCampaigns;
  streams: AccessStreams;
  heartbeatMs?: number;
  recheckMs?: number;
  scope: SharePrincipal | DisplayPrincipal;
  filter: string | null;
  id: string;
  stillValid: () => boolean;
  readable: (campaignId: string) => boolean;
}

type Outgoing = { kind: 'event'; event: HubEvent } | { kind: 'command'; command: DisplayCommand } | { kind: 'revoked' };

/**
 * The scoped twin of GET /api/events: the same `ready`, change events and heartbeats, but only of campaigns in
 * scope, plus `display-command` events and a final `access-revoked` when the link or display is switched off
 * (at once through AccessStreams, or at the next re-check for an expiry).
 */
export function streamScopedEvents(c: Context, deps: ScopedStreamDeps): Response {
  return streamSSE(c, async (stream) => {
    const queue: Outgoing[] = [];
    let wake: (() => void) | null = null;
    const push = (item: Outgoing) => {
      queue.push(item);
      wake?.();
    };
    const unsubscribe = deps.hub.subscribe(deps.filter, (event) => {
      // A campaign's own stream was checked when it opened (an "active" display's campaign that finishes is dropped
      // by the wallboard from its campaign list, not by ending the stream with `access-revoked`). Without a campaign,
      // campaign-level events of campaigns outside the scope say nothing to this viewer: not even their ids.
      if (deps.filter !== null || event.campaignId === '*' || deps.readable(event.campaignId)) push({ kind: 'event', event });
    });
    const unregister = deps.streams.open(deps.id, {
      revoke: () => push({ kind: 'revoked' }),
      command: (command) => push({ kind: 'command', command }),
    });
    let open = true;
    stream.onAbort(() => {
      open = false;
      wake?.();
    });
    if (deps.filter) deps.watched.touch(deps.filter);
    try {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ campaign: deps.filter }), retry: 3000 });
      const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;
      const recheckMs = deps.recheckMs ?? RECHECK_MS;
      let lastBeat = Date.now();
      let lastCheck = Date.now();
      while (open) {
        const next = queue.shift();
        if (next?.kind === 'revoked') break;
        if (next?.kind === 'command') {
          await stream.writeSSE({ event: 'display-command', data: JSON.stringify({ command: next.command }) });
          continue;
        }
        if (next?.kind === 'event') {
          const { event } = next;
          const data = { type: event.type, campaignId: event.campaignId, at: event.at };
          await stream.writeSSE({ id: String(event.id), event: event.type, data: JSON.stringify(isMasked(deps.scope) ? scrubDeep(data) : data) });
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(heartbeatMs, recheckMs));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        const nowMs = Date.now();
        if (open && nowMs - lastCheck >= recheckMs) {
          lastCheck = nowMs;
          if (!deps.stillValid()) break;
        }
        if (open && queue.length === 0 && nowMs - lastBeat >= heartbeatMs) {
          lastBeat = nowMs;
          await stream.writeSSE({ event: 'heartbeat', data: new Date().toISOString() });
          if (deps.filter) deps.watched.touch(deps.filter);
        }
      }
      if (open) await stream.writeSSE({ event: 'access-revoked', data: JSON.stringify({ reason: 'This link is no longer available.' }) });
    } finally {
      unsubscribe();
      unregister();
      await stream.close();
    }
  });
}
