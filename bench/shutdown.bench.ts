// Shutdown under load: the real server (demo mode, its own process) with 500 SSE clients connected gets SIGTERM;
// how long until the process has exited, with which code, and how many streams got the retry hint. One JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const PORT = Number(process.env.BENCH_PORT ?? 18240);
const CLIENTS = 500;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-shutdown-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', CALLBOARD_DB: join(dir, 'db.sqlite') };
  for (const name of ['EXOTEL_API_KEY', 'EXOTEL_API_TOKEN', 'EXOTEL_ACCOUNT_SID']) delete env[name];
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const sockets: Socket[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      server.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('"callboard.started"')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`server exited (${code}) before it started`)));
    });

    let ready = 0;
    let hinted = 0;
    let closed = 0;
    const connectStart = performance.now();
    for (let i = 0; i < CLIENTS; i++) {
      const socket = connect(PORT, '127.0.0.1');
      sockets.push(socket);
      let received = '';
      let isReady = false;
      socket.on('data', (chunk) => {
        received += chunk.toString();
        if (!isReady && received.includes('event: ready')) {
          isReady = true;
          ready++;
        }
      });
      socket.on('close', () => {
        closed++;
        if (received.includes('retry: 3000\n\n') && received.lastIndexOf('retry: 3000') > received.indexOf('event: ready')) hinted++;
      });
      socket.on('error', () => undefined);
      socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nAccept: text/event-stream\r\n\r\n`);
    }
    const readyBy = performance.now() + 60_000;
    while (ready < CLIENTS && performance.now() < readyBy) await new Promise((resolve) => setTimeout(resolve, 20));
    const connectMs = performance.now() - connectStart;

    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const signalledAt = performance.now();
    server.kill('SIGTERM');
    const exitCode = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    const exitMs = performance.now() - signalledAt;
    await new Promise((resolve) => setTimeout(resolve, 100));
    console.log(
      JSON.stringify({
        bench: 'shutdown',
        sseClients: CLIENTS,
        sseReady: ready,
        connectMs: Math.round(connectMs),
        exitCode,
        exitMs: Math.round(exitMs),
        streamsClosed: closed,
        streamsGivenRetryHint: hinted,
        load1: Number(loadavg()[0]?.toFixed(2)),
      }),
    );
    if (exitCode !== 0) process.exitCode = 1;
  } finally {
    for (const socket of sockets) socket.destroy();
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ bench: 'shutdown', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
