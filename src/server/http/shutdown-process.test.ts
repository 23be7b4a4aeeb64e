// The real server (demo mode, its own process) ends on SIGTERM while an SSE client and a half-sent webhook are
// connected; before, either kept it alive for minutes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHUTDOWN_DEADLINE_MS } from './shutdown';

const PORT = 18230;
const SECRET = 'shutdown-test-secret-0123';

let child: ChildProcess | null = null;
let dir: string | null = null;
const sockets: Socket[] = [];

afterEach(() => {
  for (const socket of sockets) socket.destroy();
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts src/server/main.ts in demo mode and resolves once it logged callboard.started. */
function startServer(): Promise<ChildProcess> {
  dir = mkdtempSync(join(tmpdir(), 'callboard-shutdown-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', CALLBOARD_DB: join(dir, 'db.sqlite'), CALLBOARD_WEBHOOK_SECRET: SECRET };
  for (const name of ['EXOTEL_API_KEY', 'EXOTEL_API_TOKEN', 'EXOTEL_ACCOUNT_SID']) delete env[name];
  // One process (`node --import tsx`), as `npm start` runs it: the tsx CLI relays SIGTERM to a child and SIGKILLs
  // it when it does not acknowledge within 30 ms, which a busy event loop easily misses.
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = server;
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('"callboard.started"')) resolve(server);
    });
    server.stderr?.on('data', () => undefined);
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it started`)));
  });
}

function rawClient(request: string): { received: () => string } {
  const socket = connect(PORT, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  socket.write(request);
  return { received: () => received };
}

describe('SIGTERM', () => {
  it('ends the process (exit 0) with an SSE stream open and a webhook body half sent', { timeout: 90_000 }, async () => {
    const server = await startServer();
    const sse = rawClient(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nAccept: text/event-stream\r\n\r\n`);
    rawClient(
      `POST /webhooks/exotel/${SECRET}/call-status HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"call_sid":`,
    );
    while (!sse.received().includes('event: ready')) await new Promise((resolve) => setTimeout(resolve, 20));

    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    // Generous against a loaded machine: the hard timer alone exits (with 1) at SHUTDOWN_DEADLINE_MS.
    const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), SHUTDOWN_DEADLINE_MS + 3_000))]);
    expect(code).toBe(0);
    expect(sse.received()).toContain('retry: 3000');
  });
});
