// The ExportStore and ContactHistoryStore ports, for both stores: contacts and attempts read a page at a time in key
// order (a cursor per page), with the export's filters and the uploaded sheet's pending contacts after the dialled
// ones; whether any attempt has a price; every attempt of one contact, found by any Indian form of its number.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContactMetadataRow } from '../../../domain/csv/contact-metadata-sheet';
import { callOf } from '../../../domain/testing/builders';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';
import type { CallboardStore, ContactExportCursor, ContactExportFilter } from '../store';

const ALL: ContactExportFilter = { q: '', status: undefined, tag: undefined, fromMs: null, toMs: null };
const ms = (iso: string) => Date.parse(iso);

function sheetRow(key: string, overrides: Partial<ContactMetadataRow> = {}): ContactMetadataRow {
  return { key, number: `+91${key}`, name: null, email: null, tags: [], revenue: null, metadata: {}, ...overrides };
}

describe.each(STORE_KINDS)('exports (%s)', (kind) => {
  const stores = storesFor(kind);
  let store: CallboardStore;

  /** Every contact page from the first cursor on, as the export streams them. */
  function contactPages(filter: ContactExportFilter, limit: number): Array<{ numbers: string[]; next: ContactExportCursor | null }> {
    const pages = [];
    let cursor: ContactExportCursor | null = { part: 'dialled', after: null };
    while (cursor !== null && pages.length < 20) {
      const page = store.contactExportPage('camp1', filter, cursor, limit);
      pages.push({ numbers: page.rows.map((row) => row.number), next: page.next });
      cursor = page.next;
    }
    return pages;
  }

  beforeEach(() => {
    store = stores.open().store;
    store.upsertCalls(
      [
        callOf('s1', { number: '+919876543210', status: 'busy', durationSec: 0, price: 0.5, attemptNumber: null, dateCreated: '2025-03-01T09:00:00+05:30' }),
        callOf('s2', { number: '+919876543210', status: 'completed', durationSec: 61, price: 1.5, attemptNumber: null, recordingUrl: 'https://rec/s2.mp3' }),
        callOf('s3', { number: '+919812345678', name: 'Ravi', status: 'no-answer', durationSec: 0, price: null }),
        callOf('s4', { number: '09800011111', name: 'Meena', status: 'failed', durationSec: null, price: null, dateCreated: '2025-02-20T10:00:00+05:30' }),
        callOf('elsewhere', { campaignId: 'camp2', number: '+919876543210', price: null }),
      ],
      'sync',
    );
  });

  describe('contactExportPage', () => {
    it('pages through contacts in number order with their folded row and cost, ending with no cursor', () => {
      expect(contactPages(ALL, 2)).toEqual([
        { numbers: ['+919812345678', '+919876543210'], next: { part: 'dialled', after: '+919876543210' } },
        { numbers: ['09800011111'], next: null },
      ]);
      const rows = store.contactExportPage('camp1', ALL, { part: 'dialled', after: null }, 10).rows;
      expect(rows.find((row) => row.number === '+919876543210')).toEqual({
        number: '+919876543210',
        name: 'Asha Rao',
        finalStatus: 'completed',
        attempts: 2,
        lastDurationSec: 61,
        firstCallAt: ms('2025-03-01T09:00:00+05:30'),
        lastCallAt: ms('2025-03-01T10:00:00+05:30'),
        cost: 2,
        email: null,
        tags: [],
        revenue: null,
        metadata: {},
      });
      expect(rows.find((row) => row.number === '+919812345678')?.cost).toBeNull();
    });

    it('honours the status filter, the search and the date range of the last call', () => {
      const numbers = (filter: Partial<ContactExportFilter>) =>
        store.contactExportPage('camp1', { ...ALL, ...filter }, { part: 'dialled', after: null }, 10).rows.map((row) => row.number);
      expect(numbers({ status: 'completed' })).toEqual(['+919876543210']);
      expect(numbers({ q: '98123' })).toEqual(['+919812345678']);
      expect(numbers({ q: 'meena' })).toEqual(['09800011111']);
      expect(numbers({ fromMs: ms('2025-02-20T00:00:00+05:30'), toMs: ms('2025-02-28T23:59:59+05:30') })).toEqual(['09800011111']);
      expect(numbers({ fromMs: ms('2025-03-01T09:30:00+05:30') })).toEqual(['+919812345678', '+919876543210']);
    });

    it('follows the dialled contacts with the sheet’s pending ones, unless a date range leaves them out', () => {
      store.replaceContactMetadata('camp1', {
        columns: [],
        uploadedAt: '2025-03-01T11:00:00+05:30',
        rows: [
          sheetRow('9876543210', { name: 'Asha R.', tags: ['VIP'], revenue: 1200 }),
          sheetRow('9123400001', { revenue: 50, email: 'b@mail.test' }),
          sheetRow('9123400000', { name: 'Kiran', tags: ['vip'] }),
        ],
      });
      expect(contactPages(ALL, 2)).toEqual([
        { numbers: ['+919812345678', '+919876543210'], next: { part: 'dialled', after: '+919876543210' } },
        { numbers: ['09800011111'], next: { part: 'pending', after: null } },
        { numbers: ['+919123400000', '+919123400001'], next: { part: 'pending', after: '9123400001' } },
        { numbers: [], next: null },
      ]);
      const all = store.contactExportPage('camp1', ALL, { part: 'dialled', after: null }, 10).rows;
      expect(all.find((row) => row.number === '+919876543210')).toMatchObject({ name: 'Asha R.', tags: ['VIP'], revenue: 1200, cost: 2 });
      const pending = store.contactExportPage('camp1', ALL, { part: 'pending', after: null }, 10).rows;
      expect(pending[1]).toEqual({
        number: '+919123400001',
        name: null,
        finalStatus: 'pending',
        attempts: 0,
        lastDurationSec: null,
        firstCallAt: null,
        lastCallAt: null,
        cost: null,
        email: 'b@mail.test',
        tags: [],
        revenue: 50,
        metadata: {},
      });
      expect(contactPages({ ...ALL, tag: 'VIP' }, 10).flatMap((page) => page.numbers)).toEqual(['+919876543210', '+919123400000']);
      expect(contactPages({ ...ALL, fromMs: 0 }, 10)).toEqual([{ numbers: ['+919812345678', '+919876543210', '09800011111'], next: null }]);
    });
  });

  describe('callExportPage', () => {
    it('pages through attempts oldest first (ties in write order), numbering those Exotel did not by their place', () => {
      const first = store.callExportPage('camp1', { fromMs: null, toMs: null }, null, 2);
      expect(first.map((call) => [call.callSid, call.attempt])).toEqual([
        ['s4', 1],
        ['s1', 1],
      ]);
      const last = first[first.length - 1]!;
      const second = store.callExportPage('camp1', { fromMs: null, toMs: null }, { atMs: last.atMs, rowid: last.rowid }, 2);
      expect(second.map((call) => [call.callSid, call.attempt])).toEqual([
        ['s2', 2],
        ['s3', 1],
      ]);
      expect(second[0]).toEqual({
        rowid: expect.any(Number),
        atMs: ms('2025-03-01T10:00:00+05:30'),
        callSid: 's2',
        number: '+919876543210',
        attempt: 2,
        status: 'completed',
        startTime: '2025-03-01T10:00:05+05:30',
        endTime: '2025-03-01T10:01:05+05:30',
        durationSec: 61,
        price: 1.5,
        recordingUrl: 'https://rec/s2.mp3',
      });
      const end = second[second.length - 1]!;
      expect(store.callExportPage('camp1', { fromMs: null, toMs: null }, { atMs: end.atMs, rowid: end.rowid }, 2)).toEqual([]);
    });

    it('keeps to the date range', () => {
      const inRange = store.callExportPage('camp1', { fromMs: ms('2025-03-01T00:00:00+05:30'), toMs: ms('2025-03-01T09:59:59+05:30') }, null, 10);
      expect(inRange.map((call) => call.callSid)).toEqual(['s1']);
    });
  });

  it('tells whether any attempt of the campaign has a price', () => {
    expect(store.campaignHasPrices('camp1')).toBe(true);
    expect(store.campaignHasPrices('camp2')).toBe(false);
    expect(store.campaignHasPrices('nowhere')).toBe(false);
  });

  describe('contactCalls', () => {
    it('lists every attempt of a contact oldest first, found by any Indian form of its number', () => {
      expect(store.contactCalls('camp1', '+919876543210')?.map((call) => call.callSid)).toEqual(['s1', 's2']);
      expect(store.contactCalls('camp1', '09876543210')?.map((call) => call.callSid)).toEqual(['s1', 's2']);
      expect(store.contactCalls('camp1', '+919800011111')?.map((call) => [call.callSid, call.number])).toEqual([['s4', '09800011111']]);
    });

    it('answers null for a number the campaign never called', () => {
      expect(store.contactCalls('camp1', '+919999999999')).toBeNull();
      expect(store.contactCalls('camp1', '98765')).toBeNull();
      expect(store.contactCalls('camp3', '+919876543210')).toBeNull();
    });
  });
});
