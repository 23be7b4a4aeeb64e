// The CounterStore port, for both stores: Exotel records that could not be read, overall and per campaign. Unreadable
// call-details rows are counted by their place in the list: re-reading the same rows (the overlap of every caught-up
// pass) never counts them twice, and a row read fine later stops counting.
import { describe, expect, it } from 'vitest';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';

describe.each(STORE_KINDS)('counters (%s)', (kind) => {
  const stores = storesFor(kind);

  it('adds up malformed records from zero', () => {
    const { store } = stores.open();
    expect(store.malformedRecords()).toBe(0);
    store.noteMalformedRecords(3);
    store.noteMalformedRecords(0);
    store.noteMalformedRecords(2);
    expect(store.malformedRecords()).toBe(5);
  });

  it('counts each unreadable row once across re-reads, per campaign', () => {
    const { store } = stores.open();
    store.noteUnreadableCallRecords('c1', 0, 500, [2, 40]);
    store.noteUnreadableCallRecords('c1', 250, 750, [251]);
    store.noteUnreadableCallRecords('c1', 250, 750, [251]);
    store.noteUnreadableCallRecords('c2', 0, 10, [3]);
    store.noteUnreadableCallRecords('c2', 0, 10, [3, 3]);
    expect(store.unreadableCallRecords('c1')).toBe(3);
    expect(store.unreadableCallRecords('c2')).toBe(1);
    expect(store.unreadableCallRecords('c3')).toBe(0);
  });

  it('stops counting a row that reads fine later, and moves the campaign version when the count changes', () => {
    const { store } = stores.open();
    store.noteUnreadableCallRecords('c1', 0, 10, [2]);
    const version = store.campaignVersion('c1');
    store.noteUnreadableCallRecords('c1', 0, 10, [2]);
    expect(store.campaignVersion('c1')).toBe(version);
    store.noteUnreadableCallRecords('c1', 0, 10, []);
    expect(store.unreadableCallRecords('c1')).toBe(0);
    expect(store.campaignVersion('c1')).toBeGreaterThan(version);
  });

  it('replaces only what it knew of the rows just read, keeping rows outside them', () => {
    const { store } = stores.open();
    store.noteUnreadableCallRecords('c1', 0, 10, [2, 5]);
    store.noteUnreadableCallRecords('c1', 10, 20, [12]);
    store.noteUnreadableCallRecords('c1', 0, 10, [5, 7]);
    expect(store.unreadableCallRecords('c1')).toBe(3);
    store.noteUnreadableCallRecords('c1', 5, 15, []);
    expect(store.unreadableCallRecords('c1')).toBe(0);
  });
});
