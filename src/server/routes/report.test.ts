import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportSchema } from '../../domain/api-schemas';
import { callOf, campaignOf } from '../../domain/testing/builders';
import { UpstreamStatus } from '../exotel/upstream-status';
import { deferredRefresh } from '../live/deferred-refresh';
import { LiveHub, type HubEvent } from '../live/hub';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { WatchedCampaigns } from '../sync/watched';
import { reportRoutes } from './report';

const NOW = new Date('2025-03-01T12:00:00+05:30');
let store: CallboardStore;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  store.upsertCampaigns([campaignOf('camp1', { stats: { created: 4, completed: 1, extra: {} } })], '2025-03-01T11:59:00+05:30');
  store.upsertCalls([callOf('s1', { number: '+919876543210', status: 'completed' })], 'sync');
});
afterEach(() => store.close());

function routes(options: { slowBuildMs: number; nowMs: () => number; onDeferred?: (id: string, afterMs: number) => void }) {
  return reportRoutes({
    store,
    upstream: new UpstreamStatus(true),
    watched: new WatchedCampaigns(),
    timeZone: 'Asia/Kolkata',
    now: () => new Date(options.nowMs()),
    slowBuildMs: options.slowBuildMs,
    onDeferred: options.onDeferred,
  });
}

async function completed(app: ReturnType<typeof routes>): Promise<number> {
  return reportSchema.parse(await (await app.request('/campaigns/camp1/report')).json()).stats.completed;
}

describe('a slow report build reused after a change', () => {
  it('asks the viewers to fetch again when the reuse ends, so the change is not held back until the next poll', async () => {
    let nowMs = NOW.getTime();
    const deferred: Array<{ id: string; afterMs: number }> = [];
    // Every build counts as slow here (threshold 0), as a large campaign's does on a loaded machine.
    const app = routes({ slowBuildMs: -1, nowMs: () => nowMs, onDeferred: (id, afterMs) => deferred.push({ id, afterMs }) });
    expect(await completed(app)).toBe(1);

    store.upsertCalls([callOf('s2', { number: '+919800022222', status: 'completed' })], 'webhook');
    // Within the reuse window the old build answers, and its viewers are owed a nudge when the window ends.
    expect(await completed(app)).toBe(1);
    expect(deferred).toHaveLength(1);
    expect(deferred[0]).toMatchObject({ id: 'camp1' });
    expect(deferred[0]!.afterMs).toBeGreaterThanOrEqual(0);

    nowMs += 60_000;
    expect(await completed(app)).toBe(2);
  });

  it('never reuses a build that is not slow: a change shows at once', async () => {
    const deferred: string[] = [];
    const app = routes({ slowBuildMs: Infinity, nowMs: () => NOW.getTime(), onDeferred: (id) => deferred.push(id) });
    expect(await completed(app)).toBe(1);
    store.upsertCalls([callOf('s2', { number: '+919800022222', status: 'completed' })], 'webhook');
    expect(await completed(app)).toBe(2);
    expect(deferred).toEqual([]);
  });
});

describe('deferredRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('publishes one sync event per campaign when the wait ends, however often it is asked meanwhile', () => {
    const hub = new LiveHub();
    const seen: HubEvent[] = [];
    hub.subscribe('camp1', (event) => seen.push(event));
    const refresh = deferredRefresh(hub, () => NOW.getTime());
    refresh('camp1', 200);
    refresh('camp1', 150);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(seen.map((event) => [event.type, event.campaignId])).toEqual([['sync', 'camp1']]);
    refresh('camp1', 0);
    vi.advanceTimersByTime(50);
    expect(seen).toHaveLength(2);
  });
});
