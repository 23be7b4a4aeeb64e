// The RateBudgetStore port, for both stores: the send times a restarted (or newly leading) instance counts.
import { describe, expect, it } from 'vitest';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';

describe.each(STORE_KINDS)('rate budget (%s)', (kind) => {
  const stores = storesFor(kind);

  it('lists the sends at or after a time, oldest first, and forgets those before the window', () => {
    const { store } = stores.open();
    store.recordSend(1_000, 0);
    store.recordSend(3_000, 0);
    store.recordSend(2_000, 0);
    expect(store.recentSends(2_000)).toEqual([2_000, 3_000]);
    store.recordSend(65_000, 60_000);
    expect(store.recentSends(0)).toEqual([65_000]);
  });

  it('rolls back with the transaction it ran in', () => {
    const { store } = stores.open();
    expect(() =>
      store.transaction(() => {
        store.recordSend(5_000, 0);
        throw new Error('abandoned');
      }),
    ).toThrow('abandoned');
    expect(store.recentSends(0)).toEqual([]);
  });
});
