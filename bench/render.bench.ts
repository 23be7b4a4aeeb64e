// Render speed: the real server (demo mode, fresh DB) and the built SPA in Chromium with 4x CPU throttling.
// Measures, on the seed example's report page, the time from navigation until the stat tiles show and until
// the three charts are drawn (recharts arrives in its own chunk, after the tiles). Prints one JSON line.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { z } from 'zod';
import { campaignsResponseSchema, reportSchema } from '../src/domain/api-schemas';
import { freePort } from '../src/server/testing/instance-process';

const root = resolve(import.meta.dirname, '..');
const RUNS = 5;
const CPU_THROTTLE = 4;
const SEED_NAME = 'Payment Reminder Q1';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const parsed = schema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Waits until the server answers and the seed example is fully synced (its report is final). */
async function waitForSeed(base: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const list = await getJson(`${base}/api/campaigns`, campaignsResponseSchema);
    const seed = list?.campaigns.find((campaign) => campaign.name === SEED_NAME);
    if (seed) {
      const report = await getJson(`${base}/api/campaigns/${seed.id}/report`, reportSchema);
      const { callsSynced, callsExpected } = report?.sync ?? { callsSynced: 0, callsExpected: null };
      if (report && report.stats.completed === 1875 && callsExpected !== null && callsSynced >= callsExpected) return seed.id;
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`the seed example was not synced within ${timeoutMs / 1000} s`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

async function main(): Promise<void> {
  {
    // Always measure the current code: the server serves dist/, so build it first.
    process.stderr.write('building dist/\n');
    const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'callboard-render-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    server = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CALLBOARD_DB: join(dataDir, 'bench.db'), CALLBOARD_DEMO_SPEED: '30', CALLBOARD_DEMO_SEED: '7' },
    });
    const seedId = await waitForSeed(base, 90_000);
    process.stderr.write(`seed example synced (${seedId}); measuring ${RUNS} runs\n`);

    browser = await chromium.launch(existsSync(chromiumPath) ? { executablePath: chromiumPath, args: launchArgs } : {});
    const tiles: number[] = [];
    const charts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each run: a cold cache, as a first visit from a shared link.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
      await page.goto(`${base}/campaigns/${seedId}`, { waitUntil: 'commit' });
      // performance.now() counts from the navigation's start, inside the page.
      const tilesAt = await page.waitForFunction(
        () => {
          const label = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'Completed');
          return label?.nextElementSibling?.textContent === '1,875' ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      const chartsAt = await page.waitForFunction(
        () =>
          document.querySelectorAll('.recharts-pie-sector').length > 0 &&
          document.querySelectorAll('.recharts-area').length > 0 &&
          document.querySelectorAll('.recharts-bar-rectangle').length > 0
            ? performance.now()
            : false,
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      tiles.push(Number(await tilesAt.jsonValue()));
      charts.push(Number(await chartsAt.jsonValue()));
      await context.close();
    }
    console.log(
      JSON.stringify({
        bench: 'render',
        cpuThrottle: CPU_THROTTLE,
        runs: RUNS,
        tilesVisibleMsMedian: median(tiles),
        chartsDrawnMsMedian: median(charts),
        tilesVisibleMs: tiles.map(Math.round),
        chartsDrawnMs: charts.map(Math.round),
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
  console.log(JSON.stringify({ bench: 'render', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
