// Journeys of the wallboard, opened by a display token (/tv/<token>) as a TV would: it fits and reads at four
// screen sizes with no scrollbar and nothing cut off, shows no phone number, rotates through its campaigns, obeys
// an admin's identify, shows the removal screen once revoked, and heals by itself after the network to the server
// is cut and restored. (Demo mode signs loopback requests in as an admin, so the journeys create displays.)
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PAUSED_NAME, RUNNING_NAME, findCampaign } from './support';

const ARTIFACTS = 'e2e-artifacts';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 1080, height: 1920 },
];

interface FitReport {
  scroll: { width: number; height: number; innerWidth: number; innerHeight: number };
  smallestFontPx: number;
  smallestText: string;
  smallestPrimaryPx: number | null;
  cutOff: string[];
  longDigitRuns: string[];
  /** Cells of the shown grid page (columns x rows), null on a campaign slide. */
  gridCells: number | null;
}

/** Measures, on the slide shown, what the issue asks: page overflow, every text's size, clipped or escaping text, digit runs. */
async function measure(page: Page): Promise<FitReport> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const shown = document.querySelector('[data-shown="true"]') ?? document.body;
    let smallestFontPx = Infinity;
    let smallestText = '';
    const cutOff: string[] = [];
    for (const element of shown.querySelectorAll<HTMLElement>('*')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      // Text that is not rendered (display: none) is not on the screen.
      if (!ownText || element.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < smallestFontPx) {
        smallestFontPx = size;
        smallestText = (element.textContent ?? '').trim().slice(0, 40);
      }
      const box = element.getBoundingClientRect();
      // Inside the screen, and inside its own tile, panel or card.
      const holder = element.parentElement?.closest('.wb-tile, .wb-panel, .wb-card')?.getBoundingClientRect();
      const outside = (outer: { left: number; top: number; right: number; bottom: number }) =>
        box.left < outer.left - 1 || box.top < outer.top - 1 || box.right > outer.right + 1 || box.bottom > outer.bottom + 1;
      const escapes = outside({ left: 0, top: 0, right: innerWidth, bottom: innerHeight }) || (holder !== undefined && outside(holder));
      if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1 || escapes) {
        cutOff.push(`${(element.textContent ?? '').trim().slice(0, 40)} (${Math.round(box.width)}x${Math.round(box.height)} at ${Math.round(box.left)},${Math.round(box.top)})`);
      }
    }
    const grid = shown.querySelector<HTMLElement>('.wb-grid');
    const tracks = (value: string) => value.split(' ').filter(Boolean).length;
    const gridCells = grid ? tracks(getComputedStyle(grid).gridTemplateColumns) * tracks(getComputedStyle(grid).gridTemplateRows) : null;
    const primaries = [...shown.querySelectorAll<HTMLElement>('[data-primary="true"]')].map((element) => parseFloat(getComputedStyle(element).fontSize));
    const text = `${document.body.innerText} ${[...document.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label')).join(' ')}`;
    return {
      scroll: { width: root.scrollWidth, height: root.scrollHeight, innerWidth, innerHeight },
      smallestFontPx,
      smallestText,
      smallestPrimaryPx: primaries.length ? Math.min(...primaries) : null,
      cutOff,
      longDigitRuns: text.replace(/[\s\-()]/g, '').match(/\d{7,}/g) ?? [],
      gridCells,
    };
  });
}

async function expectFits(page: Page, size: { width: number; height: number }, primaryShare: number) {
  const report = await measure(page);
  expect(report.scroll.width, 'no horizontal scrollbar').toBeLessThanOrEqual(report.scroll.innerWidth);
  expect(report.scroll.height, 'no vertical scrollbar').toBeLessThanOrEqual(report.scroll.innerHeight);
  expect(report.cutOff, 'nothing cut off').toEqual([]);
  expect(report.smallestFontPx, `smallest text "${report.smallestText}" is at least 2% of the height`).toBeGreaterThanOrEqual(size.height * 0.02 - 0.5);
  expect(report.smallestPrimaryPx, 'primary figures').not.toBeNull();
  expect(report.smallestPrimaryPx!, `primary figures are at least ${primaryShare * 100}% of the height`).toBeGreaterThanOrEqual(size.height * primaryShare - 0.5);
  expect(report.longDigitRuns, 'no phone number (7+ digit run) on the page').toEqual([]);
}

test.beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

