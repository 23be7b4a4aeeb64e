// The HTTP contract of the /api read routes and the SPA fallback, through app.request() against a real store.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  campaignsResponseSchema,
  contactsResponseSchema,
  healthSchema,
  reportSchema,
} from '../domain/api-schemas';
import { createApp } from './app';
import { parseConfig } from './config';
import { UpstreamStatus } from './exotel/upstream-status';
import { LiveHub } from './live/hub';
import { openSqliteStore } from './store/sqlite-store';
import type { CallboardStore } from './store/store';
import { callOf, campaignOf } from './store/test-records';
import { WatchedCampaigns } from './sync/watched';

const NOW = new Date('2025-03-01T12:00:00+05:30');

let store: CallboardStore;
let upstream: UpstreamStatus;
let watched: WatchedCampaigns;
let staticDir: string;

function appWith(options: { live?: boolean } = {}) {
  const config = options.live
    ? parseConfig({ EXOTEL_API_KEY: 'k', EXOTEL_API_TOKEN: 't', EXOTEL_ACCOUNT_SID: 'acme', CALLBOARD_WEBHOOK_SECRET: 'a-secret-of-16-chars' })
    : parseConfig({});
  return createApp({ config, store, upstream, hub: new LiveHub(), watched, webhooks: new Hono(), staticDir, now: () => NOW });
}

