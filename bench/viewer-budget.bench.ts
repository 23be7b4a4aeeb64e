// What one open report costs the server: the real server (demo mode, fresh DB) and the built SPA in Chromium. Opens
// the running campaign's report, lets it settle, then counts the API requests the page makes (SSE stream aside) and
// the bytes they move over a measured window. Target: at most 15 requests a minute per viewer. Prints one JSON line.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Request } from '@playwright/test';
import { campaignsResponseSchema } from '../src/domain/api-schemas';
import { freePort } from '../src/server/testing/instance-process';

const root = resolve(import.meta.dirname, '..');
const RUNNING_NAME = 'Loan EMI Reminder';
const SETTLE_MS = 10_000;
const MEASURE_MS = Number(process.env.VIEWER_BUDGET_MS ?? 75_000);
const TARGET_REQUESTS_PER_MIN = 15;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function findRunning(base: string, timeoutMs: number): Promise<{ id: string; status: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/campaigns`);
      if (response.ok) {
        const parsed = campaignsResponseSchema.safeParse(await response.json());
        const found = parsed.success ? parsed.data.campaigns.find((campaign) => campaign.name === RUNNING_NAME) : undefined;
        if (found) return { id: found.id, status: found.status };
      }
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`campaign "${RUNNING_NAME}" did not appear within ${timeoutMs / 1000} s`);
}

const perMinute = (count: number) => Math.round((count * 60_000 * 10) / MEASURE_MS) / 10;

async function main(): Promise<void> {
  process.stderr.write('building dist/\n');
  const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new Error('vite build failed');

  const dataDir = mkdtempSync(join(tmpdir(), 'callboard-viewer-'));
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
    const running = await findRunning(base, 90_000);
    browser = await chromium.launch(existsSync(chromiumPath) ? { executablePath: chromiumPath, args: launchArgs } : {});
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    let measuring = false;
    const counted: Request[] = [];
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (measuring && url.pathname.startsWith('/api/') && url.pathname !== '/api/events') counted.push(request);
    });
    await page.goto(`${base}/campaigns/${running.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(SETTLE_MS);
    measuring = true;
    const startedAt = Date.now();
    await page.waitForTimeout(MEASURE_MS);
    measuring = false;
    const elapsedMs = Date.now() - startedAt;

    let bytes = 0;
    const byPath: Record<string, number> = {};
    let notModified = 0;
    for (const request of counted) {
      const sizes = await request.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize + sizes.requestHeadersSize;
      const response = await request.response();
      if (response?.status() === 304) notModified += 1;
      const path = new URL(request.url()).pathname.replace(running.id, ':id');
      byPath[path] = (byPath[path] ?? 0) + 1;
    }
    const requestsPerMin = perMinute(counted.length);
    console.log(
      JSON.stringify({
        bench: 'viewer-budget',
        campaignStatus: running.status,
        measuredMs: elapsedMs,
        requests: counted.length,
        requestsPerMinPerViewer: requestsPerMin,
        bytesPerMinPerViewer: Math.round(perMinute(bytes)),
        notModified,
        byPath,
        targetRequestsPerMin: TARGET_REQUESTS_PER_MIN,
        withinTarget: requestsPerMin <= TARGET_REQUESTS_PER_MIN,
      }),
    );
    await context.close();
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
  console.log(JSON.stringify({ bench: 'viewer-budget', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
