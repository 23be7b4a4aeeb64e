import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportSchema, wallboardReportSchema } from '../../domain/api-schemas';
import { callOf, campaignOf } from '../../domain/testing/builders';
import { UpstreamStatus } from '../exotel/upstream-status';
import { deferredRefresh } from '../live/deferred-refresh';
import { LiveHub, type HubEvent } from '../live/hub';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { WatchedCampaigns } from '../sync/watched';
import { readContactMetadataSheet } from '../../domain/csv/contact-metadata-sheet';
import { reportRoutes } from './report';

const NOW = new Date('2025-03-01T12:00:00+05:30');
let store: CallboardStore;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  store.upsertCampaigns([campaignOf('camp1', { stats: { created: 4, completed: 1, extra: {} } })], '2025-03-01T11:59:00+05:30');
  store.upsertCalls([callOf('s1', { number: '+919876543210', status: 'completed' })], 'sync');
});
afterEach(() => store.close());

function routes(options: { slowBuildMs: number; nowMs: () => number; onDeferred?: (id: string, afterMs: number) => void; rupeesPerPulse?: number }) {
  return reportRoutes({
    store,
    pricing: { rupeesPerPulse: options.rupeesPerPulse ?? null, pulseSec: 60 },
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

describe('the report with an uploaded contact sheet', () => {
  function uploadSheet(csv: string): void {
    const sheet = readContactMetadataSheet(csv);
    if (!sheet.ok) throw new Error(sheet.error);
    store.replaceContactMetadata('camp1', { columns: sheet.columns, rows: sheet.rows, uploadedAt: NOW.toISOString() });
  }

  it('fills the by-tag table and reads revenue back from the sheet into the business metrics', async () => {
    store.upsertCalls(
      [
        callOf('s2', { number: '+919800000002', status: 'busy', price: 1, dateCreated: '2025-03-01T10:00:00+05:30' }),
        callOf('s3', { number: '+919800000002', status: 'completed', price: 2, dateCreated: '2025-03-01T10:30:00+05:30' }),
        callOf('s4', { number: '+919800000003', status: 'no-answer', price: 1, dateCreated: '2025-03-01T10:00:00+05:30' }),
      ],
      'sync',
    );
    // s1 (+919876543210, completed) is in beforeEach; 9800000004 is on the sheet but not dialled yet.
    uploadSheet(
      [
        'number,name,tags,revenue',
        '09876543210,Asha,gold;pune,1200',
        '+91 98000 00002,Ravi,gold,300.5',
        '9800000003,Meena,pune,',
        '919800000004,Kiran,gold,',
      ].join('\n'),
    );
    const app = routes({ slowBuildMs: Infinity, nowMs: () => NOW.getTime(), rupeesPerPulse: 2 });
    const report = reportSchema.parse(await (await app.request('/campaigns/camp1/report')).json());
    expect(report.tags).toEqual([
      { tag: 'gold', contacts: 3, connected: 2, connectRate: 2 / 3, answerRate: 1, avgAttempts: 1.5 },
      { tag: 'pune', contacts: 2, connected: 1, connectRate: 0.5, answerRate: 0.5, avgAttempts: 1 },
    ]);
    expect(report.business.revenue).toBe(1500.5);
    expect(report.business.revenueSource).toBe('metadata');
    // Two connected contacts; cost in rupees = pulses x 2, so revenue / cost follows the stored prices.
    expect(report.business.revenuePerConnect).toBe(1500.5 / 2);
    expect(report.business.cost.rupees).not.toBeNull();
    expect(report.business.revenuePerCost).toBeCloseTo(1500.5 / report.business.cost.rupees!);
  });

  it('follows a re-upload: the new sheet replaces the old tags and revenue', async () => {
    const app = routes({ slowBuildMs: Infinity, nowMs: () => NOW.getTime() });
    uploadSheet('number,tags,revenue\n9876543210,gold,100');
    expect(reportSchema.parse(await (await app.request('/campaigns/camp1/report')).json()).tags.map((row) => row.tag)).toEqual(['gold']);
    uploadSheet('number,tags\n9876543210,silver');
    const report = reportSchema.parse(await (await app.request('/campaigns/camp1/report')).json());
    expect(report.tags.map((row) => row.tag)).toEqual(['silver']);
    expect(report.business.revenue).toBeNull();
  });
});

describe('the wallboard view of the report', () => {
  it('answers the same build with only what a wallboard shows, its own ETag, and a 304 when unchanged', async () => {
    const app = routes({ slowBuildMs: Infinity, nowMs: () => NOW.getTime() });
    const full = reportSchema.parse(await (await app.request('/campaigns/camp1/report')).json());
    const response = await app.request('/campaigns/camp1/report?view=wallboard');
    expect(response.status).toBe(200);
    const text = await response.text();
    const narrow = wallboardReportSchema.parse(JSON.parse(text));
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['breakdown', 'campaign', 'generatedAt', 'metrics', 'retries', 'stats', 'sync', 'timeline']);
    expect(narrow).toEqual({ campaign: full.campaign, stats: full.stats, metrics: full.metrics, breakdown: full.breakdown, retries: full.retries, timeline: full.timeline, sync: full.sync, generatedAt: full.generatedAt });

    const etag = response.headers.get('ETag');
    const fullEtag = (await app.request('/campaigns/camp1/report')).headers.get('ETag');
    expect(etag).not.toBeNull();
    expect(etag).not.toBe(fullEtag);
    expect((await app.request('/campaigns/camp1/report?view=wallboard', { headers: { 'If-None-Match': etag! } })).status).toBe(304);
    // The full report's tag does not stand for the narrow body, nor the other way round.
    expect((await app.request('/campaigns/camp1/report?view=wallboard', { headers: { 'If-None-Match': fullEtag! } })).status).toBe(200);
  });

  it('follows a change like the full report does', async () => {
    const app = routes({ slowBuildMs: Infinity, nowMs: () => NOW.getTime() });
    const before = await app.request('/campaigns/camp1/report?view=wallboard');
    expect(wallboardReportSchema.parse(await before.json()).stats.completed).toBe(1);
    store.upsertCalls([callOf('s2', { number: '+919800022222', status: 'completed' })], 'webhook');
    const after = await app.request('/campaigns/camp1/report?view=wallboard', { headers: { 'If-None-Match': before.headers.get('ETag')! } });
    expect(after.status).toBe(200);
    expect(wallboardReportSchema.parse(await after.json()).stats.completed).toBe(2);
  });

  it('refuses a view it does not know, naming the parameter', async () => {
    const app = routes({ slowBuildMs: Infinity, nowMs: () => NOW.getTime() });
    const response = await app.request('/campaigns/camp1/report?view=everything');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'view must be full or wallboard' });
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
