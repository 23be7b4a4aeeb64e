// The wallboard's live stream: an EventSource on <apiBase>/events that never gives up. Its policy for the shared
// reconnect loop (lib/reconnecting-event-source.ts): exponential backoff with full jitter, capped so a restarted
// server is back on screen within 30 s; a stream silent past two heartbeats (a network loss that never closed the
// socket) is reopened; everything is refetched after a gap. Events only invalidate queries, coalesced per query so a busy campaign cannot make the
// screen refetch more than a few times a minute. Admin commands and revocation arrive on the same stream.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { displayCommandSchema, serverEventSchema, SERVER_EVENT_TYPES, type DisplayCommand } from '@domain/api-schemas';
import { campaignKeys } from '@/lib/query-keys';
import { exponentialDelay, openReconnectingEventSource, type ReconnectPolicy } from '@/lib/reconnecting-event-source';
import { affectedQueries, createThrottledInvalidator, messageJson } from '@/lib/use-server-events';

/** A wallboard refetches a query at most this often, however busy the campaign. */
export const WALLBOARD_INVALIDATE_EVERY_MS = 15_000;
export const RECONNECT_BASE_MS = 1_000;
/** Backoff cap: with full jitter a reconnect is at most this far away, well inside the 30 s healing target. */
export const RECONNECT_CAP_MS = 15_000;
/** The server sends a heartbeat every 15 s; silence for this long means the stream is dead though not closed. */
export const SILENCE_MS = 45_000;

/** Full jitter: a random delay up to min(cap, base * 2^(failures - 1)), at least the base. */
export function reconnectDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = exponentialDelay(failures, RECONNECT_BASE_MS, RECONNECT_CAP_MS);
  return Math.max(RECONNECT_BASE_MS, Math.round(ceiling * random()));
}

/** Forever, with jitter (many screens must not reconnect in step), and a silent stream is reopened. */
const POLICY: ReconnectPolicy = { delayMs: (failures) => reconnectDelay(failures), silenceMs: SILENCE_MS, onSilence: 'reopen' };

export interface StreamHandlers {
  onCommand?: (command: DisplayCommand['command']) => void;
  onRevoked?: () => void;
}

export function useWallboardStream(url: string | null, handlers: StreamHandlers = {}): { connected: boolean } {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (url === null || typeof EventSource === 'undefined') return;
    const invalidator = createThrottledInvalidator(queryClient);
    const refetchAll = () => invalidator.invalidate({ queryKey: campaignKeys.all, exact: false, everyMs: WALLBOARD_INVALIDATE_EVERY_MS });
    const onChange = (message: MessageEvent) => {
      const event = serverEventSchema.safeParse(messageJson(message));
      if (!event.success) return;
      // A wall screen follows at a calmer pace than a manager's report (its request budget is the same 15 a minute).
      for (const invalidation of affectedQueries(event.data)) invalidator.invalidate({ ...invalidation, everyMs: Math.max(invalidation.everyMs, WALLBOARD_INVALIDATE_EVERY_MS) });
    };
    const events: Record<string, (message: MessageEvent) => void> = {
      ...Object.fromEntries(SERVER_EVENT_TYPES.map((type) => [type, onChange])),
      reset: refetchAll,
      'display-command': (message) => {
        const command = displayCommandSchema.safeParse(messageJson(message));
        if (command.success) handlersRef.current.onCommand?.(command.data.command);
      },
      'access-revoked': () => handlersRef.current.onRevoked?.(),
    };
    const stream = openReconnectingEventSource(url, POLICY, {
      events,
      onConnectedChange: setConnected,
      // Whatever happened while the stream was down was not replayed: refetch everything on screen once.
      onReconnected: refetchAll,
    });
    return () => {
      stream.close();
      invalidator.dispose();
      setConnected(false);
    };
  }, [url, queryClient]);

  return { connected };
}
