import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { E2E_WEBHOOK_SECRET } from './e2e/webhook-secret';

// End-to-end: the real server (demo mode: the simulator over real HTTP) serving the built SPA, in Debian's Chromium.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 8091);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: existsSync(chromiumPath)
      ? {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
        }
      : {},
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node_modules/.bin/tsx src/server/main.ts',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      CALLBOARD_DB: `test-results/e2e-${Date.now()}.db`,
      CALLBOARD_DEMO_SPEED: '30',
      CALLBOARD_DEMO_SEED: '7',
      // Known to the journeys, so one can post a webhook as Exotel would (demo mode otherwise makes one up).
      CALLBOARD_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
    },
  },
});
