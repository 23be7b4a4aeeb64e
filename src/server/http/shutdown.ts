// Ends the process within a few seconds of SIGTERM, whatever clients are connected: stop accepting, end SSE streams
// (browsers reconnect by their retry hint), let requests in flight finish for a moment, stop sync, close the database,
// exit; a hard timer exits regardless. Also the socket timeouts that keep a half-sent request from holding a connection.
import { Server, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http';
import type { ServerType } from '@hono/node-server';
import type { Logger } from '../log';

/**
 * Given to createServer. A request's headers must arrive within 5 s and its whole body within 10 s (webhook bodies
 * are at most 64 KB; Node's defaults held a half-sent one for 330 s). Node checks these every
 * `connectionsCheckingInterval`, 30 s by default, so that is shortened too. SSE responses are unaffected: the
 * timeouts end once the request has been received.
 */
export const SERVER_OPTIONS: ServerOptions = {
  headersTimeout: 5_000,
  requestTimeout: 10_000,
  connectionsCheckingInterval: 1_000,
};

/** After this, the process exits whatever is still open. */
export const SHUTDOWN_DEADLINE_MS = 5_000;
/** How long requests in flight (a webhook being stored, a report) may take to finish once shutdown began. */
export const DRAIN_MS = 2_500;
/** Sent to each SSE client before its stream ends: reconnect in this many ms (to the restarted server). */
export const SSE_RETRY_MS = 3_000;

export interface ShutdownOptions {
  /** What @hono/node-server's serve() returned: an HTTP/1 server here (callboard does not serve HTTP/2). */
  server: ServerType;
  logger: Logger;
  /** Stops the sync scheduler; resolves when its loop has ended. */
  stopSync: () => Promise<void>;
  /** Closes the database; called once no request can use it any more. */
  closeStore: () => void;
  /** Anything else to close last (demo mode's simulator). */
  closeOthers?: () => Promise<void>;
  exit?: (code: number) => void;
  deadlineMs?: number;
  drainMs?: number;
}

interface OpenResponse {
  req: IncomingMessage;
  res: ServerResponse;
}

/**
 * An SSE client: EventSource always asks for text/event-stream. (The response's own content type is not readable
 * here: @hono/node-server passes headers to writeHead.) A client that did not ask is cut off after the drain instead.
 */
const isEventStream = (req: IncomingMessage) => (req.headers.accept ?? '').includes('text/event-stream');

/**
 * Starts tracking the server's open responses at once (call it before listening) and returns the function that
 * shuts down; main.ts calls it on SIGTERM and SIGINT. A second call while stopping exits at once.
 */
export function gracefulShutdown(options: ShutdownOptions): (signal: string) => Promise<void> {
  const { server, logger } = options;
  if (!(server instanceof Server)) throw new Error('graceful shutdown needs an HTTP/1 server');
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const open = new Set<OpenResponse>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const entry = { req, res };
    open.add(entry);
    res.once('close', () => open.delete(entry));
  });

  let stopping = false;
  return async (signal: string) => {
    if (stopping) {
      logger.warn('callboard.stop_forced', { signal });
      exit(1);
      return;
    }
    stopping = true;
    const startedAt = Date.now();
    logger.info('callboard.stopping', { signal, openResponses: open.size });
    const hardStop = setTimeout(() => {
      logger.error('callboard.stop_timed_out', { afterMs: Date.now() - startedAt, openResponses: open.size });
      exit(1);
    }, options.deadlineMs ?? SHUTDOWN_DEADLINE_MS);
    hardStop.unref();

    // No new connections; idle keep-alive ones close now, busy ones once their response is done.
    const closed = new Promise<void>((done) => server.close(() => done()));
    const syncStopped = options.stopSync().catch((error: unknown) => {
      logger.error('callboard.sync_stop_failed', { message: error instanceof Error ? error.message : String(error) });
    });

    let sseEnded = 0;
    for (const { req, res } of open) {
      if (!isEventStream(req)) continue;
      endEventStream(res);
      sseEnded++;
    }
    const drained = await waitUntil(() => [...open].every(({ req }) => isEventStream(req)), options.drainMs ?? DRAIN_MS);
    // Whatever did not finish in time (a half-sent body, a stuck client) is cut off.
    server.closeAllConnections();
    await Promise.all([closed, syncStopped]);
    options.closeStore();
    await options.closeOthers?.().catch(() => undefined);
    clearTimeout(hardStop);
    logger.info('callboard.stopped', { signal, afterMs: Date.now() - startedAt, sseEnded, drained });
    exit(0);
  };
}

/**
 * A last frame telling the browser when to come back, then the end of the connection. The frame is one write,
 * so it cannot split an event the route is writing; the route's stream sees the close and unsubscribes from the hub.
 */
function endEventStream(res: ServerResponse): void {
  try {
    if (!res.writableEnded) res.write(`retry: ${SSE_RETRY_MS}\n\n`);
  } catch {
    // Already broken: closing it below is all that is left to do.
  }
  res.socket?.end();
  // A socket that does not close by itself (the client stopped reading) is destroyed.
  setTimeout(() => res.socket?.destroy(), 500).unref();
}

async function waitUntil(done: () => boolean, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (!done()) {
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}
