// The scoped live stream on its own: the slow-client cap, masking of every event frame, replay within the scope, and
// over real HTTP the whole path from the hub to the socket, down to the final access-revoked and the end of the response.
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { DisplayPrincipal, SharePrincipal } from '../../domain/access/principal';
import { readSse } from '../testing/access-kit';
import { AccessStreams } from '../live/access-streams';
import { LiveHub } from '../live/hub';
import { WatchedCampaigns } from '../sync/watched';
import { streamScopedEvents, type ScopedStreamDeps } from './scoped-events';

const at = '2026-11-30T10:00:00+05:30';
const maskedLink: SharePrincipal = { kind: 'share', linkId: 'link1', campaignIds: ['camp1'], pii: 'masked', contacts: true };
const fullLink: SharePrincipal = { ...maskedLink, linkId: 'link2', pii: 'full' };
const display: DisplayPrincipal = { kind: 'display', displayId: 'tv1', campaignIds: ['camp1'] };

/** One app serving /events for each scope by its id, as the scoped routes do (camp1 is in every scope). */
function scopedApp(overrides: Partial<ScopedStreamDeps> = {}) {
  const hub = new LiveHub({ epoch: 'e1' });
  const streams = new AccessStreams();
  const scopes = new Map<string, SharePrincipal | DisplayPrincipal>([
    ['link1', maskedLink],
    ['link2', fullLink],
    ['tv1', display],
  ]);
  const valid = new Set(scopes.keys());
  const app = new Hono();
  app.get('/:id/events', (c) => {
    const id = c.req.param('id');
    const scope = scopes.get(id);
    if (!scope) return c.notFound();
    return streamScopedEvents(c, {
      hub,
      watched: new WatchedCampaigns(),
      streams,
      scope,
      filter: c.req.query('campaign') ?? null,
      id,
      stillValid: () => valid.has(id),
      readable: (campaignId) => campaignId === 'camp1',
      ...overrides,
    });
  });
  return { hub, streams, app, valid };
}

/** Reads a stream until it has carried `wanted` copies of `marker` (or ended), and says how many it saw. */
async function countEvents(body: ReadableStream<Uint8Array>, marker: string, wanted: number): Promise<number> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let seen = 0;
  let carry = '';
  while (seen < wanted) {
    const { value, done } = await reader.read();
    if (done) break;
    const text = carry + decoder.decode(value, { stream: true });
    seen += text.split(marker).length - 1;
    carry = text.slice(-(marker.length - 1));
  }
  await reader.cancel();
  return seen;
}