beforeEach(() => {
  store = openSqliteStore(':memory:');
  upstream = new UpstreamStatus(true);
  watched = new WatchedCampaigns();
  staticDir = mkdtempSync(join(tmpdir(), 'callboard-dist-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>callboard</title><div id="root"></div>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("app")');

  store.upsertCampaigns(
    [
      campaignOf('camp1', { dateCreated: '2025-03-01T09:00:00+05:30', stats: { created: 4, completed: 1, extra: {} } }),
      campaignOf('camp0', { name: 'Older', status: 'completed', dateCreated: '2025-02-01T09:00:00+05:30', stats: { created: 0, extra: {} } }),
    ],
    '2025-03-01T11:59:00+05:30',
  );
  store.upsertCalls(
    [
      callOf('s1', { number: '+919876543210', name: 'Asha Rao', status: 'completed' }),
      callOf('s2', { number: '+919812345678', name: 'Ravi Kumar', status: 'busy', durationSec: 0 }),
      callOf('s3', { number: '+919800011111', name: 'Meena', status: 'no-answer', durationSec: 0 }),
    ],
    'sync',
  );
});
afterEach(() => {
  store.close();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('reports ok with the upstream, malformed records and webhook counts', async () => {
    store.noteMalformedRecords(2);
    upstream.recordSuccess(NOW);
    const res = await appWith().request('/api/health');
    expect(res.status).toBe(200);
    const body = healthSchema.parse(await res.json());
    expect(body).toMatchObject({ status: 'ok', mode: 'demo', malformedRecords: 2, upstream: { state: 'ok' } });
  });

  it('is degraded while Exotel is down, and in live mode without an upstream', async () => {
    upstream.recordFailure('server-error', NOW);
    // Live mode without a session: the load balancer's answer, the status alone.
    expect(await (await appWith({ live: true }).request('/api/health')).json()).toEqual({ status: 'degraded' });
    upstream = new UpstreamStatus(false);
    expect(await (await appWith({ live: true }).request('/api/health')).json()).toEqual({ status: 'degraded' });
    expect(healthSchema.parse(await (await appWith().request('/api/health')).json()).status).toBe('ok');
  });
});

describe('GET /api/campaigns', () => {
  it('lists campaigns newest first with complete stats, progress and connect rate', async () => {
    const res = await appWith().request('/api/campaigns');
    expect(res.status).toBe(200);
    const body = campaignsResponseSchema.parse(await res.json());
    expect(body.campaigns.map((c) => c.id)).toEqual(['camp1', 'camp0']);
    const camp1 = body.campaigns[0]!;
    // Exotel said 1 completed of 4; the stored contacts add the busy and no-answer ones it did not count.
    expect(camp1.stats).toMatchObject({ created: 4, completed: 1, busy: 1, noAnswer: 1 });
    expect(camp1.progress).toEqual({ done: 3, total: 4 });
    expect(camp1.connectRate).toBe(0.25);
    expect(body.campaigns[1]!.connectRate).toBeNull();
  });

  it('answers 304 to an unchanged poll', async () => {
    const app = appWith();
    const first = await app.request('/api/campaigns');
    const etag = first.headers.get('ETag')!;
    expect((await app.request('/api/campaigns', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('GET /api/campaigns/:id/report', () => {
  it('builds the report from stored rows and marks the campaign watched', async () => {
    store.saveSyncState({ campaignId: 'camp1', highWaterOffset: 3, callsExpected: 5, lastPolledAt: '2025-03-01T11:59:30+05:30', lastFullPassAt: null });
    const res = await appWith().request('/api/campaigns/camp1/report');
    expect(res.status).toBe(200);
    const report = reportSchema.parse(await res.json());
    expect(report.campaign.id).toBe('camp1');
    expect(report.stats).toMatchObject({ created: 4, completed: 1 });
    expect(report.sync).toMatchObject({ callsSynced: 3, callsExpected: 5, lastPolledAt: '2025-03-01T11:59:30+05:30', stale: false });
    expect(watched.ids()).toEqual(['camp1']);
  });

  it('answers 304 while nothing changed and 200 with a new ETag after a change', async () => {
    const app = appWith();
    const first = await app.request('/api/campaigns/camp1/report');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    const again = await app.request('/api/campaigns/camp1/report', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    store.upsertCalls([callOf('s4', { number: '+919800022222', status: 'completed' })], 'webhook');
    const changed = await app.request('/api/campaigns/camp1/report', { headers: { 'If-None-Match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
    expect(reportSchema.parse(await changed.json()).stats.completed).toBe(2);

    // Exotel going down changes what the report says (stale), so it is not a 304 either.
    const etag2 = changed.headers.get('ETag')!;
    upstream.recordFailure('no-answer', NOW);
    const stale = await app.request('/api/campaigns/camp1/report', { headers: { 'If-None-Match': etag2 } });
    expect(stale.status).toBe(200);
    expect(reportSchema.parse(await stale.json()).sync.stale).toBe(true);
  });

  it('answers 404 for an unknown campaign and 400 for a malformed id', async () => {
    const missing = await appWith().request('/api/campaigns/nope/report');
    expect(missing.status).toBe(404);
    expect(apiErrorSchema.parse(await missing.json()).error).toContain('nope');
    const bad = await appWith().request(`/api/campaigns/${'x'.repeat(65)}/report`);
    expect(bad.status).toBe(400);
    apiErrorSchema.parse(await bad.json());
    expect((await appWith().request('/api/campaigns/bad.id/report')).status).toBe(400);
    expect(watched.ids()).toEqual([]);
  });
});

describe('GET /api/campaigns/:id/contacts', () => {
  it('searches, filters and pages contacts', async () => {
    const app = appWith();
    const byNumber = contactsResponseSchema.parse(await (await app.request('/api/campaigns/camp1/contacts?q=%2B91%2098765')).json());
    expect(byNumber.rows.map((r) => r.number)).toEqual(['+919876543210']);
    const byName = contactsResponseSchema.parse(await (await app.request('/api/campaigns/camp1/contacts?q=ravi')).json());
    expect(byName).toMatchObject({ total: 1, rows: [{ name: 'Ravi Kumar', finalStatus: 'busy', attempts: 1 }] });
    const page = contactsResponseSchema.parse(await (await app.request('/api/campaigns/camp1/contacts?sort=number:asc&limit=2&offset=2')).json());
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.number)).toEqual(['+919876543210']);
    const busy = contactsResponseSchema.parse(await (await app.request('/api/campaigns/camp1/contacts?status=busy')).json());
    expect(busy.rows.map((r) => r.number)).toEqual(['+919812345678']);
    expect(watched.ids()).toEqual(['camp1']);
  });

  it('answers 400 naming the bad parameter', async () => {
    const app = appWith();
    for (const [query, parameter] of [['limit=0', 'limit'], ['limit=501', 'limit'], ['status=ringing', 'status'], ['sort=cost:asc', 'sort'], ['offset=-1', 'offset']] as const) {
      const res = await app.request(`/api/campaigns/camp1/contacts?${query}`);
      expect(res.status).toBe(400);
      expect(apiErrorSchema.parse(await res.json()).error).toContain(parameter);
    }
    expect((await app.request('/api/campaigns/unknown/contacts')).status).toBe(404);
  });

  it('answers 304 for an unchanged page and 200 once a call changes it', async () => {
    const app = appWith();
    const first = await app.request('/api/campaigns/camp1/contacts?q=meena');
    const etag = first.headers.get('ETag')!;
    expect((await app.request('/api/campaigns/camp1/contacts?q=meena', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    // Another query is another page: not answered by this ETag.
    expect((await app.request('/api/campaigns/camp1/contacts?q=ravi', { headers: { 'If-None-Match': etag } })).status).toBe(200);
    store.upsertCalls([callOf('s5', { number: '+919800011111', name: 'Meena', status: 'completed', dateCreated: '2025-03-01T11:00:00+05:30', attemptNumber: 2 })], 'sync');
    const changed = await app.request('/api/campaigns/camp1/contacts?q=meena', { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(contactsResponseSchema.parse(await changed.json()).rows[0]).toMatchObject({ finalStatus: 'completed', attempts: 2 });
  });
});

describe('static files', () => {
  it('serves the SPA for deep links and long-caches hashed assets', async () => {
    const app = appWith();
    const deep = await app.request('/campaigns/camp1?wallboard=1');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const asset = await app.request('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
    expect((await app.request('/assets/missing-123.js')).status).toBe(404);
  });

  it('never answers an unknown /api or /webhooks path with the SPA', async () => {
    const app = appWith();
    const api = await app.request('/api/nope');
    expect(api.status).toBe(404);
    apiErrorSchema.parse(await api.json());
    expect((await app.request('/webhooks/exotel/whatever')).status).toBe(404);
  });
});
