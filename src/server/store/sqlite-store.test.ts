// The SQLite store against real databases (a temp file and ':memory:'): persistence across restarts, campaigns,
// webhook dedupe and counters. The calls port's rules are contract tests (contracts/calls.contract.test.ts).
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
