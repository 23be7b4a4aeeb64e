// Shutdown with clients attached, in-process: an SSE stream is ended with a retry hint, a request in flight finishes,
// a half-sent body is cut off, sync stops and the database closes before exit(0).
import { connect, type Socket } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../log';
import { gracefulShutdown, SERVER_OPTIONS } from './shutdown';

function testApp(): Hono {
  const app = new Hono();
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => void (open = false));
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (open) await stream.sleep(50);
    }),
  );
  app.get('/slow', async (c) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return c.text('done');
  });
  app.post('/upload', async (c) => c.text(String((await c.req.text()).length)));
  // The half-sent upload's read fails when its connection is cut: expected here, not worth a line on stderr.
  app.onError((_error, c) => c.text('aborted', 500));
  return app;
}

let server: ServerType | null = null;
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets) socket.destroy();
  if (server?.listening) server.close();
});

async function listen(): Promise<number> {
  const app = testApp();
  return new Promise((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, serverOptions: SERVER_OPTIONS }, (info) => resolve(info.port));
  });
}

/** A raw client: what it received, and whether the server closed it. */
function rawClient(port: number, request: string) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  socket.write(request);
  return { received: () => received, closed };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('graceful shutdown', () => {
  it('ends SSE with a retry hint, lets a request in flight finish, cuts a half-sent body, then closes the store and exits 0', async () => {
    const port = await listen();
    const steps: string[] = [];
    const logger = memoryLogger();
    let exitCode: number | null = null;
    const shutdown = gracefulShutdown({
      server: server!,
      logger,
      stopSync: async () => void steps.push('sync stopped'),
      closeStore: () => void steps.push('store closed'),
      closeOthers: async () => void steps.push('others closed'),
      exit: (code) => void (exitCode ??= code),
      drainMs: 1_000,
    });

    const sse = rawClient(port, 'GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n');
    const halfSent = rawClient(port, 'POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly a part');
    await until(() => sse.received().includes('event: ready'));
    const slow = rawClient(port, 'GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const stopped = shutdown('SIGTERM');
    await sse.closed;
    expect(sse.received()).toContain('retry: 3000');
    expect(steps).toEqual(['sync stopped']);
    await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1.1 200[\s\S]*done$/);
    await halfSent.closed;
    expect(halfSent.received()).toBe('');
    await stopped;
    expect(steps).toEqual(['sync stopped', 'store closed', 'others closed']);
    expect(exitCode).toBe(0);
    expect(server!.listening).toBe(false);
    expect(logger.lines.at(-1)).toMatchObject({ event: 'callboard.stopped', fields: { sseEnded: 1, drained: false } });
  });

  it('exits 1 by the hard timer when a step hangs', async () => {
    await listen();
    let exitCode: number | null = null;
    const shutdown = gracefulShutdown({
      server: server!,
      logger: memoryLogger(),
      stopSync: () => new Promise(() => undefined),
      closeStore: () => undefined,
      exit: (code) => void (exitCode ??= code),
      deadlineMs: 200,
    });
    void shutdown('SIGTERM');
    await until(() => exitCode !== null);
    expect(exitCode).toBe(1);
  });
});
