// A live-mode callboard over a real (in-memory) SQLite database for the access tests: campaigns and contacts with
// known numbers, a controllable clock, a memory logger, cheap password hashing, and helpers to sign in and read
// SSE. Imported only by *.test.ts files.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createApp } from '../app';
import { addUser } from '../access/users';
import type { ScryptParams } from '../access/passwords';
import { parseConfig } from '../config';
import { UpstreamStatus } from '../exotel/upstream-status';
import { AccessStreams } from '../live/access-streams';
import { LiveHub } from '../live/hub';
import { memoryLogger } from '../log';
import { SqliteAccessStore } from '../store/sqlite-access';
import { openSqliteDatabase, SqliteStore } from '../store/sqlite-store';
import { callOf, campaignOf } from '../../domain/testing/builders';
import { WatchedCampaigns } from '../sync/watched';

export const FAST_SCRYPT: ScryptParams = { logN: 4, r: 1, p: 1 };
export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };
export const MANAGER = { email: 'asha@example.com', password: 'manager password 123' };
export const LIVE_ENV = { EXOTEL_API_KEY: 'k', EXOTEL_API_TOKEN: 't', EXOTEL_ACCOUNT_SID: 'acme', CALLBOARD_WEBHOOK_SECRET: 'a-secret-of-16-chars' };
export const CALLER_ID = '08030001234';

/** Every phone number stored in the harness (contacts and the campaigns' caller id): none may leak when masked. */
export const STORED_NUMBERS = ['+919876545266', '+919812345678', '+919800011111', '919845012345', CALLER_ID];

export type Harness = Awaited<ReturnType<typeof accessHarness>>;

export async function accessHarness(options: { env?: Record<string, string>; live?: boolean } = {}) {
  const db = openSqliteDatabase(':memory:');
  const store = new SqliteStore(db);
  const access = new SqliteAccessStore(db);
  const clock = { ms: Date.parse('2025-03-01T12:00:00+05:30') };
  const now = () => clock.ms;
  const logger = memoryLogger();
  const hub = new LiveHub();
  const streams = new AccessStreams();
  const staticDir = mkdtempSync(join(tmpdir(), 'callboard-access-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>callboard</title><div id="root"></div>');
  mkdirSync(join(staticDir, 'assets'));
  const config = parseConfig({ ...(options.live === false ? {} : LIVE_ENV), ...options.env });

  store.upsertCampaigns(
    [
      campaignOf('camp1', { name: 'Diwali offers', callerId: CALLER_ID, stats: { created: 4, completed: 2, extra: {} } }),
      campaignOf('camp2', { name: 'Renewals', status: 'completed', callerId: CALLER_ID }),
    ],
    '2025-03-01T11:59:00+05:30',
  );
  store.upsertCalls(
    [
      callOf('s1', { number: '+919876545266', name: 'Asha Kumari Rao', status: 'completed' }),
      callOf('s2', { number: '+919812345678', name: 'Ravi Kumar', status: 'busy', durationSec: 0 }),
      callOf('s3', { number: '+919800011111', name: 'Meena 9800011111', status: 'no-answer', durationSec: 0 }),
      callOf('s4', { campaignId: 'camp2', number: '919845012345', name: 'Other Person', status: 'completed' }),
    ],
    'sync',
  );

  const app = createApp({
    config,
    store,
    access,
    streams,
    upstream: new UpstreamStatus(true),
    hub,
    watched: new WatchedCampaigns(),
    webhooks: new Hono(),
    staticDir,
    now: () => new Date(clock.ms),
    logger,
    scrypt: FAST_SCRYPT,
    scopedStreamTiming: { heartbeatMs: 100, recheckMs: 100 },
    instance: { id: 'instance-a', isSyncLeader: () => true },
  });

  const userDeps = { store: access, now, scrypt: FAST_SCRYPT };
  await addUser(userDeps, { ...ADMIN, role: 'admin' }, 'test');
  await addUser(userDeps, { ...MANAGER, role: 'manager' }, 'test');

  /** Signs in; returns the Cookie header value to send with later requests. */
  async function signIn(who: { email: string; password: string } = ADMIN): Promise<string> {
    const res = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who) });
    if (res.status !== 204) throw new Error(`sign-in failed: ${res.status}`);
    const cookie = res.headers.get('set-cookie') ?? '';
    return cookie.split(';')[0] ?? '';
  }

  /** A JSON request as the given session, from callboard's own page (same origin). */
  function call(cookie: string, method: string, path: string, body?: unknown): Promise<Response> {
    return Promise.resolve(
      app.request(path, {
        method,
        headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  }

  async function createShareLink(cookie: string, body: Record<string, unknown>): Promise<{ id: string; url: string; token: string }> {
    const res = await call(cookie, 'POST', '/api/share-links', body);
    if (res.status !== 201) throw new Error(`share link not created: ${res.status} ${await res.text()}`);
    const link = (await res.json()) as { id: string; url: string };
    return { ...link, token: link.url.split('/s/')[1] ?? '' };
  }

  async function createDisplay(cookie: string, body: Record<string, unknown>): Promise<{ id: string; url: string; token: string }> {
    const res = await call(cookie, 'POST', '/api/displays', body);
    if (res.status !== 201) throw new Error(`display not created: ${res.status} ${await res.text()}`);
    const display = (await res.json()) as { id: string; url: string };
    return { ...display, token: display.url.split('/tv/')[1] ?? '' };
  }

  return {
    app,
    store,
    access,
    hub,
    streams,
    clock,
    logger,
    config,
    signIn,
    call,
    createShareLink,
    createDisplay,
    close: () => {
      db.close();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/** Reads an SSE body until `predicate` holds on the text so far or the stream ends; returns the text and whether it ended. */
export async function readSse(body: ReadableStream<Uint8Array>, predicate: (text: string) => boolean, timeoutMs = 5_000): Promise<{ text: string; ended: boolean }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  const deadline = Date.now() + timeoutMs;
  while (!predicate(text) && Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - Date.now())))]);
    if (next === null) break;
    if (next.done) {
      ended = true;
      break;
    }
    text += decoder.decode(next.value, { stream: true });
  }
  if (!ended) await reader.cancel();
  return { text, ended };
}
