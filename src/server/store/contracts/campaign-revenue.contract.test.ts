// The CampaignRevenueStore port, for both stores: the revenue a manager enters for a campaign is set, replaced and
// cleared, exactly to the paisa, moves the campaign's version each time (the report's ETag), and an unknown campaign
// stores nothing.
import { describe, expect, it } from 'vitest';
import { campaignOf } from '../../../domain/testing/builders';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';

describe.each(STORE_KINDS)('manager revenue (%s)', (kind) => {
  const stores = storesFor(kind);

  function openWithCampaigns() {
    const { store } = stores.open();
    store.upsertCampaigns([campaignOf('camp1'), campaignOf('camp2')], '2025-03-01T10:00:00Z');
    return store;
  }

  it('keeps the figure a manager set, with who and when, for that campaign only', () => {
    const store = openWithCampaigns();
    expect(store.managerRevenue('camp1')).toBeNull();
    const version = store.campaignVersion('camp1');
    expect(store.setManagerRevenue('camp1', 125000.55, 'asha@example.com', '2025-03-01T11:00:00+05:30')).toBe(true);
    expect(store.managerRevenue('camp1')).toEqual({ rupees: 125000.55, setBy: 'asha@example.com', setAt: '2025-03-01T11:00:00+05:30' });
    expect(store.managerRevenue('camp2')).toBeNull();
    expect(store.campaignVersion('camp1')).toBeGreaterThan(version);
  });

  it('replaces an earlier figure, and moves the version again', () => {
    const store = openWithCampaigns();
    store.setManagerRevenue('camp1', 500, 'asha@example.com', '2025-03-01T11:00:00+05:30');
    const version = store.campaignVersion('camp1');
    store.setManagerRevenue('camp1', 0.1, 'ravi@example.com', '2025-03-02T09:00:00+05:30');
    expect(store.managerRevenue('camp1')).toEqual({ rupees: 0.1, setBy: 'ravi@example.com', setAt: '2025-03-02T09:00:00+05:30' });
    expect(store.campaignVersion('camp1')).toBeGreaterThan(version);
  });

  it('keeps the largest figure the route accepts exactly, and zero as a figure', () => {
    const store = openWithCampaigns();
    store.setManagerRevenue('camp1', 999_999_999_999.99, 'asha@example.com', '2025-03-01T11:00:00+05:30');
    expect(store.managerRevenue('camp1')?.rupees).toBe(999_999_999_999.99);
    store.setManagerRevenue('camp2', 0, 'asha@example.com', '2025-03-01T11:00:00+05:30');
    expect(store.managerRevenue('camp2')?.rupees).toBe(0);
  });

  it('clears the figure with null, moving the version so the report falls back to the sheet', () => {
    const store = openWithCampaigns();
    store.setManagerRevenue('camp1', 500, 'asha@example.com', '2025-03-01T11:00:00+05:30');
    const version = store.campaignVersion('camp1');
    expect(store.setManagerRevenue('camp1', null, 'asha@example.com', '2025-03-01T12:00:00+05:30')).toBe(true);
    expect(store.managerRevenue('camp1')).toBeNull();
    expect(store.campaignVersion('camp1')).toBeGreaterThan(version);
  });

  it('stores nothing for a campaign it does not know', () => {
    const store = openWithCampaigns();
    const version = store.campaignVersion('ghost');
    expect(store.setManagerRevenue('ghost', 500, 'asha@example.com', '2025-03-01T11:00:00+05:30')).toBe(false);
    expect(store.managerRevenue('ghost')).toBeNull();
    expect(store.campaignVersion('ghost')).toBe(version);
  });

  it('stores nothing when its transaction rolls back', () => {
    const store = openWithCampaigns();
    expect(() =>
      store.transaction(() => {
        store.setManagerRevenue('camp1', 500, 'asha@example.com', '2025-03-01T11:00:00+05:30');
        throw new Error('abandoned');
      }),
    ).toThrow('abandoned');
    expect(store.managerRevenue('camp1')).toBeNull();
  });
});
