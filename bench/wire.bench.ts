// Bytes and time on the wire: builds the SPA into a scratch folder and serves it with the real app, then
// measures (1) a cold load of the SPA (index.html plus the JS and CSS it references) as a brotli-accepting
// browser receives it, against the same files uncompressed, (2) the initial JS as a gzip-only client receives
// it, and (3) one event reaching 1,000 SSE clients over loopback HTTP, beside the floor of this machine.
// The clients run in a forked copy of this file (`--client`), so that reading does not share the server's event loop.
// Fan-out figures (median, p95 and max of several rounds unless named otherwise):
// - `medianMs`/`p95Ms`/`maxMs`: from the server's publish call until the last of the 1,000 clients has read the
//   event (one process reads them all, so its reading is included); `firstReadMedianMs`: until the first has.
// - `publishMedianMs`: the publish call itself, i.e. the server writing the event to all 1,000 sockets;
//   `serverCpuMedianMs`: CPU the server spent from publish until the last read (steadier on a busy machine).
// - `floor*`: the same forked client process also opens 1,000 more event streams, the same way, from a bare `net`
//   server in this process that answers each with a fixed response head and then writes the same bytes (the
//   event's HTTP chunk) to each socket, with nothing else in between: `floorWriteMedianMs` is that write loop
//   (compare `publishMedianMs`), `floorMedianMs` until the last client read it (compare `medianMs`),
//   `floorCpuMedianMs` its CPU (compare `serverCpuMedianMs`). On loopback the kernel runs the receiver's TCP path
//   inside the sender's write call, so the floor is what one process writing to 1,000 sockets costs here, whatever
//   the server does. Rounds alternate between the two, so that a change in the machine's load falls on both alike.
// - `publishOverFloorWrite` and `fanoutOverFloor`: the ratios of the medians (1 is the floor).
// Prints one JSON line, with the 1-minute load average at the start and at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';
import { forkClient } from './support/fork-client';
import { campaignOf } from '../src/domain/testing/builders';
import { createApp } from '../src/server/app';
import { parseConfig } from '../src/server/config';
import { UpstreamStatus } from '../src/server/exotel/upstream-status';
import { LiveHub } from '../src/server/live/hub';
import { chunkOf } from '../src/server/live/node-sink';
import { eventFrame, formatEventId } from '../src/server/live/sse-frame';
import { openSqliteStore } from '../src/server/store/sqlite-store';
import { WatchedCampaigns } from '../src/server/sync/watched';

const FANOUT_CAMPAIGN = 'cwire0000000000000000000000000001';
const FANOUT_CLIENTS = 1_000;
const FANOUT_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 0);
const OVERALL_TIMEOUT_MS = 180_000;

const root = resolve(import.meta.dirname, '..');
const log = (message: string) => process.stderr.write(`[wire.bench] ${message}\n`);
const wallClock = () => performance.timeOrigin + performance.now();
const round2 = (ms: number) => Math.round(ms * 100) / 100;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The child: opens the SSE clients (and, when asked, the floor's), then reports when 1,000 of them have read each round's event. */
async function runClient(base: string): Promise<void> {
  const send = (message: ChildMessage) => process.send?.(message);
  const marker = 'event: campaign\n';
  let seenThisRound = 0;
  let round = -1;
  let firstReadAt = 0;
  /** Counts the event in what one response reads. */
  const reader = () => {
    let carry = '';
    return (chunk: string) => {
      const text = carry + chunk;
      let index = text.indexOf(marker);
      while (index !== -1) {
        seenThisRound++;
        if (seenThisRound === 1) firstReadAt = wallClock();
        if (seenThisRound === FANOUT_CLIENTS) send({ type: 'done', round, firstReadAt, lastReadAt: wallClock() });
        index = text.indexOf(marker, index + marker.length);
      }
      carry = text.slice(-marker.length + 1);
    };
  };
  const open = (url: string) =>
    new Promise<void>((done, fail) => {
      const req = httpGet(url, { agent: false }, (res) => {
        if (res.statusCode !== 200) return fail(new Error(`SSE connect answered ${res.statusCode}`));
        res.setEncoding('utf8');
        const read = reader();
        let ready = false;
        res.on('data', (chunk: string) => {
          if (!ready && chunk.includes('event: ready')) {
            ready = true;
            done();
          }
          read(chunk);
        });
        res.on('error', () => undefined);
      });
      req.on('error', fail);
    });
  // Connect in batches so that the connect storm is not what gets measured.
  const openAll = async (url: string) => {
    for (let i = 0; i < FANOUT_CLIENTS; i += 100) await Promise.all(Array.from({ length: 100 }, () => open(url)));
  };
  await openAll(`${base}/api/events?campaign=${FANOUT_CAMPAIGN}`);
  process.on('message', (raw) => {
    const message = parentMessageSchema.safeParse(raw);
    if (!message.success) return;
    if (message.data.type === 'stop') process.exit(0);
    if (message.data.type === 'floor') {
      void openAll(`http://127.0.0.1:${message.data.port}/`).then(() => send({ type: 'floor-ready' }));
      return;
    }
    round = message.data.round;
    seenThisRound = 0;
    send({ type: 'armed', round });
  });
  send({ type: 'ready' });
}

const parentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('round'), round: z.number() }),
  z.object({ type: z.literal('floor'), port: z.number() }),
  z.object({ type: z.literal('stop') }),
]);
const childMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('floor-ready') }),
  z.object({ type: z.literal('armed'), round: z.number() }),
  z.object({ type: z.literal('done'), round: z.number(), firstReadAt: z.number(), lastReadAt: z.number() }),
]);
type ChildMessage = z.infer<typeof childMessageSchema>;

