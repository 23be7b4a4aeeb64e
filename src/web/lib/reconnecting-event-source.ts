// The one reconnect loop of the SPA's live streams (a manager's pages, a wallboard): it opens an EventSource and,
// on an error (or a silence past the heartbeat, if the policy says so), closes it and opens a fresh one after the
// policy's delay. The browser's own retry is not used: it keeps a fixed pace and stops for good after a 404.
// No React here: each hook gives its policy and its handlers.

export interface ReconnectPolicy {
  /** Milliseconds before the next attempt after this many failures in a row (1 for the first). */
  delayMs: (failures: number) => number;
  /** The server sends a heartbeat every 15 s: a stream silent for longer than this is not live. */
  silenceMs: number;
  /** What a silence does: reopen the stream (a network loss that never closed the socket), or only stop calling it connected. */
  onSilence: 'reopen' | 'mark-down';
}

export interface StreamHandlers {
  /** Handlers of the server's named events; any of them also proves the stream alive. */
  events: Readonly<Record<string, (message: MessageEvent) => void>>;
  /** Told only when the state changes. */
  onConnectedChange: (connected: boolean) => void;
  /** The stream is live again after failing: whatever happened meanwhile was not replayed. */
  onReconnected: () => void;
}

/** Messages that only say the stream is alive (the server's greeting and heartbeat). */
const ALIVE_EVENTS = ['open', 'ready', 'heartbeat'] as const;

export function openReconnectingEventSource(url: string, policy: ReconnectPolicy, handlers: StreamHandlers): { close: () => void } {
  let source: EventSource | null = null;
  let connected = false;
  let failures = 0;
  let missed = false;
  let closed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  const setConnected = (next: boolean) => {
    if (next === connected) return;
    connected = next;
    handlers.onConnectedChange(next);
  };

  // A busy campaign sends several events a second: each only notes the time, and one timer checks it, rather than
  // every event clearing and setting a timer (garbage on every update of a screen that runs for weeks).
  let heardAt = 0;
  const watchSilence = (afterMs: number) => {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(checkSilence, afterMs);
  };
  const checkSilence = () => {
    silenceTimer = undefined;
    const quietMs = Date.now() - heardAt;
    if (quietMs < policy.silenceMs) watchSilence(policy.silenceMs - quietMs);
    else if (policy.onSilence === 'reopen') fail();
    else setConnected(false);
  };

  const alive = () => {
    heardAt = Date.now();
    if (silenceTimer === undefined) watchSilence(policy.silenceMs);
    failures = 0;
    setConnected(true);
    if (missed) {
      missed = false;
      handlers.onReconnected();
    }
  };

  function fail() {
    if (closed) return;
    clearTimeout(silenceTimer);
    silenceTimer = undefined;
    source?.close();
    source = null;
    setConnected(false);
    failures += 1;
    missed = true;
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(open, policy.delayMs(failures));
  }

  function open() {
    if (closed) return;
    const next = new EventSource(url);
    source = next;
    for (const type of ALIVE_EVENTS) next.addEventListener(type, alive);
    for (const [type, handle] of Object.entries(handlers.events)) {
      next.addEventListener(type, (message: MessageEvent) => {
        alive();
        handle(message);
      });
    }
    next.addEventListener('error', () => {
      if (source === next) fail();
    });
    // A stream that never says a word (a proxy holding the request) counts as silent too.
    heardAt = Date.now();
    watchSilence(policy.silenceMs);
  }

  open();
  return {
    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      clearTimeout(silenceTimer);
      source?.close();
      source = null;
    },
  };
}

/** Exponential backoff from `baseMs`, doubling per failure up to `capMs`. */
export function exponentialDelay(failures: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
}
