// The SQLite store against real databases (a temp file and ':memory:'): persistence across restarts, the upsert
// rules for calls from sync and webhooks, contact folding, webhook dedupe and counters.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, openSqliteStore, SqliteStore, WEBHOOK_EVENT_RETENTION_MS } from './sqlite-store';
import type { CallboardStore } from './store';
import { callOf, campaignOf } from '../../domain/testing/builders';

let dir: string;
let store: CallboardStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-store-'));
  store = openSqliteStore(':memory:');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps campaigns, calls, contacts, sync state and webhook counts across a restart', () => {
    const path = join(dir, 'nested', 'callboard.db');
    const first = openSqliteStore(path);
    first.upsertCampaigns([campaignOf('camp1')], '2025-03-01T10:00:00Z');
    first.upsertCalls([callOf('s1'), callOf('s2', { number: '+919800000001', status: 'busy', durationSec: null })], 'sync');
    first.saveSyncState({ campaignId: 'camp1', highWaterOffset: 2, callsExpected: 40, lastPolledAt: '2025-03-01T10:00:00Z', lastFullPassAt: null });
    first.recordWebhookEvent({ kind: 'call-status', dedupeKey: 'k1', campaignId: 'camp1', receivedAt: '2025-03-01T10:00:01Z', rawBody: '{}' });
    first.noteMalformedRecords(3);
    const versionBefore = first.campaignVersion('camp1');
    first.close();

    const second = openSqliteStore(path);
    expect(second.getCampaign('camp1')?.name).toBe('Campaign camp1');
    expect(second.getSyncState('camp1')).toEqual({
      campaignId: 'camp1',
      highWaterOffset: 2,
      callsExpected: 40,
      lastPolledAt: '2025-03-01T10:00:00Z',
      lastFullPassAt: null,
    });
    expect(second.countCalls('camp1')).toEqual({ total: 2, fromSync: 2, syncedSinceWebhooks: 0, withoutWebhook: 0 });
    expect(second.queryContacts('camp1', { q: '', sort: 'number:asc', offset: 0, limit: 10 }).total).toBe(2);
    expect(second.recordWebhookEvent({ kind: 'call-status', dedupeKey: 'k1', campaignId: 'camp1', receivedAt: '2025-03-01T10:05:00Z', rawBody: '{}' })).toBe(false);
    expect(second.webhookHealth()).toMatchObject({ accepted: 1, duplicate: 1, lastAt: '2025-03-01T10:00:01Z' });
    expect(second.malformedRecords()).toBe(3);
    expect(second.campaignVersion('camp1')).toBe(versionBefore);
    second.close();
  });
});

describe('campaigns', () => {
  it('lists campaigns newest first and bumps the version only when something changed', () => {
    store.upsertCampaigns(
      [campaignOf('old', { dateCreated: '2025-01-01T00:00:00Z' }), campaignOf('new', { dateCreated: '2025-02-01T00:00:00Z' }), campaignOf('undated', { dateCreated: null })],
      '2025-03-01T10:00:00Z',
    );
    expect(store.listCampaigns().map((c) => c.id)).toEqual(['new', 'old', 'undated']);
    const version = store.campaignVersion('old');
    store.upsertCampaigns([campaignOf('old', { dateCreated: '2025-01-01T00:00:00Z' })], '2025-03-01T10:00:30Z');
    expect(store.campaignVersion('old')).toBe(version);
    store.upsertCampaigns([campaignOf('old', { dateCreated: '2025-01-01T00:00:00Z', stats: { created: 10, completed: 3, extra: {} } })], '2025-03-01T10:01:00Z');
    expect(store.campaignVersion('old')).toBeGreaterThan(version);
  });

  it('applies a campaign-status webhook to a known campaign only, keeping counts it did not carry', () => {
    store.upsertCampaigns([campaignOf('camp1', { stats: { created: 10, completed: 2, failed: 1, extra: {} } })], '2025-03-01T10:00:00Z');
    expect(store.setCampaignStatus('nope', 'completed', null, '2025-03-01T11:00:00Z')).toBe(false);
    expect(store.setCampaignStatus('camp1', 'completed', { completed: 7, extra: {} }, '2025-03-01T11:00:00Z')).toBe(true);
    expect(store.getCampaign('camp1')).toMatchObject({ status: 'completed', stats: { created: 10, completed: 7, failed: 1 } });
  });
});