function startClient(base: string) {
  return forkClient(fileURLToPath(import.meta.url), ['--client', base], childMessageSchema);
}

function decode(body: Buffer, encoding: string | null): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  return body;
}

/** What a cold load of the SPA costs: index.html, then every script, modulepreload and stylesheet it names. */
async function coldLoad(app: Hono) {
  const fetchAs = async (path: string, acceptEncoding: string | null) => {
    const res = await app.request(path, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    return { body, encoding: res.headers.get('content-encoding') };
  };
  const browser = 'gzip, deflate, br, zstd';
  const index = await fetchAs('/', browser);
  const html = decode(index.body, index.encoding).toString('utf8');
  const initialJs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => m[1] ?? '');
  let brotliBytes = index.body.length;
  let identityBytes = (await fetchAs('/', null)).body.length;
  let initialJsGzipBytes = 0;
  let initialJsBytes = 0;
  let verified = true;
  const encodings = new Set<string>();
  for (const path of [...initialJs, ...css]) {
    const plain = await fetchAs(path, null);
    const br = await fetchAs(path, browser);
    identityBytes += plain.body.length;
    brotliBytes += br.body.length;
    encodings.add(br.encoding ?? 'identity');
    verified &&= decode(br.body, br.encoding).equals(plain.body);
    if (path.endsWith('.js')) {
      const gz = await fetchAs(path, 'gzip');
      initialJsGzipBytes += gz.body.length;
      initialJsBytes += plain.body.length;
      verified &&= decode(gz.body, gz.encoding).equals(plain.body);
    }
  }
  return {
    files: 1 + initialJs.length + css.length,
    encodings: [...encodings].sort(),
    compressedKb: kb(brotliBytes),
    uncompressedKb: kb(identityBytes),
    initialJsGzipKb: kb(initialJsGzipBytes),
    initialJsUncompressedKb: kb(initialJsBytes),
    verified,
  };
}

