// The wallboard's live stream: an EventSource on <apiBase>/events that never gives up. It reconnects with
// exponential backoff and full jitter (capped, so a restarted server is back on screen within 30 s), reopens a
// stream that has gone silent past two heartbeats (a network loss that never closed the socket), and refetches
// everything after a gap. Events only invalidate queries, coalesced per query so a busy campaign cannot make the
// screen refetch more than a few times a minute. Admin commands and revocation arrive on the same stream.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { displayCommandSchema, serverEventSchema, SERVER_EVENT_TYPES, type DisplayCommand } from '@domain/api-schemas';
import { campaignKeys } from '@/lib/query-keys';
import { affectedQueries, createThrottledInvalidator } from '@/lib/use-server-events';

/** A wallboard refetches a query at most this often, however busy the campaign. */
export const WALLBOARD_INVALIDATE_EVERY_MS = 15_000;
export const RECONNECT_BASE_MS = 1_000;
/** Backoff cap: with full jitter a reconnect is at most this far away, well inside the 30 s healing target. */
export const RECONNECT_CAP_MS = 15_000;
/** The server sends a heartbeat every 15 s; silence for this long means the stream is dead though not closed. */
export const SILENCE_MS = 45_000;

/** Full jitter: a random delay up to min(cap, base * 2^(failures - 1)), at least the base. */
export function reconnectDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(RECONNECT_BASE_MS, Math.round(ceiling * random()));
}

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
    const streamUrl: string = url;
    const invalidator = createThrottledInvalidator(queryClient);
    let source: EventSource | null = null;
    let failures = 0;
    let missed = false;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    const restartSilenceWatch = () => {
      clearTimeout(silenceTimer);
      silenceTimer = setTimeout(() => fail(), SILENCE_MS);
    };
    const onAlive = () => {
      restartSilenceWatch();
      if (missed) {
        // Whatever happened while the stream was down was not replayed: refetch everything on screen once.
        missed = false;
        invalidator.invalidate({ queryKey: campaignKeys.all, exact: false, everyMs: WALLBOARD_INVALIDATE_EVERY_MS });
      }
      failures = 0;
      setConnected(true);
    };
    const onChange = (message: MessageEvent) => {
      onAlive();
      const event = serverEventSchema.safeParse(parseJson(message.data));
      if (!event.success) return;
      // A wall screen follows at a calmer pace than a manager's report (its request budget is the same 15 a minute).
      for (const invalidation of affectedQueries(event.data)) invalidator.invalidate({ ...invalidation, everyMs: Math.max(invalidation.everyMs, WALLBOARD_INVALIDATE_EVERY_MS) });
    };
    const onCommand = (message: MessageEvent) => {
      onAlive();
      const command = displayCommandSchema.safeParse(parseJson(message.data));
      if (command.success) handlersRef.current.onCommand?.(command.data.command);
    };
    const onRevoked = () => handlersRef.current.onRevoked?.();

    function fail() {
      if (disposed) return;
      clearTimeout(silenceTimer);
      source?.close();
      source = null;
      setConnected(false);
      failures += 1;
      missed = true;
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(open, reconnectDelay(failures));
    }

    function open() {
      if (disposed) return;
      const next = new EventSource(streamUrl);
      source = next;
      next.addEventListener('open', onAlive);
      next.addEventListener('ready', onAlive);
      next.addEventListener('heartbeat', onAlive);
      for (const type of SERVER_EVENT_TYPES) next.addEventListener(type, onChange);
      next.addEventListener('reset', () => {
        onAlive();
        invalidator.invalidate({ queryKey: campaignKeys.all, exact: false, everyMs: WALLBOARD_INVALIDATE_EVERY_MS });
      });
      next.addEventListener('display-command', onCommand);
      next.addEventListener('access-revoked', onRevoked);
      // EventSource would retry at its own fixed pace (or not at all after a 404): close, and back off ourselves.
      next.addEventListener('error', () => {
        if (source === next) fail();
      });
      restartSilenceWatch();
    }

    open();
    return () => {
      disposed = true;
      clearTimeout(reconnectTimer);
      clearTimeout(silenceTimer);
      source?.close();
      invalidator.dispose();
      setConnected(false);
    };
  }, [url, queryClient]);

  return { connected };
}

function parseJson(text: unknown): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    return null;
  }
}
