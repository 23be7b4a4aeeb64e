// The CampaignStore and SyncStateStore ports, for both stores: campaigns as Exotel lists them, campaign-status
// webhooks on top, the sync progress of each campaign, and the version that tells a report it must be rebuilt.
import { describe, expect, it } from 'vitest';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';
import { campaignOf } from '../../../domain/testing/builders';

describe.each(STORE_KINDS)('campaigns (%s)', (kind) => {
  const stores = storesFor(kind);

  it('lists campaigns newest first and bumps the version only when something changed', () => {
    const { store } = stores.open();
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

  it('orders campaigns created at the same time by id, byte by byte, descending', () => {
    const { store } = stores.open();
    const at = { dateCreated: '2025-01-01T00:00:00Z' };
    store.upsertCampaigns([campaignOf('a', at), campaignOf('B', at), campaignOf('b', at), campaignOf('_x', at)], '2025-03-01T10:00:00Z');
    expect(store.listCampaigns().map((c) => c.id)).toEqual(['b', 'a', '_x', 'B']);
  });

  it('gives back every field it was given, and null for an unknown campaign', () => {
    const { store } = stores.open();
    const full = campaignOf('full', {
      status: 'paused',
      stats: { created: 100, completed: 40, failed: 5, pending: 50, inProgress: 5, busy: 2, noAnswer: 3, extra: { 'call-back': 1 } },
      callerId: null,
      retries: { numberOfRetries: 2, intervalMins: 15, mechanism: 'Exponential', onStatus: ['busy', 'no-answer'] },
      schedule: { sendAt: '2025-03-01T09:00:00+05:30', endAt: '2025-03-02T18:00:00+05:30' },
      dateUpdated: '2025-03-01T10:00:00+05:30',
    });
    store.upsertCampaigns([full], '2025-03-01T10:00:00Z');
    expect(store.getCampaign('full')).toEqual(full);
    expect(store.getCampaign('missing')).toBeNull();
    expect(store.campaignVersion('missing')).toBe(0);
  });

  it('keeps the last of a campaign listed twice in one poll', () => {
    const { store } = stores.open();
    store.upsertCampaigns([campaignOf('twice', { name: 'First' }), campaignOf('other'), campaignOf('twice', { name: 'Second' })], '2025-03-01T10:00:00Z');
    expect(store.getCampaign('twice')?.name).toBe('Second');
    expect(store.listCampaigns()).toHaveLength(2);
  });

  it('applies a campaign-status webhook to a known campaign only, keeping counts it did not carry', () => {
    const { store } = stores.open();
    store.upsertCampaigns([campaignOf('camp1', { stats: { created: 10, completed: 2, failed: 1, extra: {} } })], '2025-03-01T10:00:00Z');
    expect(store.setCampaignStatus('nope', 'completed', null, '2025-03-01T11:00:00Z')).toBe(false);
    expect(store.getCampaign('nope')).toBeNull();
    const version = store.campaignVersion('camp1');
    expect(store.setCampaignStatus('camp1', 'completed', { completed: 7, extra: {} }, '2025-03-01T11:00:00Z')).toBe(true);
    expect(store.getCampaign('camp1')).toMatchObject({ status: 'completed', stats: { created: 10, completed: 7, failed: 1 } });
    expect(store.campaignVersion('camp1')).toBeGreaterThan(version);
  });

  it('takes a status webhook’s date only when it is later than the stored one', () => {
    const { store } = stores.open();
    store.upsertCampaigns([campaignOf('camp1', { dateUpdated: '2025-03-01T10:00:00Z' })], '2025-03-01T10:00:00Z');
    store.setCampaignStatus('camp1', 'paused', null, '2025-03-01T11:00:00Z');
    expect(store.getCampaign('camp1')).toMatchObject({ status: 'paused', dateUpdated: '2025-03-01T11:00:00Z' });
    // A resume that Exotel dated earlier (it arrived late) still applies its status, but not its older date.
    store.setCampaignStatus('camp1', 'in-progress', null, '2025-03-01T10:30:00Z');
    expect(store.getCampaign('camp1')).toMatchObject({ status: 'in-progress', dateUpdated: '2025-03-01T11:00:00Z' });
  });

  it('forgets campaigns written in a transaction that rolls back', () => {
    const { store } = stores.open();
    expect(() =>
      store.transaction(() => {
        store.upsertCampaigns([campaignOf('camp1')], '2025-03-01T10:00:00Z');
        throw new Error('abandoned');
      }),
    ).toThrow('abandoned');
    expect(store.listCampaigns()).toEqual([]);
    expect(store.campaignVersion('camp1')).toBe(0);
  });
});

describe.each(STORE_KINDS)('sync state (%s)', (kind) => {
  const stores = storesFor(kind);
  const state = { campaignId: 'camp1', highWaterOffset: 2, callsExpected: 40, lastPolledAt: '2025-03-01T10:00:00Z', lastFullPassAt: null };

  it('gives back the saved state of each campaign, and null before the first save', () => {
    const { store } = stores.open();
    expect(store.getSyncState('camp1')).toBeNull();
    store.saveSyncState(state);
    store.saveSyncState({ ...state, campaignId: 'camp2', callsExpected: null, lastPolledAt: null });
    store.saveSyncState({ ...state, highWaterOffset: 40, lastFullPassAt: '2025-03-01T10:05:00Z' });
    expect(store.getSyncState('camp1')).toEqual({ ...state, highWaterOffset: 40, lastFullPassAt: '2025-03-01T10:05:00Z' });
    expect(store.getSyncState('camp2')).toEqual({ ...state, campaignId: 'camp2', callsExpected: null, lastPolledAt: null });
  });

  it('moves the campaign version when the state changes, not when an idle poll saves the same state', () => {
    const { store } = stores.open();
    store.saveSyncState(state);
    const version = store.campaignVersion('camp1');
    expect(version).toBeGreaterThan(0);
    store.saveSyncState({ ...state });
    expect(store.campaignVersion('camp1')).toBe(version);
    store.saveSyncState({ ...state, lastPolledAt: '2025-03-01T10:00:30Z' });
    expect(store.campaignVersion('camp1')).toBeGreaterThan(version);
  });

  it('rolls back with the transaction it ran in, nested or not', () => {
    const { store } = stores.open();
    expect(() =>
      store.transaction(() => {
        store.transaction(() => store.saveSyncState(state));
        throw new Error('abandoned');
      }),
    ).toThrow('abandoned');
    expect(store.getSyncState('camp1')).toBeNull();
  });
});