async function main(): Promise<void> {
  const guard = setTimeout(() => {
    console.log(JSON.stringify({ bench: 'wire', error: `did not finish within ${OVERALL_TIMEOUT_MS / 1000} s` }));
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  // The machine is shared: the load says how far the timings are to be trusted.
  const loadAvg1mAtStart = round2(loadavg()[0] ?? 0);
  const dir = mkdtempSync(join(tmpdir(), 'callboard-wire-bench-'));
  const distDir = join(dir, 'dist');
  const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`vite build exited ${build.status}`);

  const store = openSqliteStore(join(dir, 'bench.db'));
  // Only a campaign the store knows may be streamed (an unknown id is refused with 404).
  store.upsertCampaigns([campaignOf(FANOUT_CAMPAIGN)], new Date().toISOString());
  const hub = new LiveHub();
  const app = createApp({
    config: parseConfig({ CALLBOARD_DB: join(dir, 'bench.db') }),
    store,
    upstream: new UpstreamStatus(true),
    hub,
    watched: new WatchedCampaigns(),
    webhooks: new Hono(),
    staticDir: distDir,
  });
  const load = await coldLoad(app);
  log(`cold load: ${load.compressedKb} KB (${load.encodings.join(', ')}) vs ${load.uncompressedKb} KB uncompressed`);

  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: PORT });
  await new Promise<void>((done) => server.once('listening', () => done()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = startClient(base);
  await client.next('ready');
  while (hub.clientCount < FANOUT_CLIENTS) await sleep(20);
  // The floor: a bare TCP server in this process, answering each request of the same client process with a fixed
  // event stream head, and then only writing to the sockets.
  const plain: Socket[] = [];
  const floorHead = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n');
  const floorReady = chunkOf(new TextEncoder().encode('event: ready\ndata: {}\n\n'));
  const floorServer = createNetServer((socket) => {
    // As the HTTP server does (its noDelay option is on by default).
    socket.setNoDelay(true);
    socket.once('data', () => {
      socket.write(floorHead);
      socket.write(floorReady);
      plain.push(socket);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((done) => floorServer.listen(0, '127.0.0.1', done));
  client.child.send({ type: 'floor', port: (floorServer.address() as AddressInfo).port });
  await client.next('floor-ready');
  while (plain.length < FANOUT_CLIENTS) await sleep(20);

  /** One round: arms the client, times `write`, then waits until 1,000 clients have read what it wrote. */
  const measure = async <Written>(round: number, write: () => Written) => {
    client.child.send({ type: 'round', round });
    await client.next('armed');
    const done = client.next('done');
    const cpuBefore = process.cpuUsage();
    const startedAt = wallClock();
    const written = write();
    const writeMs = wallClock() - startedAt;
    const reached = await done;
    const cpu = process.cpuUsage(cpuBefore);
    await sleep(100);
    if (reached.type !== 'done') throw new Error(`round ${round}: the client answered ${reached.type}`);
    const figures = { writeMs, lastReadMs: reached.lastReadAt - startedAt, firstReadMs: reached.firstReadAt - startedAt, cpuMs: (cpu.user + cpu.system) / 1_000 };
    return { written, figures };
  };
  type Figures = Awaited<ReturnType<typeof measure>>['figures'];
  const fanout: Figures[] = [];
  const floor: Figures[] = [];
  for (let round = 0; round < FANOUT_ROUNDS; round++) {
    const event = await measure(2 * round, () => hub.publish({ type: 'campaign', campaignId: FANOUT_CAMPAIGN, at: new Date().toISOString() }));
    fanout.push(event.figures);
    const published = event.written;
    // The very bytes the server wrote to each SSE socket: the event's frame as one HTTP/1.1 chunk.
    const chunk = chunkOf(eventFrame(formatEventId(hub.epoch, published.id), published));
    const bare = await measure(2 * round + 1, () => {
      for (const socket of plain) socket.write(chunk);
    });
    floor.push(bare.figures);
  }
  client.child.send({ type: 'stop' });
  await new Promise((done) => client.child.once('exit', done));
  const median = (rounds: Figures[], figure: keyof Figures) => percentile(rounds.map((r) => r[figure]).sort((a, b) => a - b), 50);
  const sorted = fanout.map((r) => r.lastReadMs).sort((a, b) => a - b);

  console.log(
    JSON.stringify({
      bench: 'wire',
      coldLoad: load,
      coldLoadCompressedKb: load.compressedKb,
      coldLoadUncompressedKb: load.uncompressedKb,
      initialJsGzipKb: load.initialJsGzipKb,
      fanout: {
        clients: FANOUT_CLIENTS,
        rounds: FANOUT_ROUNDS,
        medianMs: round2(percentile(sorted, 50)),
        p95Ms: round2(percentile(sorted, 95)),
        maxMs: round2(sorted.at(-1) ?? Number.NaN),
        firstReadMedianMs: round2(median(fanout, 'firstReadMs')),
        publishMedianMs: round2(median(fanout, 'writeMs')),
        serverCpuMedianMs: round2(median(fanout, 'cpuMs')),
        floorMedianMs: round2(median(floor, 'lastReadMs')),
        floorWriteMedianMs: round2(median(floor, 'writeMs')),
        floorCpuMedianMs: round2(median(floor, 'cpuMs')),
        publishOverFloorWrite: round2(median(fanout, 'writeMs') / median(floor, 'writeMs')),
        fanoutOverFloor: round2(percentile(sorted, 50) / median(floor, 'lastReadMs')),
      },
      targetFanoutMs: 10,
      loadAvg1mAtStart,
      loadAvg1mAtEnd: round2(loadavg()[0] ?? 0),
    }),
  );
  clearTimeout(guard);
  store.close();
  server.close();
  floorServer.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const clientIndex = process.argv.indexOf('--client');
if (clientIndex !== -1) {
  void runClient(process.argv[clientIndex + 1] ?? '');
} else {
  main().catch((error: unknown) => {
    console.log(JSON.stringify({ bench: 'wire', error: error instanceof Error ? error.message : String(error) }));
    process.exit(1);
  });
}
