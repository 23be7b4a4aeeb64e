// The WebhookLog port, for both stores: raw deliveries stored once and kept for a week, their counts and times
// overall and per campaign, and the bounded quarantine of events whose campaign is not known yet.
import { describe, expect, it } from 'vitest';
import type { QuarantinedEvent } from '../store';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';
import { MAX_QUARANTINED, QUARANTINE_RETENTION_MS, WEBHOOK_EVENT_RETENTION_MS } from '../webhook-retention';

function held(i: number, receivedAt: string): Omit<QuarantinedEvent, 'id'> {
  const body = { campaign_sid: 'c9', call_sid: `sid-${i}`, number: '+919800000001', status: 'completed', date_created: '2024-01-15T09:05:00+05:30' };
  return { kind: 'call-status', dedupeKey: `k${i}`, campaignId: 'c9', receivedAt, rawBody: JSON.stringify(body), callSid: `sid-${i}`, number: body.number };
}

describe.each(STORE_KINDS)('webhook log (%s)', (kind) => {
  const stores = storesFor(kind);

  it('stores an event once, counting repeats as duplicates, and keeps the latest time overall and per campaign', () => {
    const { store } = stores.open();
    const event = { kind: 'call-status' as const, dedupeKey: 'call-status:s1:completed', campaignId: 'camp1', receivedAt: '2025-03-01T10:00:05Z', rawBody: '{}' };
    expect(store.webhookHealth()).toEqual({ lastAt: null, accepted: 0, duplicate: 0, rejected: 0, quarantined: 0 });
    const version = store.campaignVersion('camp1');
    expect(store.recordWebhookEvent(event)).toBe(true);
    expect(store.campaignVersion('camp1')).toBeGreaterThan(version);
    const versionAfter = store.campaignVersion('camp1');
    expect(store.recordWebhookEvent({ ...event, receivedAt: '2025-03-01T10:00:09Z' })).toBe(false);
    expect(store.campaignVersion('camp1')).toBe(versionAfter);
    // An older delivery arriving late does not move the last-webhook time back.
    store.recordWebhookEvent({ ...event, dedupeKey: 'other', receivedAt: '2025-03-01T09:00:00Z' });
    store.recordWebhookEvent({ ...event, dedupeKey: 'third', campaignId: 'camp2', receivedAt: '2025-03-01T11:00:00Z' });
    store.noteWebhookRejected();
    expect(store.lastWebhookAt('camp1')).toBe('2025-03-01T10:00:05Z');
    expect(store.lastWebhookAt('camp3')).toBeNull();
    expect(store.webhookHealth()).toEqual({ lastAt: '2025-03-01T11:00:00Z', accepted: 3, duplicate: 1, rejected: 1, quarantined: 0 });
  });

  it('accepts an event without a campaign or a readable time, moving no time', () => {
    const { store } = stores.open();
    expect(store.recordWebhookEvent({ kind: 'call-status', dedupeKey: 'k1', campaignId: null, receivedAt: '2025-03-01T10:00:05Z', rawBody: '{}' })).toBe(true);
    expect(store.recordWebhookEvent({ kind: 'call-status', dedupeKey: 'k2', campaignId: 'camp1', receivedAt: 'yesterday', rawBody: '{}' })).toBe(true);
    expect(store.lastWebhookAt('camp1')).toBeNull();
    // Its campaign's report still has a new event to show.
    expect(store.campaignVersion('camp1')).toBeGreaterThan(0);
    expect(store.webhookHealth()).toMatchObject({ lastAt: '2025-03-01T10:00:05Z', accepted: 2, duplicate: 0 });
  });

  it('keeps raw webhook events for the retention period, pruning older ones as new events arrive', () => {
    const { store } = stores.open();
    const now = Date.parse('2025-03-10T10:00:00Z');
    const event = (key: string, atMs: number) =>
      store.recordWebhookEvent({ kind: 'call-status', dedupeKey: key, campaignId: 'camp1', receivedAt: new Date(atMs).toISOString(), rawBody: '{}' });
    store.transaction(() => {
      for (let i = 0; i < 10; i++) event(`old-${i}`, now - WEBHOOK_EVENT_RETENTION_MS - 60_000);
      for (let i = 0; i < 989; i++) event(`recent-${i}`, now - 60_000);
    });
    // All 999 are still held: an old one repeated now is a duplicate.
    expect(event('old-0', now)).toBe(false);
    expect(event('trigger', now)).toBe(true); // the 1,000th accepted event prunes
    // The 10 old events are gone (a repeat is new again); the 989 recent ones and the trigger are still recognised.
    for (let i = 0; i < 10; i++) expect(event(`old-${i}`, now)).toBe(true);
    expect(event('recent-5', now)).toBe(false);
    expect(event('recent-988', now)).toBe(false);
    expect(event('trigger', now)).toBe(false);
    // The counters keep their history.
    expect(store.webhookHealth()).toMatchObject({ accepted: 1010, duplicate: 4 });
  });

  it('holds quarantined events in arrival order until released', () => {
    const { store } = stores.open();
    const event = { kind: 'call-status' as const, dedupeKey: 'q1', campaignId: null, receivedAt: '2025-03-01T10:00:00Z', rawBody: '{"a":1}', callSid: 's9', number: '+919800000009' };
    store.quarantine(event);
    store.quarantine({ ...event, dedupeKey: 'q2', callSid: null });
    const listed = store.listQuarantined(10);
    expect(listed.map((e) => e.dedupeKey)).toEqual(['q1', 'q2']);
    expect(listed[0]).toEqual({ ...event, id: listed[0]!.id });
    expect(store.webhookHealth().quarantined).toBe(2);
    store.releaseQuarantined(listed[0]!.id);
    expect(store.listQuarantined(10).map((e) => e.dedupeKey)).toEqual(['q2']);
    expect(store.webhookHealth().quarantined).toBe(1);
  });

  it('keeps one row for a repeated delivery, and pages through the waiting events by id', () => {
    const { store } = stores.open();
    const at = '2024-01-15T12:00:00Z';
    expect(store.quarantine(held(1, at))).toBe(true);
    expect(store.quarantine(held(1, '2024-01-15T12:05:00Z'))).toBe(false);
    for (let i = 2; i <= 5; i++) store.quarantine(held(i, at));
    const first = store.listQuarantined(2);
    expect(first.map((e) => e.dedupeKey)).toEqual(['k1', 'k2']);
    expect(store.listQuarantined(2, first[1]!.id).map((e) => e.dedupeKey)).toEqual(['k3', 'k4']);
    expect(store.listQuarantined(10, first[1]!.id)).toHaveLength(3);
    expect(store.webhookHealth().quarantined).toBe(5);
  });

  // Over ten thousand events, one statement each: PostgreSQL's round trips take tens of seconds on a loaded machine,
  // hence the longer timeout (not a speed target: bench/ holds those).
  it('drops quarantined events older than a week, and the oldest beyond its bound', { timeout: 180_000 }, () => {
    const { store } = stores.open();
    const now = Date.parse('2024-01-15T12:00:00Z');
    const old = new Date(now - QUARANTINE_RETENTION_MS - 60_000).toISOString();
    store.transaction(() => {
      for (let i = 0; i < 50; i++) store.quarantine(held(i, old));
      for (let i = 50; i < 100; i++) store.quarantine(held(i, new Date(now).toISOString()));
    });
    expect(store.listQuarantined(1_000).map((event) => event.dedupeKey)).toEqual(Array.from({ length: 50 }, (_, i) => `k${i + 50}`));

    store.transaction(() => {
      for (let i = 100; i < MAX_QUARANTINED + 300; i++) store.quarantine(held(i, new Date(now).toISOString()));
    });
    const left = store.webhookHealth().quarantined;
    expect(left).toBeLessThanOrEqual(MAX_QUARANTINED);
    expect(store.listQuarantined(1)[0]?.dedupeKey).not.toBe('k50');
    expect(store.listQuarantined(MAX_QUARANTINED + 1_000).at(-1)?.dedupeKey).toBe(`k${MAX_QUARANTINED + 299}`);
  });
});