/** Creates a display as an admin would; returns its id and the path of its screen (/tv/<token>). */
async function createDisplay(request: APIRequestContext, name: string, campaignIds: string[] | 'active', settings: Record<string, unknown> = {}) {
  const response = await request.post('/api/displays', { data: { name, campaignIds, settings } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { id: string; url: string };
  return { id: body.id, path: new URL(body.url).pathname };
}

test('one campaign and the grid fit 720p, 1080p, 4K and portrait, with no phone number anywhere', async ({ page, request }) => {
  test.setTimeout(120_000);
  const running = await findCampaign(request, RUNNING_NAME);
  const single = await createDisplay(request, 'Sales floor', [running.id]);
  await page.goto(single.path);
  const slide = page.locator('[data-shown="true"] [data-testid="wallboard-campaign"]');
  // A TV screen: no app header, no links.
  await expect(page.getByRole('link')).toHaveCount(0);
  await expect(slide.getByRole('heading', { level: 1, name: RUNNING_NAME })).toBeVisible();
  await expect(slide.getByRole('group', { name: 'Progress', exact: true })).toContainText('%');
  await expect(slide.getByTestId('wallboard-as-of')).toHaveText(/^as of \d\d:\d\d:\d\d$/);
  await expect(slide.getByTestId('wallboard-live')).toBeVisible({ timeout: 20_000 });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    await expectFits(page, size, 0.08);
    await page.screenshot({ path: `${ARTIFACTS}/wallboard-campaign-${size.width}x${size.height}.png` });
  }

  await page.setViewportSize(SIZES[0]!);
  const wall = await createDisplay(request, 'Atrium', 'active', { theme: 'dark' });
  // The URL overrides the display's settings.
  await page.goto(`${wall.path}?view=grid&theme=light`);
  await expect(page.getByTestId('wallboard')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('[data-shown="true"] [data-testid="wallboard-grid"]').getByRole('group', { name: RUNNING_NAME })).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    // A grid's primary figure is each card's progress; 12 cards fit every screen (4 x 3, or 2 x 6 in portrait).
    await page.screenshot({ path: `${ARTIFACTS}/wallboard-grid-${size.width}x${size.height}.png` });
    await expectFits(page, size, 0.08);
    expect((await measure(page)).gridCells, 'a grid page holds 12 campaigns').toBe(12);
  }
});

test('rotation shows each campaign in turn, the next one already drawn underneath', async ({ page, request }) => {
  test.setTimeout(60_000);
  const running = await findCampaign(request, RUNNING_NAME);
  const paused = await findCampaign(request, PAUSED_NAME);
  await page.setViewportSize(SIZES[1]!);
  const display = await createDisplay(request, 'Rotating', [running.id, paused.id], { view: 'campaign', rotate: 5 });
  await page.goto(display.path);
  const shownName = page.locator('[data-shown="true"] h1');
  await expect(shownName).toHaveText(RUNNING_NAME);
  // The next slide is in the page, laid out but hidden, before its turn.
  await expect(page.locator('[data-shown="false"] h1')).toHaveText(PAUSED_NAME);
  await expect(shownName).toHaveText(PAUSED_NAME, { timeout: 8_000 });
  await expect(shownName).toHaveText(RUNNING_NAME, { timeout: 8_000 });
});

/** A stand-in for the network between the screen and the server: it can be cut and restored. */
function startProxy(target: URL, port: number): Promise<{ close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming, outgoing) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((ready) =>
    server.listen(port, '127.0.0.1', () =>
      ready({
        close: () =>
          new Promise<void>((closed) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => closed());
          }),
      }),
    ),
  );
}

test('cut off from the server the screen turns amber, then red with the time, and heals within 30 s without a reload', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const running = await findCampaign(request, RUNNING_NAME);
  const display = await createDisplay(request, 'Heals', [running.id]);
  const proxyPort = Number(new URL(baseURL!).port) + 1;
  let proxy = await startProxy(new URL(baseURL!), proxyPort);
  await page.clock.install();
  await page.setViewportSize(SIZES[0]!);
  await page.goto(`http://localhost:${proxyPort}${display.path}`);
  const slide = page.locator('[data-shown="true"] [data-testid="wallboard-campaign"]');
  await expect(slide.getByTestId('wallboard-live')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(() => Object.assign(window, { callboardNoReload: true }));
  const frame = slide.getByTestId('wallboard-frame');
  await expect(frame).toHaveAttribute('data-freshness', 'fresh');

  await proxy.close();
  await page.clock.fastForward('02:30');
  await expect(frame).toHaveAttribute('data-freshness', 'aging');
  await expect(slide.getByTestId('wallboard-live')).toHaveCount(0);
  await page.clock.fastForward('03:00');
  await expect(frame).toHaveAttribute('data-freshness', 'stale');
  await expect(slide.getByTestId('wallboard-stale-band')).toHaveText(/^DATA STALE since \d\d:\d\d$/);
  await expect(slide.getByRole('group', { name: 'Progress', exact: true })).toContainText('%');
  await page.screenshot({ path: `${ARTIFACTS}/wallboard-stale-1280x720.png` });

  proxy = await startProxy(new URL(baseURL!), proxyPort);
  const restoredAt = Date.now();
  await expect(frame).toHaveAttribute('data-freshness', 'fresh', { timeout: 30_000 });
  await expect(slide.getByTestId('wallboard-live')).toBeVisible({ timeout: 30_000 - (Date.now() - restoredAt) });
  expect(await page.evaluate(() => 'callboardNoReload' in window), 'healed without a reload').toBe(true);
  test.info().annotations.push({ type: 'heal-ms', description: String(Date.now() - restoredAt) });
  await proxy.close();
});

test('an admin can make a display show its name, and removing it shows the removal screen', async ({ page, request }) => {
  const running = await findCampaign(request, RUNNING_NAME);
  const display = await createDisplay(request, 'Reception TV', [running.id]);
  await page.goto(display.path);
  await expect(page.locator('[data-shown="true"] h1')).toHaveText(RUNNING_NAME);
  await expect(page.locator('[data-shown="true"] [data-testid="wallboard-live"]')).toBeVisible({ timeout: 20_000 });

  const identify = await request.post(`/api/displays/${display.id}/reload`, { data: { command: 'identify' } });
  expect(identify.status()).toBe(202);
  await expect(page.getByRole('status').filter({ hasText: 'Reception TV' })).toBeVisible();

  expect((await request.delete(`/api/displays/${display.id}`)).status()).toBe(204);
  await expect(page.getByRole('heading', { name: 'This display has been removed' })).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: `${ARTIFACTS}/wallboard-removed-1280x720.png` });
});
