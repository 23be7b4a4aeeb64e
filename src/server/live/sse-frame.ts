// The bytes of server-sent events (WHATWG HTML, "Server-sent events"). A hub event is encoded once and the same
// bytes go to every client; ids carry the server run's epoch, so an id from another run is recognised as such.
import type { ServerEvent } from '../../domain/api-schemas';
import type { EventFilter } from './filter';

const encoder = new TextEncoder();

/** `<epoch>-<sequence>`: the epoch changes with every server start, the sequence grows by one per event. */
export function formatEventId(epoch: string, sequence: number): string {
  return `${epoch}-${sequence}`;
}

/** Null for anything this server run did not write: malformed, or an id of the old purely numeric form. */
export function parseEventId(text: string): { epoch: string; sequence: number } | null {
  const match = /^([0-9a-z]+)-(\d{1,15})$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  return { epoch: match[1], sequence: Number(match[2]) };
}

/** `scrub` rewrites the data a masked scope receives (its `event:` line is the type, a fixed word). */
export function eventFrame(id: string, event: ServerEvent, scrub: (data: unknown) => unknown = (data) => data): Uint8Array {
  const data = JSON.stringify(scrub({ type: event.type, campaignId: event.campaignId, at: event.at }));
  return encoder.encode(`id: ${id}\nevent: ${event.type}\ndata: ${data}\n\n`);
}

/** The first frame of every stream; `retry` sets the browser's own reconnect delay. */
export function readyFrame(filter: EventFilter): Uint8Array {
  return encoder.encode(`event: ready\ndata: ${JSON.stringify({ campaign: filter })}\nretry: 3000\n\n`);
}

/**
 * Sent instead of a replay when a Last-Event-ID cannot be honoured (another server run, or older than what is
 * kept): the client should refetch everything it shows. Its id is the latest one, so that a client reconnecting
 * right after does not get a second reset.
 */
export function resetFrame(latestId: string, reason: 'restarted' | 'too-old'): Uint8Array {
  return encoder.encode(`id: ${latestId}\nevent: reset\ndata: ${JSON.stringify({ reason })}\n\n`);
}

export function heartbeatFrame(at: string): Uint8Array {
  return encoder.encode(`event: heartbeat\ndata: ${at}\n\n`);
}
