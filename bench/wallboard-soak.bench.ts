// Wallboard soak: the real server (demo mode, fresh DB) and the built SPA in Chromium, one-campaign wallboard (its
// stream carries every call event of that campaign). Two parts, one JSON line:
// - update cost: at 4x CPU throttle (CDP Emulation.setCPUThrottlingRate), call webhooks arrive for a minute of real
//   time; the longest main-thread task while the updates land, and the requests per minute the one wallboard makes.
// - memory soak: 8 hours of a busy campaign, accelerated with the page's clock (Playwright's page.clock): a busy
//   campaign dials about 60 calls a minute (the demo's busiest dials 55-65), so 28,800 call-status webhooks,
//   posted 30 at a time before each 30-second step of the page's clock. Each step is `runFor`, which fires every
//   timer due in it, in order, as real time would: the 1 s clock ticks 28,800 times and every poll, throttled
//   refetch and freshness check of the 8 hours runs as often as it would on a wall (a `fastForward` jump fires
//   each due timer once, so the 1 s timers ran 30 times too rarely and the code they drive was still warming up
//   hours in). The shown clock's ticks per page minute are counted to show it (60; 2 with fastForward). Webhooks
//   still arrive 30 at a time, not one every 2 s. The page's day runs from 09:00, clear of the daily 04:00 reload.
//   JS heap after GC, DOM nodes and listeners (CDP) after the first 10 minutes, every hour and at the end; target:
//   total heap growth under 5%. A heap snapshot at both ends (support/heap-snapshot.ts) splits the heap into JS
//   objects (what a leak grows), bytecode and metadata, and the machine code V8's optimising compilers generated
//   (which grows as functions that run a few times a minute become hot, until all of them are optimised), with
//   that machine code's growth by script. Printed beside the total: the heap less machine code, and the total's
//   growth over the second half of the soak, to say whether any growth is a leak or warm-up that has levelled.
import type { CDPSession, Page } from '@playwright/test';
import { heapBreakdown, type HeapBreakdown } from './support/heap-snapshot';
import { campaignId, growthPercent, loadAverage, memoryFigures, postCalls, startRig, type Rig } from './support/wallboard-kit';

const CPU_THROTTLE = 4;
const CALLS_PER_MINUTE = 60;
const SOAK_HOURS = Number(process.env.WALLBOARD_SOAK_HOURS ?? 8);
/** Page-clock steps: under the stream's 45 s silence limit, since the events posted before each step keep it alive. */
const STEP_MS = 30_000;
const START_AFTER_MS = 10 * 60_000;
const UPDATE_WINDOW_MS = Number(process.env.WALLBOARD_UPDATE_SEC ?? 60) * 1000;
const CAMPAIGN = 'KYC Update Follow-up';

type LongTasks = { ms: number; count: number };
const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Counts the wallboard's own API requests (not its open event stream). */
function countRequests(page: Page): { count: () => number } {
  let count = 0;
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/') && !path.endsWith('/events')) count++;
  });
  return { count: () => count };
}

async function openWallboard(page: Page, base: string, campaign: string): Promise<void> {
  await page.goto(`${base}/wallboard?campaigns=${campaign}`);
  await page.waitForSelector('[data-shown="true"] [data-testid="wallboard-campaign"] h1', { timeout: 60_000 });
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number } };
}

/**
 * The renderer main thread's longest task in a trace, as wall time and as the thread's own CPU time. On a shared,
 * loaded machine the wall time mostly measures waiting for a core; CPU time does not. Chromium throttles by keeping
 * the thread busy, so the CPU time already includes the 4x throttle (a major GC of a 5 MB heap shows as ~40 ms).
 */
