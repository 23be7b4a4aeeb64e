// The SSE stream of a scoped principal (/s/<token>/api/events, /tv/<token>/api/events): change events of campaigns
// in scope, display commands, heartbeats, and a final access-revoked when the link or display stops working. It
// goes the way of GET /api/events (live/sse-client.ts): the hub's shared frame, or in a masked scope the event's
// scrubbed frame (built once per event for every masked client), written straight to the socket.
import type { Context } from 'hono';
import { isMasked, type DisplayPrincipal, type SharePrincipal } from '../../domain/access/principal';
import { scrubDeep } from '../access/masked-responses';
import type { AccessStreams, DisplayCommand } from '../live/access-streams';
import type { HubEvent, LiveHub } from '../live/hub';
import { nodeOutlet } from '../live/node-sink';
import { replayMissed, SSE_HEADERS, SseClient } from '../live/sse-client';
import { eventFrame, formatEventId, heartbeatFrame, readyFrame } from '../live/sse-frame';
import type { WatchedCampaigns } from '../sync/watched';

const HEARTBEAT_MS = 15_000;
const RECHECK_MS = 5_000;

export interface ScopedStreamDeps {
  hub: LiveHub;
  watched: WatchedCampaigns;
  streams: AccessStreams;
  heartbeatMs?: number;
  recheckMs?: number;
  /** Unread bytes after which a client that stopped reading is dropped (see live/sse-client.ts). */
  maxQueuedBytes?: number;
  scope: SharePrincipal | DisplayPrincipal;
  filter: string | null;
  id: string;
  stillValid: () => boolean;
  readable: (campaignId: string) => boolean;
}

const encoder = new TextEncoder();
const REVOKED_FRAME = encoder.encode(`event: access-revoked\ndata: ${JSON.stringify({ reason: 'This link is no longer available.' })}\n\n`);

function commandFrame(command: DisplayCommand): Uint8Array {
  return encoder.encode(`event: display-command\ndata: ${JSON.stringify({ command })}\n\n`);
}

/** The frame of each event as a masked scope receives it, scrubbed once whatever the number of masked clients. */
const maskedFrames = new WeakMap<HubEvent, Uint8Array>();

function maskedFrameOf(hub: LiveHub, event: HubEvent): Uint8Array {
  let frame = maskedFrames.get(event);
  if (!frame) {
    frame = eventFrame(formatEventId(hub.epoch, event.id), event, (data) => scrubDeep(data));
    maskedFrames.set(event, frame);
  }
  return frame;
}

/**
 * The scoped twin of GET /api/events: the same `ready`, change events, replay after Last-Event-ID and heartbeats,
 * but only of campaigns in scope, plus `display-command` events and a final `access-revoked` when the link or
 * display is switched off (at once through AccessStreams, or at the next re-check for an expiry).
 */
export function streamScopedEvents(c: Context, deps: ScopedStreamDeps): Response {
  const { hub, filter } = deps;
  const masked = isMasked(deps.scope);
  // A campaign's own stream was checked when it opened (an "active" display's campaign that finishes is dropped by
  // the wallboard from its campaign list, not by ending the stream with `access-revoked`). Without a campaign,
  // campaign-level events of campaigns outside the scope say nothing to this viewer: not even their ids.
  const inScope = (event: HubEvent) => filter !== null || event.campaignId === '*' || deps.readable(event.campaignId);
  const frameFor = (event: HubEvent, frame: Uint8Array) => (masked ? maskedFrameOf(hub, event) : frame);

  let stop: () => void = () => undefined;
  const client = new SseClient({
    maxQueuedBytes: deps.maxQueuedBytes,
    ...nodeOutlet(c.env),
    onClose: () => stop(),
  });
  // Subscribing, the first frame and the replay happen in one synchronous step: no event can fall between them.
  const unsubscribe = hub.subscribe(filter, (event, frame) => {
    try {
      if (inScope(event)) client.write(frameFor(event, frame));
    } catch {
      // A check that fails (the store) ends the stream without a verdict: the browser reconnects in a few seconds,
      // and its new request is answered by the token's own resolution.
      client.end();
    }
  });
  const unregister = deps.streams.open(deps.id, {
    revoke: () => client.end(REVOKED_FRAME),
    command: (command) => void client.write(commandFrame(command)),
  });
  const heartbeat = setInterval(() => {
    client.write(heartbeatFrame(new Date().toISOString()));
    if (filter) deps.watched.touch(filter);
  }, deps.heartbeatMs ?? HEARTBEAT_MS);
  // An expiry has no event of its own: it is found by looking again.
  const recheck = setInterval(() => {
    try {
      if (!deps.stillValid()) client.end(REVOKED_FRAME);
    } catch {
      client.end();
    }
  }, deps.recheckMs ?? RECHECK_MS);
  heartbeat.unref();
  recheck.unref();
  stop = () => {
    clearInterval(heartbeat);
    clearInterval(recheck);
    unsubscribe();
    unregister();
  };
  if (filter) deps.watched.touch(filter);

  client.write(readyFrame(filter));
  try {
    replayMissed(client, hub, c.req.header('Last-Event-ID'), filter, (event, frame) => (inScope(event) ? frameFor(event, frame) : null));
  } catch {
    // As in a live check: a scope that cannot be read ends the stream, and the browser asks again from the same id.
    client.end();
  }
  return new Response(client.body, { status: 200, headers: SSE_HEADERS });
}
