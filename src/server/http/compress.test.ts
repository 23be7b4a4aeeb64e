import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { parseConfig } from '../config';
import { UpstreamStatus } from '../exotel/upstream-status';
import { LiveHub } from '../live/hub';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { callOf, campaignOf } from '../../domain/testing/builders';
import { WatchedCampaigns } from '../sync/watched';
import { compressJson } from './compress';

const big = { rows: Array.from({ length: 100 }, (_, i) => ({ id: i, status: 'completed', number: `+91980000${String(i).padStart(4, '0')}` })) };
const small = { ok: true };

function demoApp() {
  const app = new Hono();
  app.use(compressJson());
  app.get('/big', (c) => c.json(big));
  app.get('/small', (c) => c.json(small));
  app.get('/shared', (c) => c.body(JSON.stringify(big), 200, { 'Content-Type': 'application/json; charset=utf-8', ETag: '"v1"' }));
  app.get('/text', (c) => c.text('x'.repeat(5_000)));
  return app;
}

async function decoded(res: Response): Promise<unknown> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const encoding = res.headers.get('Content-Encoding');
  const plain = encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;
  return JSON.parse(plain.toString('utf8'));
}

describe('compressJson', () => {
  it('compresses a JSON answer above 1 KB with the coding the client prefers; decompressed it is the same JSON', async () => {
    const app = demoApp();
    for (const [accept, coding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0.1, gzip', 'gzip']] as const) {
      const res = await app.request('/big', { headers: { 'Accept-Encoding': accept } });
      expect(res.headers.get('Content-Encoding')).toBe(coding);
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
      expect(res.headers.get('Content-Type')).toContain('application/json');
      const length = Number(res.headers.get('Content-Length'));
      expect(length).toBeLessThan(JSON.stringify(big).length / 3);
      expect(await decoded(res)).toEqual(big);
    }
  });

  it('leaves alone small answers, non-JSON answers and clients that accept no compression', async () => {
    const app = demoApp();
    const tiny = await app.request('/small', { headers: { 'Accept-Encoding': 'br' } });
    expect(tiny.headers.get('Content-Encoding')).toBeNull();
    expect(tiny.headers.get('Vary')).toBeNull();
    expect(await tiny.json()).toEqual(small);
    expect((await app.request('/text', { headers: { 'Accept-Encoding': 'br' } })).headers.get('Content-Encoding')).toBeNull();
    const plain = await app.request('/big');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    // The same URL is compressed for other clients: caches must key on Accept-Encoding.
    expect(plain.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await plain.json()).toEqual(big);
  });

  it('turns a strong ETag weak on a compressed answer, and gives every client the same compressed bytes', async () => {
    const app = demoApp();
    const first = await app.request('/shared', { headers: { 'Accept-Encoding': 'br' } });
    const second = await app.request('/shared', { headers: { 'Accept-Encoding': 'br' } });
    expect(first.headers.get('ETag')).toBe('W/"v1"');
    expect(Buffer.from(await first.arrayBuffer()).equals(Buffer.from(await second.arrayBuffer()))).toBe(true);
  });
});

describe('compression in the app', () => {
  let store: CallboardStore;
  let hub: LiveHub;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
    store.upsertCampaigns([campaignOf('camp1', { stats: { created: 4, completed: 1, extra: {} } })], '2025-03-01T11:59:00+05:30');
    store.upsertCalls([callOf('s1'), callOf('s2', { number: '+919812345678', status: 'busy', durationSec: 0 })], 'sync');
    hub = new LiveHub();
  });
  afterEach(() => store.close());
  const app = () =>
    createApp({ config: parseConfig({}), store, upstream: new UpstreamStatus(true), hub, watched: new WatchedCampaigns(), webhooks: new Hono(), now: () => new Date('2025-03-01T12:00:00+05:30') });

  it('sends the report compressed with a weak ETag that still earns a 304', async () => {
    const first = await app().request('/api/campaigns/camp1/report', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('Content-Encoding')).toBe('br');
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^W\//);
    expect(await decoded(first)).toMatchObject({ campaign: { id: 'camp1' } });
    const again = await app().request('/api/campaigns/camp1/report', { headers: { 'Accept-Encoding': 'gzip, br', 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('never buffers or compresses the event stream', async () => {
    const res = await app().request('/api/events?campaign=camp1', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.headers.get('Content-Type')).toContain('text/event-stream');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: ready');
    setTimeout(() => hub.publish({ type: 'call', campaignId: 'camp1', at: '2025-03-01T12:00:00+05:30' }), 5);
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: call');
    await reader.cancel();
  });
});
