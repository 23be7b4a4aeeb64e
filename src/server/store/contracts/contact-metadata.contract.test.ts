// The ContactMetadataStore port, for both stores: an uploaded sheet's columns, and a re-upload replacing the
// campaign's rows and tags at once (and nothing at all when its transaction rolls back).
import { describe, expect, it } from 'vitest';
import type { ContactMetadataRow } from '../../../domain/csv/contact-metadata-sheet';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';
import type { ContactsQuery } from '../../../domain/api-schemas';

function sheetRow(key: string, overrides: Partial<ContactMetadataRow> = {}): ContactMetadataRow {
  return { key, number: `+91${key}`, name: null, email: null, tags: [], revenue: null, metadata: {}, ...overrides };
}

const everyone: ContactsQuery = { q: '', sort: 'number:asc', offset: 0, limit: 50 };

describe.each(STORE_KINDS)('contact metadata (%s)', (kind) => {
  const stores = storesFor(kind);

  it('keeps the sheet’s columns in order, per campaign, and moves the campaign’s version', () => {
    const { store } = stores.open();
    expect(store.metadataColumns('camp1')).toBeNull();
    const version = store.campaignVersion('camp1');
    store.replaceContactMetadata('camp1', { columns: ['city', 'plan', 'agent'], rows: [sheetRow('9123400000')], uploadedAt: '2025-03-01T11:00:00+05:30' });
    expect(store.metadataColumns('camp1')).toEqual(['city', 'plan', 'agent']);
    expect(store.metadataColumns('camp2')).toBeNull();
    expect(store.campaignVersion('camp1')).toBeGreaterThan(version);
  });

  it('replaces the earlier upload’s rows, tags and columns', () => {
    const { store } = stores.open();
    store.replaceContactMetadata('camp1', {
      columns: ['city'],
      rows: [sheetRow('9123400000', { tags: ['VIP', 'vip'], metadata: { city: 'Pune' } }), sheetRow('9123400001', { tags: ['north'] })],
      uploadedAt: '2025-03-01T11:00:00+05:30',
    });
    store.replaceContactMetadata('camp2', { columns: [], rows: [sheetRow('9555500000', { tags: ['vip'] })], uploadedAt: '2025-03-01T11:00:00+05:30' });
    expect(store.queryContacts('camp1', { ...everyone, tag: 'vip' }).rows).toEqual([
      expect.objectContaining({ number: '+919123400000', tags: ['VIP', 'vip'], metadata: { city: 'Pune' } }),
    ]);

    store.replaceContactMetadata('camp1', { columns: ['plan'], rows: [sheetRow('9123400002', { tags: ['VIP'] })], uploadedAt: '2025-03-02T11:00:00+05:30' });
    expect(store.metadataColumns('camp1')).toEqual(['plan']);
    expect(store.queryContacts('camp1', everyone).rows.map((row) => row.number)).toEqual(['+919123400002']);
    expect(store.queryContacts('camp1', { ...everyone, tag: 'north' }).total).toBe(0);
    expect(store.queryContacts('camp1', { ...everyone, tag: 'vip' }).rows.map((row) => row.number)).toEqual(['+919123400002']);
    expect(store.queryContacts('camp2', everyone).rows.map((row) => row.number)).toEqual(['+919555500000']);
  });

  it('gives the report each uploaded contact’s tags and revenue, only of its campaign', () => {
    const { store } = stores.open();
    expect(store.contactMetadataForReport('camp1')).toEqual([]);
    store.replaceContactMetadata('camp1', {
      columns: [],
      rows: [sheetRow('9123400000', { tags: ['vip', 'north'], revenue: 1500 }), sheetRow('9123400001')],
      uploadedAt: '2025-03-01T11:00:00+05:30',
    });
    store.replaceContactMetadata('camp2', { columns: [], rows: [sheetRow('9555500000', { revenue: 9 })], uploadedAt: '2025-03-01T11:00:00+05:30' });
    const rows = store.contactMetadataForReport('camp1').sort((a, b) => a.number.localeCompare(b.number));
    expect(rows).toEqual([
      { number: '+919123400000', tags: ['vip', 'north'], revenue: 1500 },
      { number: '+919123400001', tags: [], revenue: null },
    ]);
  });

  it('stores nothing of an upload whose transaction rolls back', () => {
    const { store } = stores.open();
    expect(() =>
      store.transaction(() => {
        store.replaceContactMetadata('camp1', { columns: ['city'], rows: [sheetRow('9123400000')], uploadedAt: '2025-03-01T11:00:00+05:30' });
        throw new Error('abandoned');
      }),
    ).toThrow('abandoned');
    expect(store.metadataColumns('camp1')).toBeNull();
    expect(store.queryContacts('camp1', everyone).total).toBe(0);
  });
});