async function longestMainThreadTask(cdp: CDPSession, tracing: Promise<void>) {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')));
  await tracing;
  await cdp.send('Tracing.end');
  const handle = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed: unknown = JSON.parse(text);
  const events: TraceEvent[] = Array.isArray(parsed) ? parsed : ((parsed as { traceEvents?: TraceEvent[] }).traceEvents ?? []);
  const main = new Set(events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const tasks = events.filter((event) => event.name === 'RunTask' && event.ph === 'X' && main.has(`${event.pid}:${event.tid}`));
  const cpu = tasks.map((task) => (task.tdur ?? 0) / 1000);
  const longest = tasks.reduce<TraceEvent | null>((best, task) => ((task.tdur ?? 0) > (best?.tdur ?? -1) ? task : best), null);
  if (longest?.ts !== undefined) {
    // What the longest task did: the largest events inside it on the same thread.
    const from = longest.ts;
    const to = from + (longest.dur ?? 0);
    const inside = events.filter((event) => event !== longest && event.pid === longest.pid && event.tid === longest.tid && event.ph === 'X' && (event.ts ?? -1) >= from && (event.ts ?? 0) <= to);
    const top = inside.sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 10).map((event) => {
      const fn = event.args?.data?.functionName ?? event.args?.data?.url?.split('/').pop();
      return `${event.name}${fn ? ` (${fn}:${event.args?.data?.lineNumber ?? ''})` : ''} ${Math.round((event.tdur ?? 0) / 100) / 10} ms`;
    });
    process.stderr.write(`longest task (${Math.round((longest.tdur ?? 0) / 1000)} ms CPU): ${top.join(', ')}\n`);
  }
  // A wallboard is idle between updates, so V8 runs a full (major) GC of the whole heap in a task of its own now and
  // then: the longest task is often that, not an update. Counted apart, so the figure says which it was.
  const majorGcs = events.filter((event) => event.name === 'MajorGC' && event.ph === 'X' && main.has(`${event.pid}:${event.tid}`));
  const hasMajorGc = (task: TraceEvent) => majorGcs.some((gc) => gc.pid === task.pid && gc.tid === task.tid && (gc.ts ?? -1) >= (task.ts ?? 0) && (gc.ts ?? 0) <= (task.ts ?? 0) + (task.dur ?? 0));
  const withoutGc = tasks.filter((task) => !hasMajorGc(task)).map((task) => (task.tdur ?? 0) / 1000);
  return {
    wallMs: Math.round(Math.max(0, ...tasks.map((task) => (task.dur ?? 0) / 1000))),
    cpuMs: Math.round(Math.max(0, ...cpu) * 10) / 10,
    tasksOver50msAt4x: cpu.filter((ms) => ms > 50).length,
    majorGcs: majorGcs.length,
    longestMajorGcCpuMs: Math.round(Math.max(0, ...majorGcs.map((gc) => (gc.tdur ?? 0) / 1000)) * 10) / 10,
    longestWithoutMajorGcCpuMs: Math.round(Math.max(0, ...withoutGc) * 10) / 10,
  };
}

/** Top functions by self time in a CPU profile (WALLBOARD_PROFILE=1), to see what an update spends its time on. */
async function profileSummary(cdp: CDPSession): Promise<string[]> {
  const { profile } = await cdp.send('Profiler.stop');
  const byFunction = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  const ids = profile.samples ?? [];
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  ids.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  return [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([key, ms]) => `${Math.round(ms)} ms ${key}`);
}

async function updateCost(rig: Rig, campaign: string) {
  const context = await rig.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const requests = countRequests(page);
  const cdp = await context.newCDPSession(page);
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
  await openWallboard(page, rig.base, campaign);
  const reportBytes = {
    full: (await (await fetch(`${rig.base}/api/campaigns/${campaign}/report`)).text()).length,
    wallboard: (await (await fetch(`${rig.base}/api/campaigns/${campaign}/report?view=wallboard`)).text()).length,
  };
  await wait(20_000);
  // Long tasks of the first load are not update cost.
  await page.evaluate(() => Object.assign((window as unknown as { wallboardLongTasks: LongTasks }).wallboardLongTasks, { ms: 0, count: 0 }));
  const profiling = process.env.WALLBOARD_PROFILE === '1';
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const tracing = cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' }).then(() => undefined);
  const before = requests.count();
  const startedAt = Date.now();
  let failedPosts = 0;
  // A busy minute, faster than life (5 calls a second) so that every throttled refetch has news to show.
  while (Date.now() - startedAt < UPDATE_WINDOW_MS) {
    failedPosts += await postCalls(rig.base, campaign, 5);
    await wait(1_000);
  }
  const minutes = (Date.now() - startedAt) / 60_000;
  const longTasks = await page.evaluate(() => (window as unknown as { wallboardLongTasks: LongTasks }).wallboardLongTasks);
  const traced = await longestMainThreadTask(cdp, tracing);
  if (profiling) process.stderr.write(`self time while updating (4x throttle):\n  ${(await profileSummary(cdp)).join('\n  ')}\n`);
  await context.close();
  return {
    // Wall time, as the Long Tasks API sees it (load on the machine inflates it).
    updateLongestTaskMs: Math.round(longTasks.ms),
    updateTasksOver50ms: longTasks.count,
    // The main thread's own CPU time (throttle included) for its longest task, and how many tasks took over 50 ms.
    updateLongestTaskCpuMs: traced.cpuMs,
    updateTasksOver50msCpu: traced.tasksOver50msAt4x,
    // Full GCs in the window (CPU time of the longest), and the longest task that held none: the update's own work.
    majorGcs: traced.majorGcs,
    longestMajorGcCpuMs: traced.longestMajorGcCpuMs,
    longestTaskWithoutMajorGcCpuMs: traced.longestWithoutMajorGcCpuMs,
    requestsPerMinute: Math.round(((requests.count() - before) / minutes) * 10) / 10,
    failedPosts,
    // What one refetch of the shown campaign carries: the full report, and the wallboard view it asks for.
    reportBytes,
  };
}

