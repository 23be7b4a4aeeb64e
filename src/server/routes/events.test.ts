import { describe, expect, it } from 'vitest';
import { LiveHub } from '../live/hub';
import { openSqliteStore } from '../store/sqlite-store';
import { WatchedCampaigns } from '../sync/watched';
import { campaign } from '../webhooks/test-kit';
import { eventRoutes } from './events';

const at = '2026-11-26T10:00:00+05:30';

/** A store that knows campaign `abc`. */
function storeKnowingAbc() {
  const store = openSqliteStore(':memory:');
  store.upsertCampaigns([campaign('abc')], at);
  return store;
}

/** Reads an SSE body until `predicate` holds on the text so far, then cancels the stream. */
async function readUntil(body: ReadableStream<Uint8Array>, predicate: (text: string) => boolean): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!predicate(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

describe('GET /events', () => {
  it('streams a campaign’s events with ids, and marks the campaign watched', async () => {
    const hub = new LiveHub();
    const watched = new WatchedCampaigns();
    const app = eventRoutes({ hub, watched, store: storeKnowingAbc() });
    const res = await app.request('/events?campaign=abc');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(watched.ids()).toEqual(['abc']);
    setTimeout(() => {
      hub.publish({ type: 'call', campaignId: 'other', at });
      hub.publish({ type: 'call', campaignId: 'abc', at });
    }, 10);
    const text = await readUntil(res.body!, (t) => t.includes('event: call'));
    expect(text).toContain('event: ready');
    expect(text).toMatch(/event: call\ndata: \{"type":"call","campaignId":"abc".*\}\nid: 2\n/);
    expect(text).not.toContain('"campaignId":"other"');
  });

  it('replays missed events after Last-Event-ID', async () => {
    const hub = new LiveHub();
    const app = eventRoutes({ hub, watched: new WatchedCampaigns(), store: storeKnowingAbc() });
    const seen = hub.publish({ type: 'call', campaignId: 'abc', at });
    hub.publish({ type: 'contact', campaignId: 'abc', at });
    const res = await app.request('/events?campaign=abc', { headers: { 'Last-Event-ID': String(seen.id) } });
    const text = await readUntil(res.body!, (t) => t.includes('event: contact'));
    expect(text).not.toContain('event: call');
  });

  it('sends a heartbeat when nothing happens', async () => {
    const app = eventRoutes({ hub: new LiveHub(), watched: new WatchedCampaigns(), store: storeKnowingAbc(), heartbeatMs: 20 });
    const res = await app.request('/events');
    const text = await readUntil(res.body!, (t) => t.includes('event: heartbeat'));
    expect(text).toContain('event: heartbeat');
  });

  it('rejects a malformed campaign id', async () => {
    const app = eventRoutes({ hub: new LiveHub(), watched: new WatchedCampaigns(), store: storeKnowingAbc() });
    const res = await app.request('/events?campaign=../../etc');
    expect(res.status).toBe(400);
  });

  it('answers 404 for a campaign the store does not know, and does not watch it', async () => {
    const watched = new WatchedCampaigns();
    const app = eventRoutes({ hub: new LiveHub(), watched, store: storeKnowingAbc() });
    const res = await app.request('/events?campaign=bogus1');
    expect(res.status).toBe(404);
    expect(watched.ids()).toEqual([]);
  });
});
