// The exports, contact-metadata and contact-history routes through app.request() against a real (in-memory) store.
import { Hono } from 'hono';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactCallsResponseSchema, contactMetadataResultSchema, contactsResponseSchema } from '../../domain/api-schemas';
import { createApp } from '../app';
import { parseConfig } from '../config';
import { UpstreamStatus } from '../exotel/upstream-status';
import { LiveHub } from '../live/hub';
import { openSqliteStore } from '../store/sqlite-store';
import type { CallboardStore } from '../store/store';
import { callOf, campaignOf } from '../../domain/testing/builders';
import { WatchedCampaigns } from '../sync/watched';
import { contactHistoryRoutes } from './contact-history';
import { exportRoutes } from './exports';

const NOW = new Date('2025-03-01T12:00:00+05:30');
let store: CallboardStore;
let hub: LiveHub;

function app() {
  return createApp({
    config: parseConfig({}),
    store,
    upstream: new UpstreamStatus(true),
    hub,
    watched: new WatchedCampaigns(),
    webhooks: new Hono(),
    now: () => NOW,
  });
}

async function csvOf(res: Response): Promise<{ text: string; rows: string[][] }> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const rows: unknown = parse(text, { bom: true });
  return { text, rows: rows as string[][] };
}

function upload(csv: string, campaignId = 'camp1') {
  return app().request(`/api/campaigns/${campaignId}/contact-metadata`, { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body: csv });
}

beforeEach(() => {
  hub = new LiveHub();
  store = openSqliteStore(':memory:');
  store.upsertCampaigns([campaignOf('camp1', { name: 'Diwali offers (Pune)' })], '2025-03-01T11:59:00+05:30');
  store.upsertCalls(
    [
      callOf('s1', { number: '+919876543210', name: 'Asha Rao', status: 'busy', durationSec: 0, price: 0.5, attemptNumber: null, dateCreated: '2025-03-01T09:00:00+05:30' }),
      callOf('s2', { number: '+919876543210', name: 'Asha Rao', status: 'completed', durationSec: 61, price: 1.5, attemptNumber: null, recordingUrl: 'https://rec/s2.mp3' }),
      callOf('s3', { number: '+919812345678', name: '=HYPERLINK("http://evil")', status: 'no-answer', durationSec: 0, price: null }),
      callOf('s4', { number: '09800011111', name: 'Meena, "M"', status: 'failed', durationSec: null, price: null, dateCreated: '2025-02-20T10:00:00+05:30' }),
    ],
    'sync',
  );
});
afterEach(() => store.close());

