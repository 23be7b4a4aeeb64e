import { get as httpGet } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { LiveHub } from '../live/hub';
import { openSqliteStore } from '../store/sqlite-store';
import { WatchedCampaigns } from '../sync/watched';
import { campaign } from '../testing/webhook-kit';
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
    expect(text).toMatch(new RegExp(`id: ${hub.epoch}-2\nevent: call\ndata: \\{"type":"call","campaignId":"abc".*\\}\n\n`));
    expect(text).not.toContain('"campaignId":"other"');
  });

  it('replays missed events after Last-Event-ID', async () => {
    const hub = new LiveHub();
    const app = eventRoutes({ hub, watched: new WatchedCampaigns(), store: storeKnowingAbc() });
    const seen = hub.publish({ type: 'call', campaignId: 'abc', at });
    hub.publish({ type: 'contact', campaignId: 'abc', at });
    const res = await app.request('/events?campaign=abc', { headers: { 'Last-Event-ID': `${hub.epoch}-${seen.id}` } });
    const text = await readUntil(res.body!, (t) => t.includes('event: contact'));
    expect(text).not.toContain('event: call');
    expect(text).not.toContain('event: reset');
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

  it('tells a client whose Last-Event-ID is from before a restart to reload, and gives it the current id', async () => {
    const before = new LiveHub();
    const first = eventRoutes({ hub: before, watched: new WatchedCampaigns(), store: storeKnowingAbc() });
    const stream = await first.request('/events?campaign=abc');
    setTimeout(() => before.publish({ type: 'call', campaignId: 'abc', at }), 10);
    const lastId = /id: (\S+)/.exec(await readUntil(stream.body!, (t) => t.includes('event: call')))?.[1];
    expect(lastId).toBeDefined();

    const restarted = new LiveHub();
    restarted.publish({ type: 'call', campaignId: 'abc', at });
    const app = eventRoutes({ hub: restarted, watched: new WatchedCampaigns(), store: storeKnowingAbc() });
    const res = await app.request('/events?campaign=abc', { headers: { 'Last-Event-ID': lastId ?? '' } });
    const text = await readUntil(res.body!, (t) => t.includes('event: reset'));
    expect(text).toContain(`id: ${restarted.lastEventId}\nevent: reset\ndata: {"reason":"restarted"}`);
    expect(text).not.toContain('event: call');
  });

  it('tells a client that missed more than is kept to reload', async () => {
    const hub = new LiveHub();
    const seen = hub.publish({ type: 'call', campaignId: 'abc', at });
    for (let i = 0; i < 6_000; i++) hub.publish({ type: 'call', campaignId: 'other', at });
    const app = eventRoutes({ hub, watched: new WatchedCampaigns(), store: storeKnowingAbc() });
    const res = await app.request('/events?lastEventId=' + encodeURIComponent(`${hub.epoch}-${seen.id}`) + '&campaign=abc');
    const text = await readUntil(res.body!, (t) => t.includes('event: reset'));
    expect(text).toContain('data: {"reason":"too-old"}');
  });

  it('drops a client that stops reading once its unread events pass the cap, and frees its queue', async () => {
    const hub = new LiveHub();
    const app = eventRoutes({ hub, watched: new WatchedCampaigns(), store: storeKnowingAbc(), maxQueuedBytes: 4_096 });
    const reading = await app.request('/events?campaign=abc');
    const stalled = await app.request('/events?campaign=abc');
    const received = readUntil(reading.body!, (t) => (t.match(/event: call/g) ?? []).length === 100);
    expect(hub.clientCount).toBe(2);
    const clientsAfter: number[] = [];
    for (let i = 0; i < 100; i++) {
      hub.publish({ type: 'call', campaignId: 'abc', at });
      await new Promise((resolve) => setImmediate(resolve));
      clientsAfter.push(hub.clientCount);
    }
    // About 100 bytes an event: the stalled client passes 4 KB unread after some 40 events and is dropped.
    expect(clientsAfter[20]).toBe(2);
    expect(clientsAfter[60]).toBe(1);
    expect((await received).match(/event: call/g)).toHaveLength(100);
    await expect(stalled.body!.getReader().read()).rejects.toThrow(/stopped reading/);
  });

  it('never drops a client that keeps reading, however many events pass', async () => {
    const hub = new LiveHub();
    const app = eventRoutes({ hub, watched: new WatchedCampaigns(), store: storeKnowingAbc(), maxQueuedBytes: 1_024 });
    const res = await app.request('/events?campaign=abc');
    const received = readUntil(res.body!, (t) => (t.match(/event: call/g) ?? []).length === 200);
    for (let i = 0; i < 200; i++) {
      hub.publish({ type: 'call', campaignId: 'abc', at });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await received).match(/event: call/g)).toHaveLength(200);
  });

  it('over real HTTP, closes the socket of a client that stopped reading while a reading client keeps up', async () => {
    const hub = new LiveHub();
    const app = eventRoutes({ hub, watched: new WatchedCampaigns(), store: storeKnowingAbc(), maxQueuedBytes: 64 * 1024 });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const open = (onData: (text: string) => void) => {
      const socket = connect(port, '127.0.0.1');
      socket.setEncoding('utf8');
      socket.on('data', onData);
      socket.on('error', () => undefined);
      socket.write('GET /events?campaign=abc HTTP/1.1\r\nHost: localhost\r\n\r\n');
      return socket;
    };
    let readingCalls = 0;
    const reading = open((text) => (readingCalls += text.split('event: call').length - 1));
    const stalled = open(() => stalled.pause());
    const stalledClosed = new Promise<boolean>((resolve) => stalled.on('close', () => resolve(true)));
    while (hub.clientCount < 2) await new Promise((resolve) => setTimeout(resolve, 5));

    let published = 0;
    // Small batches, so that a reading client can keep up: only the stalled one's queue grows, past the kernel's buffers.
    while (hub.clientCount === 2 && published < 400_000) {
      for (let i = 0; i < 20; i++) hub.publish({ type: 'call', campaignId: 'abc', at });
      published += 20;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(hub.clientCount).toBe(1);
    // The server has closed its end: the stalled client sees it once it reads what its buffers already hold.
    stalled.removeAllListeners('data');
    stalled.resume();
    expect(await stalledClosed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readingCalls).toBe(published);
    reading.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('over real HTTP, delivers each event whole and in order to a client that parses the chunked response', async () => {
    const hub = new LiveHub({ epoch: 'e1' });
    const app = eventRoutes({ hub, watched: new WatchedCampaigns(), store: storeKnowingAbc(), heartbeatMs: 30 });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    let text = '';
    let failed: Error | null = null;
    const req = httpGet(`http://127.0.0.1:${port}/events?campaign=abc`, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', (error) => (failed = error));
    });
    req.on('error', (error) => (failed = error));
    const until = async (predicate: () => boolean) => {
      while (!predicate() && failed === null) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await until(() => text.includes('event: ready'));
    // The first publish may still go through the body stream; later ones are written to the socket.
    for (let round = 0; round < 3; round++) {
      hub.publish({ type: 'call', campaignId: 'abc', at });
      hub.publish({ type: 'contact', campaignId: 'abc', at });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await until(() => text.includes('event: heartbeat'));
    expect(failed).toBeNull();
    const frames = text.split('\n\n').filter((frame) => frame.startsWith('id: '));
    expect(frames).toEqual(
      [1, 2, 3, 4, 5, 6].map((id) => `id: e1-${id}\nevent: ${id % 2 ? 'call' : 'contact'}\ndata: {"type":"${id % 2 ? 'call' : 'contact'}","campaignId":"abc","at":"${at}"}`),
    );
    req.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers 404 for a campaign the store does not know, and does not watch it', async () => {
    const watched = new WatchedCampaigns();
    const app = eventRoutes({ hub: new LiveHub(), watched, store: storeKnowingAbc() });
    const res = await app.request('/events?campaign=bogus1');
    expect(res.status).toBe(404);
    expect(watched.ids()).toEqual([]);
  });
});
