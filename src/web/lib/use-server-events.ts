// Live updates: an EventSource on /api/events. An event names what changed; this hook only invalidates the
// affected queries (React Query refetches them), coalesced per query: the numbers at most every 5 s, a page of
// contacts at most every 20 s, so one open report costs at most 15 requests a minute (bench/viewer-budget.bench.ts)
// and its numbers are never more than about 5 s behind. It reconnects with backoff (lib/reconnecting-event-source.ts);
// without SSE the 30 s polling carries on alone.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { serverEventSchema, SERVER_EVENT_TYPES, type ServerEvent } from '@domain/api-schemas';
import { useApiScope } from './api-scope';
import { campaignKeys } from './query-keys';
import { exponentialDelay, openReconnectingEventSource, type ReconnectPolicy } from './reconnecting-event-source';

/** The report and the campaigns list: what the numbers on screen come from. */
export const NUMBERS_EVERY_MS = 5_000;
/** Pages of contacts: every call moves the newest-first page, so they follow at a slower pace. */
export const CONTACTS_EVERY_MS = 20_000;
export const RECONNECT_MAX_MS = 30_000;
/** The server sends a heartbeat every 15 s: a stream silent for longer than this is not called connected. */
export const STREAM_SILENT_MS = 40_000;

interface Invalidation {
  queryKey: QueryKey;
  exact: boolean;
  /** At most one invalidation of this key per this many milliseconds. */
  everyMs: number;
}

/** Which cached queries an event makes out of date. */
export function affectedQueries(event: ServerEvent): Invalidation[] {
  const list: Invalidation = { queryKey: campaignKeys.list(), exact: true, everyMs: NUMBERS_EVERY_MS };
  // '*' comes from a reconnect that missed too much: everything shown may be out of date.
  if (event.campaignId === '*') return [{ queryKey: campaignKeys.all, exact: false, everyMs: NUMBERS_EVERY_MS }];
  const report: Invalidation = { queryKey: campaignKeys.report(event.campaignId), exact: false, everyMs: NUMBERS_EVERY_MS };
  const contacts: Invalidation = { queryKey: campaignKeys.contacts(event.campaignId), exact: false, everyMs: CONTACTS_EVERY_MS };
  switch (event.type) {
    case 'call':
      return [report, contacts, list];
    case 'contact':
      return [contacts];
    case 'campaign':
      return [list, report];
    case 'sync':
      return [list, report, contacts];
  }
}

/** Invalidates each query key at most once per its interval: the first event at once, later ones on a trailing edge. */
export function createThrottledInvalidator(queryClient: QueryClient) {
  const lastRun = new Map<string, number>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  function run(id: string, invalidation: Invalidation) {
    lastRun.set(id, Date.now());
    pending.delete(id);
    void queryClient.invalidateQueries({ queryKey: invalidation.queryKey, exact: invalidation.exact });
  }

  return {
    invalidate(invalidation: Invalidation) {
      const id = JSON.stringify([invalidation.queryKey, invalidation.exact]);
      if (pending.has(id)) return;
      const since = Date.now() - (lastRun.get(id) ?? -Infinity);
      if (since >= invalidation.everyMs) run(id, invalidation);
      else pending.set(id, setTimeout(() => run(id, invalidation), invalidation.everyMs - since));
    },
    dispose() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}

/** A manager's page backs off 1, 2, 4 … seconds up to 30; without the stream its 30 s polling carries on alone. */
export function reconnectDelayMs(failures: number): number {
  return exponentialDelay(failures, 1000, RECONNECT_MAX_MS);
}

const POLICY: ReconnectPolicy = { delayMs: reconnectDelayMs, silenceMs: STREAM_SILENT_MS, onSilence: 'mark-down' };

/** A stream message's data as JSON; null when it is not JSON (then no schema accepts it). */
export function messageJson(message: MessageEvent): unknown {
  try {
    return JSON.parse(String(message.data));
  } catch {
    return null;
  }
}

export function useServerEvents(campaignId: string | null): { connected: boolean } {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  // A shared view listens under its link's prefix, and hears `access-revoked` when the link is revoked.
  const { base, onGone } = useApiScope();
  const onGoneRef = useRef(onGone);
  useEffect(() => {
    onGoneRef.current = onGone;
  }, [onGone]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const url = campaignId === null ? `${base}/events` : `${base}/events?campaign=${encodeURIComponent(campaignId)}`;
    const invalidator = createThrottledInvalidator(queryClient);
    const onChange = (message: MessageEvent) => {
      const event = serverEventSchema.safeParse(messageJson(message));
      if (!event.success) return;
      for (const invalidation of affectedQueries(event.data)) invalidator.invalidate(invalidation);
    };
    const events: Record<string, (message: MessageEvent) => void> = {
      ...Object.fromEntries(SERVER_EVENT_TYPES.map((type) => [type, onChange])),
      // The server could not replay what was missed: everything may be stale.
      reset: () => void queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
      'access-revoked': () => onGoneRef.current?.(),
    };
    const stream = openReconnectingEventSource(url, POLICY, {
      events,
      onConnectedChange: setConnected,
      // A reopened stream does not replay what was missed while it was down: catch up with one refetch.
      onReconnected: () => {
        const everything = { type: 'sync' as const, campaignId: campaignId ?? '*', at: new Date().toISOString() };
        for (const invalidation of affectedQueries(everything)) invalidator.invalidate(invalidation);
      },
    });
    return () => {
      stream.close();
      invalidator.dispose();
      setConnected(false);
    };
  }, [base, campaignId, queryClient]);

  return { connected };
}