describe('GET /api/campaigns/:id/contacts.csv', () => {
  it('streams every contact with a BOM, the default columns in order, RFC 4180 quoting and safe formulas', async () => {
    const res = await app().request('/api/campaigns/camp1/contacts.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="diwali-offers-pune-contacts-2025-03-01\.csv"/);
    const { text, rows } = await csvOf(res);
    expect(text.startsWith('\uFEFFnumber,name,final_status,attempts,last_duration_sec,first_call_at,last_call_at,cost\r\n')).toBe(true);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(['number', 'name', 'final_status', 'attempts', 'last_duration_sec', 'first_call_at', 'last_call_at', 'cost']);
    const byNumber = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(byNumber.get('+919876543210')).toEqual(['+919876543210', 'Asha Rao', 'completed', '2', '61', '2025-03-01T09:00:00+05:30', '2025-03-01T10:00:00+05:30', '2']);
    expect(byNumber.get('+919812345678')?.[1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(text).toContain('"\'=HYPERLINK(""http://evil"")"');
    expect(byNumber.get('09800011111')?.[1]).toBe('Meena, "M"');
  });

  it('honours the fields, the status filter, the search and the date range', async () => {
    const only = await csvOf(await app().request('/api/campaigns/camp1/contacts.csv?fields=number,attempts&status=completed'));
    expect(only.rows).toEqual([['number', 'attempts'], ['+919876543210', '2']]);
    const searched = await csvOf(await app().request('/api/campaigns/camp1/contacts.csv?fields=number&q=98123'));
    expect(searched.rows).toEqual([['number'], ['+919812345678']]);
    const ranged = await csvOf(await app().request('/api/campaigns/camp1/contacts.csv?fields=number&from=2025-02-20&to=2025-02-28'));
    expect(ranged.rows).toEqual([['number'], ['09800011111']]);
  });

  it('masks numbers and names and leaves out metadata for a masked scope', async () => {
    await upload('number,name,email,tags,city\n9876543210,Asha Rao,asha@example.com,vip,Pune\n');
    const masked = new Hono().route('/', exportRoutes({ store, timeZone: 'Asia/Kolkata', now: () => NOW, mask: () => true }));
    const { rows } = await csvOf(await masked.request('/campaigns/camp1/contacts.csv?fields=number,name,email,city,attempts'));
    expect(rows[0]).toEqual(['number', 'name', 'attempts']);
    // A masked number is no phone number a spreadsheet could read: like any text starting with +, it is kept as text.
    expect(rows.find((row) => row[0]?.endsWith('3210'))).toEqual(["'+91******3210", 'A. R.', '2']);
    expect(JSON.stringify(rows)).not.toContain('Pune');
  });

  it('answers 400 for an unknown field and 404 for an unknown campaign', async () => {
    expect((await app().request('/api/campaigns/camp1/contacts.csv?fields=number,shoe_size')).status).toBe(400);
    expect((await app().request('/api/campaigns/nope/contacts.csv')).status).toBe(404);
  });
});

describe('GET /api/campaigns/:id/calls.csv', () => {
  it('writes one row per attempt, oldest first, with attempt numbers, prices and recording links', async () => {
    const res = await app().request('/api/campaigns/camp1/calls.csv');
    expect(res.headers.get('Content-Disposition')).toContain('diwali-offers-pune-calls-2025-03-01.csv');
    const { rows } = await csvOf(res);
    expect(rows[0]).toEqual(['call_sid', 'number', 'attempt', 'status', 'start_time', 'end_time', 'duration_sec', 'price', 'recording_url']);
    expect(rows.slice(1).map((row) => [row[0], row[2]])).toEqual([['s4', '1'], ['s1', '1'], ['s2', '2'], ['s3', '1']]);
    expect(rows.find((row) => row[0] === 's2')?.slice(6)).toEqual(['61', '1.5', 'https://rec/s2.mp3']);
    const ranged = await csvOf(await app().request('/api/campaigns/camp1/calls.csv?fields=call_sid&from=2025-03-01&to=2025-03-01'));
    expect(ranged.rows.slice(1).flat()).toEqual(['s1', 's2', 's3']);
  });
});

describe('PUT /api/campaigns/:id/contact-metadata', () => {
  it('tells open reports as well as contact lists that the campaign changed (the by-tag table and revenue come from the sheet)', async () => {
    const seen: string[] = [];
    hub.subscribe('camp1', (event) => seen.push(event.type));
    expect((await upload('number,tags,revenue\n9876543210,gold,500\n')).status).toBe(200);
    expect(seen.sort()).toEqual(['campaign', 'contact']);
  });

  it('applies good rows, lists bad ones by line, and shows name, email, tags and pending contacts in the list', async () => {
    const res = await upload(
      [
        'number,name,email,tags,revenue,city',
        '+91 98765 43210,Asha R,asha@example.com,vip;north,1200,Pune',
        'not a number,X,,,,',
        '919812345678,Ravi,,south,,Chennai',
        '9876543210,Asha dup,,,,',
        '09700000001,New Person,new@example.com,vip,,Delhi',
      ].join('\n'),
    );
    expect(res.status).toBe(200);
    const result = contactMetadataResultSchema.parse(await res.json());
    expect(result.applied).toBe(3);
    expect(result.rejected.map((r) => r.row)).toEqual([3, 5]);
    expect(result.rejected[1]?.reason).toContain('duplicate');

    const list = async (query: string) => contactsResponseSchema.parse(await (await app().request(`/api/campaigns/camp1/contacts?${query}`)).json());
    const all = await list('');
    expect(all.total).toBe(4);
    expect(all.rows.at(-1)).toMatchObject({ number: '+919700000001', name: 'New Person', finalStatus: 'pending', attempts: 0, lastCallAt: null, tags: ['vip'] });
    expect(all.rows.find((row) => row.number === '+919876543210')).toMatchObject({ name: 'Asha R', email: 'asha@example.com', tags: ['vip', 'north'], metadata: { city: 'Pune' } });

    expect((await list('status=pending')).rows.map((row) => row.number)).toEqual(['+919700000001']);
    expect((await list('tag=VIP')).rows.map((row) => row.number).sort()).toEqual(['+919700000001', '+919876543210']);
    expect((await list('tag=vip&status=completed')).rows.map((row) => row.number)).toEqual(['+919876543210']);
    expect((await list('q=south')).rows.map((row) => row.number)).toEqual(['+919812345678']);
    expect((await list('q=new per')).rows.map((row) => row.number)).toEqual(['+919700000001']);

    const exported = await csvOf(await app().request('/api/campaigns/camp1/contacts.csv?tag=vip'));
    expect(exported.rows[0]).toEqual(['number', 'name', 'final_status', 'attempts', 'last_duration_sec', 'first_call_at', 'last_call_at', 'email', 'tags', 'revenue', 'city', 'cost']);
    expect(exported.rows.slice(1).map((row) => [row[0], row[2], row[10]])).toEqual([
      ['+919876543210', 'completed', 'Pune'],
      ['+919700000001', 'pending', 'Delhi'],
    ]);
  });

  it('replaces the earlier upload, takes a multipart file, and refuses what it cannot use', async () => {
    await upload('number,tags\n9876543210,old\n');
    const form = new FormData();
    form.append('file', new File(['\uFEFFnumber;tags\r\n9812345678;new\r\n'], 'sheet.csv', { type: 'text/csv' }));
    const res = await app().request('/api/campaigns/camp1/contact-metadata', { method: 'PUT', body: form });
    expect(contactMetadataResultSchema.parse(await res.json())).toEqual({ applied: 1, rejected: [] });
    const old = contactsResponseSchema.parse(await (await app().request('/api/campaigns/camp1/contacts?tag=old')).json());
    expect(old.total).toBe(0);

    expect((await upload('name\nAsha\n')).status).toBe(400);
    expect((await upload('number\n9876543210\n', 'nope')).status).toBe(404);
    const small = new Hono().route('/', (await import('./contact-metadata')).contactMetadataRoutes({ store, maxBytes: 100 }));
    const big = await small.request('/campaigns/camp1/contact-metadata', { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body: `number\n${'9876543210\n'.repeat(20)}` });
    expect(big.status).toBe(413);
  });
});

describe('GET /api/campaigns/:id/contacts/:number/calls', () => {
  it('lists every attempt of the contact, found by any Indian form of its number, with recordings past 90 days flagged', async () => {
    const res = await app().request('/api/campaigns/camp1/contacts/9876543210/calls');
    expect(res.status).toBe(200);
    const { calls } = contactCallsResponseSchema.parse(await res.json());
    expect(calls.map((call) => [call.callSid, call.attempt, call.status])).toEqual([['s1', 1, 'busy'], ['s2', 2, 'completed']]);
    expect(calls[1]).toMatchObject({ recordingUrl: 'https://rec/s2.mp3', recordingLikelyExpired: false, durationSec: 61, price: 1.5 });

    const later = new Hono().route('/', contactHistoryRoutes({ store, now: () => new Date('2025-07-01T00:00:00Z') }));
    const old = contactCallsResponseSchema.parse(await (await later.request(`/campaigns/camp1/contacts/${encodeURIComponent('+919876543210')}/calls`)).json());
    expect(old.calls[1]?.recordingLikelyExpired).toBe(true);
    expect(old.calls[0]?.recordingLikelyExpired).toBe(false);

    expect((await app().request('/api/campaigns/camp1/contacts/9999999999/calls')).status).toBe(404);
    expect((await app().request('/api/campaigns/camp1/contacts/abc/calls')).status).toBe(400);
  });
});