describe('a scoped live stream', () => {
  it('drops a client that stops reading once its unread events pass the cap, while a reading client gets them all', async () => {
    const { hub, app } = scopedApp({ maxQueuedBytes: 16 * 1024 });
    const stalled = await app.request('/tv1/events?campaign=camp1');
    const reading = await app.request('/link1/events?campaign=camp1');
    const events = 1_000;
    const received = countEvents(reading.body!, 'event: call\n', events);
    expect(hub.clientCount).toBe(2);
    // About 110 bytes an event: 1,000 of them are some 6 times the cap.
    for (let i = 0; i < events; i++) {
      hub.publish({ type: 'call', campaignId: 'camp1', at });
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    // The reading client is still there (it has not read the last events yet); the stalled one is gone.
    expect(hub.clientCount).toBe(1);
    expect(await received).toBe(events);
    await expect(stalled.body!.getReader().read()).rejects.toThrow(/stopped reading/);
  });

  it('scrubs every number out of a masked scope’s events, and leaves them in a full-numbers link’s', async () => {
    const { hub, app } = scopedApp();
    const masked = await app.request('/link1/events');
    const tv = await app.request('/tv1/events?campaign=camp1');
    const full = await app.request('/link2/events');
    // Event data is written by the server, but a masked scope's frames are scrubbed as the last line of defence.
    setTimeout(() => hub.publish({ type: 'campaign', campaignId: 'camp1', at: `${at} for +919876545266` }), 10);
    for (const res of [masked, tv]) {
      const { text } = await readSse(res.body!, (t) => t.includes('event: campaign'));
      expect(text).toContain('"campaignId":"camp1"');
      expect(text).not.toMatch(/9876545|6545266/);
    }
    expect((await readSse(full.body!, (t) => t.includes('event: campaign'))).text).toContain('+919876545266');
  });

  it('replays after Last-Event-ID only the missed events of campaigns in scope, masked', async () => {
    const { hub, app } = scopedApp();
    const seen = hub.publish({ type: 'campaign', campaignId: 'camp1', at });
    hub.publish({ type: 'campaign', campaignId: 'camp2', at });
    hub.publish({ type: 'campaign', campaignId: 'camp1', at: `${at} for +919876545266` });
    const res = await app.request('/link1/events', { headers: { 'Last-Event-ID': `e1-${seen.id}` } });
    const { text } = await readSse(res.body!, (t) => t.includes('id: e1-3'));
    expect(text).not.toContain('id: e1-1\n');
    expect(text).not.toContain('camp2');
    expect(text).toMatch(/id: e1-3\nevent: campaign\ndata: \{"type":"campaign","campaignId":"camp1","at":"[^"]*"\}/);
    expect(text).not.toContain('9876545');
    const restarted = await app.request('/link1/events', { headers: { 'Last-Event-ID': 'old-3' } });
    expect((await readSse(restarted.body!, (t) => t.includes('event: reset'))).text).toContain('data: {"reason":"restarted"}');
  });

  it('over real HTTP, delivers events whole, then a command, heartbeats, and access-revoked at an expiry, and ends the response', async () => {
    const { hub, app, valid, streams } = scopedApp({ heartbeatMs: 30, recheckMs: 30 });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    let text = '';
    const ended = new Promise<void>((resolve, reject) => {
      const req = httpGet(`http://127.0.0.1:${port}/tv1/events?campaign=camp1`, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
    });
    const until = async (predicate: () => boolean) => {
      while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await until(() => text.includes('event: ready'));
    // The first publish may still go through the body stream; later ones are written to the socket.
    for (let round = 0; round < 3; round++) {
      hub.publish({ type: 'call', campaignId: 'camp1', at });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    streams.command('tv1', 'reload');
    await until(() => text.includes('event: heartbeat') && text.includes('event: display-command'));
    valid.delete('tv1');
    await ended;
    const frames = text.split('\n\n').filter((frame) => frame.startsWith('id: '));
    expect(frames).toEqual([1, 2, 3].map((id) => `id: e1-${id}\nevent: call\ndata: {"type":"call","campaignId":"camp1","at":"${at}"}`));
    expect(text).toContain('event: display-command\ndata: {"command":"reload"}\n\n');
    expect(text.endsWith('event: access-revoked\ndata: {"reason":"This link is no longer available."}\n\n')).toBe(true);
    expect(hub.clientCount).toBe(0);
    await new Promise((resolve) => server.close(resolve));
  });

  it('ends the stream without a verdict when its re-check cannot read the store, so that the browser asks again', async () => {
    const { hub, app } = scopedApp({
      recheckMs: 20,
      stillValid: () => {
        throw new Error('SQLITE_BUSY: database is locked');
      },
    });
    const res = await app.request('/link1/events?campaign=camp1');
    const { text, ended } = await readSse(res.body!, () => false);
    expect(ended).toBe(true);
    expect(text).toContain('event: ready');
    expect(text).not.toContain('access-revoked');
    expect(hub.clientCount).toBe(0);
  });

  it('ends a resumed stream without a verdict when its replay cannot read the store, and leaves nothing subscribed', async () => {
    const { hub, app } = scopedApp({
      readable: () => {
        throw new Error('SQLITE_BUSY: database is locked');
      },
    });
    const seen = hub.publish({ type: 'campaign', campaignId: 'camp1', at });
    hub.publish({ type: 'campaign', campaignId: 'camp2', at });
    const res = await app.request('/link1/events', { headers: { 'Last-Event-ID': `e1-${seen.id}` } });
    expect(res.status).toBe(200);
    const { text, ended } = await readSse(res.body!, () => false);
    expect(ended).toBe(true);
    expect(text).toContain('event: ready');
    expect(text).not.toContain('camp2');
    expect(text).not.toContain('access-revoked');
    expect(hub.clientCount).toBe(0);
  });

  it('sends a display its commands and ends its stream when it is removed', async () => {
    const { streams, app, hub } = scopedApp();
    const res = await app.request('/tv1/events');
    setTimeout(() => {
      streams.command('tv1', 'identify');
      streams.revoke('tv1');
    }, 10);
    const { text, ended } = await readSse(res.body!, () => false);
    expect(text).toContain('event: display-command\ndata: {"command":"identify"}\n\n');
    expect(text.endsWith('event: access-revoked\ndata: {"reason":"This link is no longer available."}\n\n')).toBe(true);
    expect(ended).toBe(true);
    expect(hub.clientCount).toBe(0);
    expect(streams.count('tv1')).toBe(0);
  });
});
