// Wallboard soak: the real server (demo mode, fresh DB) and the built SPA in Chromium. A one-campaign wallboard (its
// stream carries every call event of that campaign; a multi-campaign board hears only campaign and sync events)
// receives, through Exotel-style webhooks, as many call events as 8 hours of a busy campaign (60 calls a minute),
// accelerated into a few minutes. Reports JS heap after GC, DOM nodes and event listeners at the
// start and the end; the longest main-thread task while updates land at 4x CPU throttle; and requests per minute
// made by the one wallboard. Prints one JSON line.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { campaignsResponseSchema } from '../src/domain/api-schemas';

const root = resolve(import.meta.dirname, '..');
const CPU_THROTTLE = 4;
/** 8 hours of a busy campaign at 60 calls a minute. */
const EVENTS = Number(process.env.WALLBOARD_SOAK_EVENTS ?? 8 * 60 * 60);
const CONCURRENCY = 16;
const WARM_UP_MS = 30_000;
const SECRET = 'bench-wallboard-secret-0123456789';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--js-flags=--expose-gc'];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

async function campaignIds(base: string, names: string[], timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/campaigns`);
      if (response.ok) {
        const { campaigns } = campaignsResponseSchema.parse(await response.json());
        const ids = names.map((name) => campaigns.find((campaign) => campaign.name === name)?.id);
        if (ids.every((id): id is string => id !== undefined)) return ids;
      }
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error('demo campaigns did not appear');
}

interface Snapshot {
  heapUsedMb: number;
  domNodes: number;
  listeners: number;
}

async function snapshot(cdp: CDPSession): Promise<Snapshot> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? NaN;
  return {
    heapUsedMb: Math.round((metric('JSHeapUsedSize') / 1_048_576) * 100) / 100,
    domNodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
const growth = (start: number, end: number) => Math.round(((end - start) / start) * 1000) / 10;

async function postCalls(base: string, campaignId: string, count: number): Promise<number> {
  let next = 0;
  let failed = 0;
  const statuses = ['completed', 'completed', 'busy', 'no-answer', 'failed'];
  async function worker() {
    while (next < count) {
      const i = next++;
      const response = await fetch(`${base}/webhooks/exotel/${SECRET}/call-status?campaign=${campaignId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          CallSid: hex(32),
          To: `+9199${String(10_000_000 + i).slice(-8)}`,
          From: '08012345678',
          Status: statuses[i % statuses.length],
          Duration: '42',
          DateCreated: new Date().toISOString(),
        }),
      }).catch(() => null);
      if (!response?.ok) failed++;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failed;
}

async function main(): Promise<void> {
  process.stderr.write('building dist/\n');
  const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('vite build failed');
  const dataDir = mkdtempSync(join(tmpdir(), 'callboard-wallboard-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    server = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CALLBOARD_DB: join(dataDir, 'bench.db'), CALLBOARD_DEMO_SPEED: '30', CALLBOARD_DEMO_SEED: '7', CALLBOARD_WEBHOOK_SECRET: SECRET },
    });
    const [paused] = await campaignIds(base, ['KYC Update Follow-up'], 90_000);

    browser = await chromium.launch(existsSync(chromiumPath) ? { executablePath: chromiumPath, args: launchArgs } : {});
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const requests: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) requests.push(Date.now());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    await page.addInitScript(() => {
      const longest = { ms: 0, count: 0 };
      Object.assign(window, { wallboardLongTasks: longest });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          longest.ms = Math.max(longest.ms, entry.duration);
          longest.count++;
        }
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.goto(`${base}/wallboard?campaigns=${paused}`);
    await page.waitForSelector('[data-shown="true"] [data-testid="wallboard-campaign"] h1', { timeout: 60_000 });
    await page.waitForTimeout(WARM_UP_MS);
    // Long tasks of the first load are not update cost.
    await page.evaluate(() => Object.assign((window as unknown as { wallboardLongTasks: { ms: number; count: number } }).wallboardLongTasks, { ms: 0, count: 0 }));
    const start = await snapshot(cdp);
    const soakStartedAt = Date.now();
    const requestsBefore = requests.length;
    process.stderr.write(`start ${JSON.stringify(start)}; posting ${EVENTS} call events\n`);
    const failedPosts = await postCalls(base, paused!, EVENTS);
    // Let the last refetches land.
    await page.waitForTimeout(15_000);
    const soakMs = Date.now() - soakStartedAt;
    const requestsPerMinute = Math.round(((requests.length - requestsBefore) / (soakMs / 60_000)) * 10) / 10;
    const longTasks = await page.evaluate(() => (window as unknown as { wallboardLongTasks: { ms: number; count: number } }).wallboardLongTasks);
    const end = await snapshot(cdp);
    console.log(
      JSON.stringify({
        bench: 'wallboard-soak',
        events: EVENTS,
        failedPosts,
        soakSec: Math.round(soakMs / 1000),
        cpuThrottle: CPU_THROTTLE,
        start,
        end,
        growthPercent: { heap: growth(start.heapUsedMb, end.heapUsedMb), domNodes: growth(start.domNodes, end.domNodes), listeners: growth(start.listeners, end.listeners) },
        // Long tasks are those over 50 ms; none means every update's task stayed under 50 ms.
        updateLongestTaskMs: Math.round(longTasks.ms),
        updateTasksOver50ms: longTasks.count,
        requestsPerMinute,
      }),
    );
  } finally {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((done) => setTimeout(done, 500));
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  console.log(JSON.stringify({ bench: 'wallboard-soak', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