describe('upsertCalls', () => {
  it('never replaces a final status by in-progress, from either source', () => {
    store.upsertCalls([callOf('s1', { status: 'completed' })], 'webhook');
    store.upsertCalls([callOf('s1', { status: 'in-progress', durationSec: null })], 'webhook');
    store.upsertCalls([callOf('s1', { status: 'in-progress', durationSec: null })], 'sync');
    expect(store.reportCalls('camp1')).toEqual([expect.objectContaining({ status: 'completed', durationSec: 60 })]);
  });

  it('lets a final status replace in-progress, even a webhook over a synced ringing call', () => {
    store.upsertCalls([callOf('s1', { status: 'in-progress', durationSec: null, price: null })], 'sync');
    store.upsertCalls([callOf('s1', { status: 'no-answer', durationSec: 0, price: null })], 'webhook');
    expect(store.reportCalls('camp1')[0]?.status).toBe('no-answer');
  });

  it('prefers sync over webhook between two final statuses, in either order', () => {
    store.upsertCalls([callOf('a', { status: 'busy' })], 'webhook');
    store.upsertCalls([callOf('a', { status: 'no-answer' })], 'sync');
    store.upsertCalls([callOf('b', { status: 'no-answer', number: '+919800000002' })], 'sync');
    store.upsertCalls([callOf('b', { status: 'busy', number: '+919800000002' })], 'webhook');
    expect(store.reportCalls('camp1').map((c) => c.status)).toEqual(['no-answer', 'no-answer']);
  });

  it('never lets a webhook overwrite synced fields, but marks the call as announced', () => {
    // Webhooks had been arriving before this call was made, so a call no webhook announced counts as missed.
    store.recordWebhookEvent({ kind: 'call-status', dedupeKey: 'earlier', campaignId: 'camp1', receivedAt: '2025-03-01T09:00:00+05:30', rawBody: '{}' });
    store.upsertCalls([callOf('s1', { durationSec: 60, price: 1.5 })], 'sync');
    expect(store.countCalls('camp1')).toEqual({ total: 1, fromSync: 1, syncedSinceWebhooks: 1, withoutWebhook: 1 });
    const result = store.upsertCalls([callOf('s1', { durationSec: 61, price: 2 })], 'webhook');
    expect(result).toEqual({ inserted: 0, updated: 1, contactsChanged: 0 });
    expect(store.reportCalls('camp1')[0]).toMatchObject({ durationSec: 60, price: 1.5 });
    expect(store.countCalls('camp1')).toEqual({ total: 1, fromSync: 1, syncedSinceWebhooks: 1, withoutWebhook: 0 });
  });

  it('judges webhook coverage only over calls created after the campaign’s first webhook arrived', () => {
    const at = (minute: number) => `2025-03-01T10:${String(minute).padStart(2, '0')}:00+05:30`;
    // Two calls from before the callback URLs were set: sync finds them, no webhook ever will.
    store.upsertCalls([callOf('old1', { dateCreated: at(0) }), callOf('old2', { dateCreated: at(1) })], 'sync');
    expect(store.countCalls('camp1')).toEqual({ total: 2, fromSync: 2, syncedSinceWebhooks: 0, withoutWebhook: 0 });
    // Webhooks start arriving at 10:04; a later one must not move the start of the window.
    const webhook = (key: string, receivedAt: string) =>
      store.recordWebhookEvent({ kind: 'call-status', dedupeKey: key, campaignId: 'camp1', receivedAt, rawBody: '{}' });
    webhook('w1', at(4));
    webhook('w2', at(9));
    // After that, one call is announced and one is missed.
    store.upsertCalls([callOf('new1', { dateCreated: at(5) })], 'webhook');
    store.upsertCalls([callOf('new1', { dateCreated: at(5) }), callOf('new2', { dateCreated: at(6) })], 'sync');
    expect(store.countCalls('camp1')).toEqual({ total: 4, fromSync: 4, syncedSinceWebhooks: 2, withoutWebhook: 1 });
    expect(store.lastWebhookAt('camp1')).toBe(at(9));
  });

  it('lets sync correct what a webhook gave, and fills late duration and price without erasing them', () => {
    store.upsertCalls([callOf('s1', { durationSec: 55, price: null })], 'webhook');
    store.upsertCalls([callOf('s1', { durationSec: 60, price: null })], 'sync');
    expect(store.reportCalls('camp1')[0]).toMatchObject({ durationSec: 60, price: null });
    store.upsertCalls([callOf('s1', { durationSec: null, price: 2.5 })], 'sync');
    expect(store.reportCalls('camp1')[0]).toMatchObject({ durationSec: 60, price: 2.5 });
  });

  it('counts inserts, updates and changed contacts, and leaves the version alone for a repeat', () => {
    const first = store.upsertCalls([callOf('s1', { status: 'busy', durationSec: null }), callOf('s2', { number: '+919800000002' })], 'sync');
    expect(first).toEqual({ inserted: 2, updated: 0, contactsChanged: 2 });
    const version = store.campaignVersion('camp1');
    expect(store.upsertCalls([callOf('s2', { number: '+919800000002' })], 'sync')).toEqual({ inserted: 0, updated: 0, contactsChanged: 0 });
    expect(store.campaignVersion('camp1')).toBe(version);

    // A retry that connects changes the contact: two attempts, completed.
    const retry = store.upsertCalls([callOf('s3', { attemptNumber: 2, dateCreated: '2025-03-01T10:30:00+05:30' })], 'sync');
    expect(retry).toEqual({ inserted: 1, updated: 0, contactsChanged: 1 });
    expect(store.campaignVersion('camp1')).toBeGreaterThan(version);
    const asha = store.queryContacts('camp1', { q: '9876543210', sort: 'number:asc', offset: 0, limit: 10 }).rows[0];
    expect(asha).toMatchObject({ finalStatus: 'completed', attempts: 2, lastDurationSec: 60, firstCallAt: '2025-03-01T04:30:00.000Z', lastCallAt: '2025-03-01T05:00:00.000Z' });
  });

  it('counts a record with an unreadable date as malformed instead of storing it', () => {
    expect(store.upsertCalls([callOf('s1', { dateCreated: 'yesterday-ish' })], 'sync')).toEqual({ inserted: 0, updated: 0, contactsChanged: 0 });
    expect(store.malformedRecords()).toBe(1);
    expect(store.countCalls('camp1').total).toBe(0);
  });

  it('finds a call’s campaign by sid and a number’s campaigns whatever its format', () => {
    store.upsertCalls([callOf('s1'), callOf('s2', { campaignId: 'camp2' })], 'sync');
    expect(store.findCampaignForCall('s2')).toBe('camp2');
    expect(store.findCampaignForCall('missing')).toBeNull();
    expect(store.findCampaignsForNumber('09876543210')).toEqual(['camp1', 'camp2']);
    expect(store.findCampaignsForNumber('+91 98765 43210')).toEqual(['camp1', 'camp2']);
    expect(store.findCampaignsForNumber('+919999999999')).toEqual([]);
  });
});

