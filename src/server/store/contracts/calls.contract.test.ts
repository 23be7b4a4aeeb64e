// The CallStore port, for both stores: the upsert rules for calls from sync and webhooks (a final status is never
// undone, sync beats webhook, nulls never erase), what a batch reports, webhook coverage counts, contact folding,
// malformed records, campaigns by call and by number, and transactions rolling writes back.
import { describe, expect, it } from 'vitest';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';
import { callOf } from '../../../domain/testing/builders';

describe.each(STORE_KINDS)('calls (%s)', (kind) => {
  const stores = storesFor(kind);

  it('counts the attempts of a campaign dialled at or after a time (the list\'s calls per minute)', () => {
    const { store } = stores.open();
    store.upsertCalls(
      [
        callOf('s1', { campaignId: 'c1', number: '+919800000001', dateCreated: '2025-03-01T10:00:00.000Z' }),
        callOf('s2', { campaignId: 'c1', number: '+919800000002', dateCreated: '2025-03-01T10:04:00.000Z' }),
        callOf('s3', { campaignId: 'c1', number: '+919800000003', dateCreated: '2025-03-01T10:05:00.000Z' }),
        callOf('s4', { campaignId: 'c2', number: '+919800000004', dateCreated: '2025-03-01T10:05:00.000Z' }),
      ],
      'sync',
    );
    expect(store.countCallsStartedSince('c1', Date.parse('2025-03-01T10:04:00.000Z'))).toBe(2);
    expect(store.countCallsStartedSince('c1', Date.parse('2025-03-01T10:06:00.000Z'))).toBe(0);
    expect(store.countCallsStartedSince('nope', 0)).toBe(0);
  });

  describe('upsertCalls', () => {
    it('never replaces a final status by in-progress, from either source', () => {
      const { store } = stores.open();
      store.upsertCalls([callOf('s1', { status: 'completed' })], 'webhook');
      store.upsertCalls([callOf('s1', { status: 'in-progress', durationSec: null })], 'webhook');
      store.upsertCalls([callOf('s1', { status: 'in-progress', durationSec: null })], 'sync');
      expect(store.reportCalls('camp1')).toEqual([expect.objectContaining({ status: 'completed', durationSec: 60 })]);
    });

    it('lets a final status replace in-progress, even a webhook over a synced ringing call', () => {
      const { store } = stores.open();
      store.upsertCalls([callOf('s1', { status: 'in-progress', durationSec: null, price: null })], 'sync');
      store.upsertCalls([callOf('s1', { status: 'no-answer', durationSec: 0, price: null })], 'webhook');
      expect(store.reportCalls('camp1')[0]?.status).toBe('no-answer');
    });

    it('prefers sync over webhook between two final statuses, in either order', () => {
      const { store } = stores.open();
      store.upsertCalls([callOf('a', { status: 'busy' })], 'webhook');
      store.upsertCalls([callOf('a', { status: 'no-answer' })], 'sync');
      store.upsertCalls([callOf('b', { status: 'no-answer', number: '+919800000002' })], 'sync');
      store.upsertCalls([callOf('b', { status: 'busy', number: '+919800000002' })], 'webhook');
      expect(store.reportCalls('camp1').map((c) => c.status)).toEqual(['no-answer', 'no-answer']);
    });

    it('never lets a webhook overwrite synced fields, but marks the call as announced', () => {
      const { store } = stores.open();
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
      const { store } = stores.open();
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
      const { store } = stores.open();
      store.upsertCalls([callOf('s1', { durationSec: 55, price: null })], 'webhook');
      store.upsertCalls([callOf('s1', { durationSec: 60, price: null })], 'sync');
      expect(store.reportCalls('camp1')[0]).toMatchObject({ durationSec: 60, price: null });
      store.upsertCalls([callOf('s1', { durationSec: null, price: 2.5 })], 'sync');
      expect(store.reportCalls('camp1')[0]).toMatchObject({ durationSec: 60, price: 2.5 });
    });

    it('counts inserts, updates and changed contacts, and leaves the version alone for a repeat', () => {
      const { store } = stores.open();
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

    it('counts each record of a batch as one write would, the same call twice included', () => {
      const { store } = stores.open();
      const result = store.upsertCalls(
        [callOf('s1', { status: 'in-progress', durationSec: null }), callOf('s1', { status: 'completed' }), callOf('s1', { status: 'completed' })],
        'webhook',
      );
      expect(result).toEqual({ inserted: 1, updated: 1, contactsChanged: 1 });
      expect(store.reportCalls('camp1')).toEqual([expect.objectContaining({ status: 'completed', durationSec: 60 })]);
      expect(store.countCalls('camp1').total).toBe(1);
    });

    it('moves a contact with its call when sync corrects the number a webhook gave', () => {
      const { store } = stores.open();
      store.upsertCalls([callOf('s1', { number: '+919800000009' })], 'webhook');
      expect(store.upsertCalls([callOf('s1')], 'sync')).toEqual({ inserted: 0, updated: 1, contactsChanged: 2 });
      const contacts = store.queryContacts('camp1', { q: '', sort: 'number:asc', offset: 0, limit: 10 });
      expect(contacts.rows.map((row) => row.number)).toEqual(['+919876543210']);
      expect(store.findCampaignsForNumber('+919800000009')).toEqual([]);
    });

    it('counts a record with an unreadable date as malformed instead of storing it', () => {
      const { store } = stores.open();
      expect(store.upsertCalls([callOf('s1', { dateCreated: 'yesterday-ish' })], 'sync')).toEqual({ inserted: 0, updated: 0, contactsChanged: 0 });
      expect(store.malformedRecords()).toBe(1);
      expect(store.countCalls('camp1').total).toBe(0);
    });

    it('finds a call’s campaign by sid and a number’s campaigns whatever its format', () => {
      const { store } = stores.open();
      store.upsertCalls([callOf('s1'), callOf('s2', { campaignId: 'camp2' })], 'sync');
      expect(store.findCampaignForCall('s2')).toBe('camp2');
      expect(store.findCampaignForCall('missing')).toBeNull();
      expect(store.findCampaignsForNumber('09876543210')).toEqual(['camp1', 'camp2']);
      expect(store.findCampaignsForNumber('+91 98765 43210')).toEqual(['camp1', 'camp2']);
      expect(store.findCampaignsForNumber('+919999999999')).toEqual([]);
    });
  });

  describe('contactOutcomes', () => {
    it('groups a campaign’s contacts by final status and attempts', () => {
      const { store } = stores.open();
      store.upsertCalls(
        [
          callOf('a1', { number: '+919800000001', status: 'busy', dateCreated: '2025-03-01T10:00:00+05:30' }),
          callOf('a2', { number: '+919800000001', status: 'completed', dateCreated: '2025-03-01T10:30:00+05:30' }),
          callOf('b1', { number: '+919800000002', status: 'completed' }),
          callOf('c1', { number: '+919800000003', status: 'no-answer' }),
          callOf('elsewhere', { campaignId: 'camp2', status: 'failed' }),
        ],
        'sync',
      );
      const outcomes = store.contactOutcomes('camp1');
      expect([...outcomes].sort((x, y) => `${x.status}${x.attempts}`.localeCompare(`${y.status}${y.attempts}`))).toEqual([
        { status: 'completed', attempts: 1, contacts: 1 },
        { status: 'completed', attempts: 2, contacts: 1 },
        { status: 'no-answer', attempts: 1, contacts: 1 },
      ]);
      expect(store.contactOutcomes('camp3')).toEqual([]);
    });
  });

  describe('transaction', () => {
    it('rolls back everything when the function throws, and nested calls join the outer transaction', () => {
      const { store } = stores.open();
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

    it('keeps no report row of a rolled-back write, even one read inside the transaction', () => {
      const { store } = stores.open();
      store.upsertCalls([callOf('s1')], 'sync');
      expect(() =>
        store.transaction(() => {
          store.upsertCalls([callOf('s2', { number: '+919800000002' })], 'sync');
          // Read before any copy is kept: it sees the uncommitted row, which must not outlive the rollback.
          expect(store.reportCalls('camp1')).toHaveLength(2);
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(store.reportCalls('camp1')).toHaveLength(1);
      store.upsertCalls([callOf('s3', { number: '+919800000003' })], 'sync');
      expect(store.reportCalls('camp1')).toHaveLength(2);
    });
  });
});
