// What the wallboard benches share: the built SPA and the real server in demo mode on a fresh database, Chromium,
// Exotel-style call-status webhooks posted as fast as the server takes them, and CDP memory figures.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { campaignsResponseSchema } from '../../src/domain/api-schemas';
import { freePort } from '../../src/server/testing/instance-process';

const root = resolve(import.meta.dirname, '..', '..');
const SECRET = 'bench-wallboard-secret-0123456789';
const CONCURRENCY = 16;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--js-flags=--expose-gc'];

export interface Rig {
  base: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** Builds dist/, starts the server (demo mode, fresh DB) and Chromium. */
export async function startRig(): Promise<Rig> {
  process.stderr.write('building dist/\n');
  const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('vite build failed');
  const dataDir = mkdtempSync(join(tmpdir(), 'callboard-wallboard-'));
  const port = await freePort();
  const server: ChildProcess = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CALLBOARD_DB: join(dataDir, 'bench.db'), CALLBOARD_DEMO_SPEED: '30', CALLBOARD_DEMO_SEED: '7', CALLBOARD_WEBHOOK_SECRET: SECRET },
  });
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((done) => setTimeout(done, 500));
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    browser = await chromium.launch(existsSync(chromiumPath) ? { executablePath: chromiumPath, args: launchArgs } : {});
    return { base: `http://127.0.0.1:${port}`, browser, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function campaignId(base: string, name: string, timeoutMs = 90_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/campaigns`);
      if (response.ok) {
        const id = campaignsResponseSchema.parse(await response.json()).campaigns.find((campaign) => campaign.name === name)?.id;
        if (id) return id;
      }
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`demo campaign "${name}" did not appear`);
}

const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
let posted = 0;

/** Posts `count` finished calls of the campaign as call-status webhooks; returns how many the server refused. */
export async function postCalls(base: string, campaign: string, count: number): Promise<number> {
  let next = 0;
  let failed = 0;
  const statuses = ['completed', 'completed', 'busy', 'no-answer', 'failed'];
  async function worker() {
    while (next < count) {
      next++;
      const i = posted++;
      const response = await fetch(`${base}/webhooks/exotel/${SECRET}/call-status?campaign=${campaign}`, {
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
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
  return failed;
}

export interface MemoryFigures {
  heapUsedMb: number;
  domNodes: number;
  listeners: number;
}

/** JS heap after two full GCs, DOM nodes and event listeners, as CDP reports them. */
export async function memoryFigures(cdp: CDPSession): Promise<MemoryFigures> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { heapUsedMb: Math.round((heap.usedSize / 1_048_576) * 100) / 100, domNodes: counters.nodes, listeners: counters.jsEventListeners };
}

export const growthPercent = (start: number, end: number) => Math.round(((end - start) / start) * 1000) / 10;

/** The 1-minute load average: figures from a shared machine mean little without it. */
export const loadAverage = () => Math.round(loadavg()[0]! * 100) / 100;