describe('transaction', () => {
  it('rolls back everything when the function throws, and nested calls join the outer transaction', () => {
    expect(() =>
      store.transaction(() => {
        store.upsertCalls([callOf('s1')], 'sync');
        store.transaction(() => store.saveSyncState({ campaignId: 'camp1', highWaterOffset: 1, callsExpected: 1, lastPolledAt: null, lastFullPassAt: null }));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.countCalls('camp1').total).toBe(0);
    expect(store.getSyncState('camp1')).toBeNull();
  });
});

describe('webhooks', () => {
  it('keeps raw webhook events for the retention period, pruning older ones as new events arrive', () => {
    const db = openSqliteDatabase(':memory:');
    const pruning = new SqliteStore(db);
    const now = Date.parse('2025-03-10T10:00:00Z');
    const event = (key: string, atMs: number) =>
      pruning.recordWebhookEvent({ kind: 'call-status', dedupeKey: key, campaignId: 'camp1', receivedAt: new Date(atMs).toISOString(), rawBody: '{}' });
    for (let i = 0; i < 10; i++) event(`old-${i}`, now - WEBHOOK_EVENT_RETENTION_MS - 60_000);
    for (let i = 0; i < 989; i++) event(`recent-${i}`, now - 60_000);
    const rows = () => db.prepare('SELECT COUNT(*) AS n FROM webhook_events').pluck().get();
    expect(rows()).toBe(999);
    event('trigger', now); // the 1,000th accepted event prunes
    expect(rows()).toBe(990);
    // A repeat inside the retention period is still recognised; the counters keep their history.
    expect(event('recent-5', now)).toBe(false);
    expect(pruning.webhookHealth()).toMatchObject({ accepted: 1000, duplicate: 1 });
    pruning.close();
  });

  it('stores an event once, counting repeats as duplicates, and keeps the latest time overall and per campaign', () => {
    const event = { kind: 'call-status' as const, dedupeKey: 'call-status:s1:completed', campaignId: 'camp1', receivedAt: '2025-03-01T10:00:05Z', rawBody: '{}' };
    const version = store.campaignVersion('camp1');
    expect(store.recordWebhookEvent(event)).toBe(true);
    expect(store.campaignVersion('camp1')).toBeGreaterThan(version);
    expect(store.recordWebhookEvent({ ...event, receivedAt: '2025-03-01T10:00:09Z' })).toBe(false);
    // An older delivery arriving late does not move the last-webhook time back.
    store.recordWebhookEvent({ ...event, dedupeKey: 'other', receivedAt: '2025-03-01T09:00:00Z' });
    store.recordWebhookEvent({ ...event, dedupeKey: 'third', campaignId: 'camp2', receivedAt: '2025-03-01T11:00:00Z' });
    store.noteWebhookRejected();
    expect(store.lastWebhookAt('camp1')).toBe('2025-03-01T10:00:05Z');
    expect(store.lastWebhookAt('camp3')).toBeNull();
    expect(store.webhookHealth()).toEqual({ lastAt: '2025-03-01T11:00:00Z', accepted: 3, duplicate: 1, rejected: 1, quarantined: 0 });
  });

  it('holds quarantined events in arrival order until released', () => {
    const held = { kind: 'call-status' as const, dedupeKey: 'q1', campaignId: null, receivedAt: '2025-03-01T10:00:00Z', rawBody: '{"a":1}', callSid: 's9', number: '+919800000009' };
    store.quarantine(held);
    store.quarantine({ ...held, dedupeKey: 'q2', callSid: null });
    const listed = store.listQuarantined(10);
    expect(listed.map((e) => e.dedupeKey)).toEqual(['q1', 'q2']);
    expect(listed[0]).toMatchObject({ callSid: 's9', number: '+919800000009', rawBody: '{"a":1}' });
    expect(store.webhookHealth().quarantined).toBe(2);
    store.releaseQuarantined(listed[0]!.id);
    expect(store.listQuarantined(10).map((e) => e.dedupeKey)).toEqual(['q2']);
    expect(store.webhookHealth().quarantined).toBe(1);
  });
});