const heapSplit = ({ objectsMb, codeMb, machineCodeMb }: HeapBreakdown) => ({ objectsMb, codeMb, machineCodeMb });

/** Machine code growth by the script that owns it, in KB; '(injected)' is the bench's own page clock and counters. */
function machineCodeGrowthKb(start: HeapBreakdown, end: HeapBreakdown): Record<string, number> {
  const scripts = new Set([...start.machineCodeByScript.keys(), ...end.machineCodeByScript.keys()]);
  const growth = [...scripts].map((script) => [script || '(injected)', Math.round(((end.machineCodeByScript.get(script) ?? 0) - (start.machineCodeByScript.get(script) ?? 0)) / 1024)] as const);
  return Object.fromEntries(growth.filter(([, kb]) => kb !== 0).sort((a, b) => b[1] - a[1]));
}

async function memorySoak(rig: Rig, campaign: string) {
  const context = await rig.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const requests = countRequests(page);
  const cdp = await context.newCDPSession(page);
  // The page's day starts at 09:00 local, so the 8 hours are a working day and never cross the wallboard's daily
  // 04:00 reload (started at real time after 20:00 they did, and the end figures were a fresh page's). Loads are
  // counted to show the page lived the whole soak.
  const dayStart = new Date();
  dayStart.setHours(9, 0, 0, 0);
  await page.clock.install({ time: dayStart });
  let pageLoads = 0;
  page.on('load', () => pageLoads++);
  // Counts the seconds the shown slide's clock displays (a DOM observer, which the fake clock does not touch): with
  // every timer run it changes once a second of page time, as on a real wall.
  await context.addInitScript(() => {
    const ticks = { count: 0 };
    Object.assign(window, { wallboardClockTicks: ticks });
    new MutationObserver((records) => {
      const clockChanged = records.some((record) => {
        const element = record.target instanceof Element ? record.target : record.target.parentElement;
        return element?.closest('[data-shown="true"] [data-testid="wallboard-clock"]') !== null;
      });
      if (clockChanged) ticks.count++;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const clockTicks = () => page.evaluate(() => (window as unknown as { wallboardClockTicks: { count: number } }).wallboardClockTicks.count);
  const pageNow = () => page.evaluate(() => Date.now());
  await openWallboard(page, rig.base, campaign);
  await page.clock.pauseAt((await pageNow()) + 1_000);
  const steps = Math.round((SOAK_HOURS * 3_600_000) / STEP_MS);
  const callsPerStep = Math.round((CALLS_PER_MINUTE * STEP_MS) / 60_000);
  let failedPosts = 0;
  let start: Awaited<ReturnType<typeof memoryFigures>> | null = null;
  let startHeap: HeapBreakdown | null = null;
  const heapByHourMb: number[] = [];
  let requestsAtStart = 0;
  let clockTicksAtStart = 0;
  let pageAtStart = 0;
  const startStep = START_AFTER_MS / STEP_MS;
  const startedAt = Date.now();
  let postMs = 0;
  let jumpMs = 0;
  for (let step = 1; step <= steps; step++) {
    const stepAt = Date.now();
    failedPosts += await postCalls(rig.base, campaign, callsPerStep);
    // Let the stream deliver the events before the page's clock moves on.
    await wait(30);
    postMs += Date.now() - stepAt;
    const jumpAt = Date.now();
    // Every timer due in the step fires, each as often as real time would fire it.
    await page.clock.runFor(STEP_MS);
    jumpMs += Date.now() - jumpAt;
    if (step === startStep) {
      await wait(1_000);
      start = await memoryFigures(cdp);
      startHeap = await heapBreakdown(cdp);
      requestsAtStart = requests.count();
      clockTicksAtStart = await clockTicks();
      pageAtStart = await pageNow();
      process.stderr.write(`soak start (10 min in): ${JSON.stringify({ ...start, ...heapSplit(startHeap) })}\n`);
    }
    if (step % (3_600_000 / STEP_MS) === 0) {
      heapByHourMb.push((await memoryFigures(cdp)).heapUsedMb);
      process.stderr.write(`soak: ${(step * STEP_MS) / 3_600_000} h of ${SOAK_HOURS} (${Math.round((Date.now() - startedAt) / 1000)} s; posting ${Math.round(postMs / 1000)} s, page ${Math.round(jumpMs / 1000)} s)\n`);
    }
  }
  await wait(2_000);
  const clockTicksAtEnd = await clockTicks();
  const pageAtEnd = await pageNow();
  const end = await memoryFigures(cdp);
  const endHeap = await heapBreakdown(cdp);
  const resourceTimings = await page.evaluate(() => performance.getEntriesByType('resource').length);
  const shown = await page.locator('[data-shown="true"] [data-testid="wallboard-campaign"] h1').textContent();
  await context.close();
  if (!start || !startHeap) throw new Error('the soak is shorter than its 10-minute start');
  const pageMinutes = ((steps - startStep) * STEP_MS) / 60_000;
  return {
    soakHours: SOAK_HOURS,
    // The page's own clock from the 10-minute start to the end: the hours it lived through.
    pageHoursAfterStart: Math.round(((pageAtEnd - pageAtStart) / 3_600_000) * 100) / 100,
    callEvents: steps * callsPerStep,
    failedPosts,
    soakRealSec: Math.round((Date.now() - startedAt) / 1000),
    stillShowing: shown === CAMPAIGN,
    // 1: the page was never reloaded during the soak.
    pageLoads,
    start: { ...start, ...heapSplit(startHeap) },
    end: { ...end, ...heapSplit(endHeap) },
    growthPercent: {
      heap: growthPercent(start.heapUsedMb, end.heapUsedMb),
      heapLessMachineCode: growthPercent(start.heapUsedMb - startHeap.machineCodeMb, end.heapUsedMb - endHeap.machineCodeMb),
      heapObjects: growthPercent(startHeap.objectsMb, endHeap.objectsMb),
      heapCode: growthPercent(startHeap.codeMb, endHeap.codeMb),
      machineCode: growthPercent(startHeap.machineCodeMb, endHeap.machineCodeMb),
      // The total from the middle of the soak to its end: levelled warm-up stays flat here, a leak keeps growing.
      heapSecondHalf: growthPercent(heapByHourMb[Math.floor(heapByHourMb.length / 2) - 1] ?? start.heapUsedMb, end.heapUsedMb),
      domNodes: growthPercent(start.domNodes, end.domNodes),
      listeners: growthPercent(start.listeners, end.listeners),
    },
    heapByHourMb,
    machineCodeGrowthKb: machineCodeGrowthKb(startHeap, endHeap),
    resourceTimings,
    requestsPerPageMinute: Math.round(((requests.count() - requestsAtStart) / pageMinutes) * 10) / 10,
    // 60 when the page's 1 s timers run as in real time (2 when each 30 s step fired them once).
    clockTicksPerPageMinute: Math.round(((clockTicksAtEnd - clockTicksAtStart) / pageMinutes) * 10) / 10,
  };
}

async function main(): Promise<void> {
  const rig = await startRig();
  try {
    const campaign = await campaignId(rig.base, CAMPAIGN);
    const loadBefore = loadAverage();
    const update = await updateCost(rig, campaign);
    process.stderr.write(`update cost: ${JSON.stringify(update)}\n`);
    const soak = await memorySoak(rig, campaign);
    console.log(JSON.stringify({ bench: 'wallboard-soak', cpuThrottle: CPU_THROTTLE, update, soak, loadAverage1m: { before: loadBefore, after: loadAverage() } }));
  } finally {
    await rig.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  console.log(JSON.stringify({ bench: 'wallboard-soak', error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
