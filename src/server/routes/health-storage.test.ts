// /api/health follows the database's writes: while webhooks are answered 503 because the disk is full (or the
// file system read-only), health is degraded and names the category; once a write succeeds it is ok again.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { healthSchema } from '../../domain/api-schemas';
import { createApp } from '../app';
import { parseConfig } from '../config';
import { UpstreamStatus } from '../exotel/upstream-status';
import { LiveHub } from '../live/hub';
import { openSqliteDatabase } from '../store/sqlite/connection';
import { SqliteStore } from '../store/sqlite-store';
import { WatchedCampaigns } from '../sync/watched';
import { makeKit } from '../testing/webhook-kit';

function setup() {
  const db = openSqliteDatabase(':memory:');
  const store = new SqliteStore(db);
  const kit = makeKit({ store });
  const upstream = new UpstreamStatus(true);
  upstream.recordSuccess(new Date());
  const app = createApp({ config: parseConfig({}), store, upstream, hub: new LiveHub(), watched: new WatchedCampaigns(), webhooks: new Hono() });
  const health = async () => healthSchema.parse(await (await app.request('/api/health')).json());
  let n = 0;
  // A body big enough to need new pages, so a capped database cannot take it.
  const post = () => kit.post('call-status', { campaign_sid: 'c1', call_sid: `sid-${++n}`, number: '+919800000001', status: 'completed', date_created: '2024-01-15T09:05:00+05:30', padding: 'x'.repeat(20_000) });
  return { db, health, post };
}

describe('health while the database cannot be written', () => {
  it('is degraded with "disk-full" while webhooks get 503, and ok again once a write succeeds', async () => {
    const { db, health, post } = setup();
    expect((await post()).status).toBe(200);
    expect(await health()).toMatchObject({ status: 'ok', storage: { state: 'ok', failedWrites: 0, lastError: null } });

    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages}`);
    expect((await post()).status).toBe(503);
    expect((await post()).status).toBe(503);
    const failing = await health();
    expect(failing).toMatchObject({ status: 'degraded', storage: { state: 'failing', failedWrites: 2, lastError: 'disk-full' } });
    expect(JSON.stringify(failing.storage)).not.toMatch(/\//);

    db.pragma('max_page_count = 1000000');
    expect((await post()).status).toBe(200);
    expect(await health()).toMatchObject({ status: 'ok', storage: { state: 'ok', failedWrites: 2, lastError: 'disk-full' } });
  });

  it('names a read-only database "read-only"', async () => {
    const { db, health, post } = setup();
    db.pragma('query_only = ON');
    expect((await post()).status).toBe(503);
    expect((await health()).storage).toMatchObject({ state: 'failing', lastError: 'read-only' });
  });
});
