// Contact search as a campaign manager uses it, for both stores: a number fragment typed any way, part of a name, a
// status, a sort and pages, with a total that counts every match; and, once a contact sheet is uploaded, its names,
// emails and tags searched too, a tag filter, and the sheet's not-yet-dialled contacts listed as pending.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContactFinalStatus, ContactsQuery } from '../../../domain/api-schemas';
import type { CallStatus } from '../../../domain/call-status';
import type { ContactMetadataRow } from '../../../domain/csv/contact-metadata-sheet';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';
import type { CallboardStore } from '../store';
import { callOf } from '../../../domain/testing/builders';

const PEOPLE: Array<{ number: string; name: string | null; status: CallStatus; minute: number; attempts: number }> = [
  { number: '+919876543210', name: 'Asha Rao', status: 'completed', minute: 10, attempts: 1 },
  { number: '+919812345678', name: 'Ravi Kumar', status: 'busy', minute: 20, attempts: 2 },
  { number: '+919800011111', name: 'asharani P', status: 'no-answer', minute: 20, attempts: 3 },
  { number: '+918800022222', name: null, status: 'failed', minute: 5, attempts: 1 },
  { number: '+917700033333', name: 'Zoya 100% Khan', status: 'completed', minute: 30, attempts: 2 },
  { number: '+919700044444', name: 'Bala', status: 'completed', minute: 1, attempts: 1 },
];

function query(overrides: Partial<ContactsQuery> = {}): ContactsQuery {
  return { q: '', sort: 'lastCallAt:desc', offset: 0, limit: 50, ...overrides };
}

function seed(store: CallboardStore): void {
  const records = PEOPLE.flatMap((person, p) =>
    Array.from({ length: person.attempts }, (_, a) => {
      const last = a === person.attempts - 1;
      const minute = person.minute - (person.attempts - 1 - a);
      return callOf(`s${p}-${a}`, {
        number: person.number,
        name: person.name,
        status: last ? person.status : 'no-answer',
        dateCreated: `2025-03-01T10:${String(minute).padStart(2, '0')}:00+05:30`,
        attemptNumber: a + 1,
        durationSec: last && person.status === 'completed' ? 42 : 0,
      });
    }),
  );
  // The other campaign's contact must never show up.
  records.push(callOf('other', { campaignId: 'camp2', number: '+919876543299', name: 'Asha Elsewhere' }));
  store.upsertCalls(records, 'sync');
}

function sheetRow(key: string, overrides: Partial<ContactMetadataRow> = {}): ContactMetadataRow {
  return { key, number: `+91${key}`, name: null, email: null, tags: [], revenue: null, metadata: {}, ...overrides };
}

describe.each(STORE_KINDS)('contacts (%s)', (kind) => {
  const stores = storesFor(kind);
  let store: CallboardStore;
  const numbers = (overrides: Partial<ContactsQuery> = {}): string[] => store.queryContacts('camp1', query(overrides)).rows.map((row) => row.number);
  const open = () => {
    store = stores.open().store;
    seed(store);
  };

  describe('queryContacts', () => {
    beforeEach(open);

    it('finds a number by a fragment of its digits, however the fragment is written', () => {
      expect(numbers({ q: '98765' })).toEqual(['+919876543210']);
      expect(numbers({ q: '+91 98765' })).toEqual(['+919876543210']);
      expect(numbers({ q: '98123-45678' })).toEqual(['+919812345678']);
      expect(numbers({ q: '33333' })).toEqual(['+917700033333']);
    });

    it('finds names by a case-insensitive substring, and treats % and _ literally', () => {
      expect(numbers({ q: 'ASHA', sort: 'number:asc' })).toEqual(['+919800011111', '+919876543210']);
      expect(numbers({ q: 'kumar' })).toEqual(['+919812345678']);
      expect(numbers({ q: '100%' })).toEqual(['+917700033333']);
      expect(numbers({ q: '%' })).toEqual(['+917700033333']);
      expect(numbers({ q: '_' })).toEqual([]);
    });

    it('filters by final status and combines it with a search', () => {
      expect(numbers({ status: 'completed', sort: 'number:asc' })).toEqual(['+917700033333', '+919700044444', '+919876543210']);
      expect(numbers({ status: 'completed', q: 'asha' })).toEqual(['+919876543210']);
      expect(numbers({ status: 'completed', sort: 'name:asc' })).toEqual(['+919876543210', '+919700044444', '+917700033333']);
      expect(numbers({ status: 'completed', sort: 'name:desc' })).toEqual(['+917700033333', '+919700044444', '+919876543210']);
      expect(store.queryContacts('camp1', query({ status: 'in-progress' }))).toEqual({ total: 0, rows: [] });
    });

    it('returns the folded contact row', () => {
      const ravi = store.queryContacts('camp1', query({ q: 'Ravi' })).rows[0];
      expect(ravi).toEqual({
        number: '+919812345678',
        name: 'Ravi Kumar',
        finalStatus: 'busy',
        attempts: 2,
        lastDurationSec: 0,
        firstCallAt: '2025-03-01T04:49:00.000Z',
        lastCallAt: '2025-03-01T04:50:00.000Z',
        email: null,
        tags: [],
        metadata: {},
      });
    });

    it('sorts by every offered order, breaking ties by number, with unnamed contacts last by name', () => {
      expect(numbers({ sort: 'lastCallAt:desc' })).toEqual(['+917700033333', '+919812345678', '+919800011111', '+919876543210', '+918800022222', '+919700044444']);
      expect(numbers({ sort: 'lastCallAt:asc' })).toEqual(['+919700044444', '+918800022222', '+919876543210', '+919800011111', '+919812345678', '+917700033333']);
      expect(numbers({ sort: 'number:asc' })).toEqual([...PEOPLE.map((p) => p.number)].sort());
      expect(numbers({ sort: 'number:desc' })).toEqual([...PEOPLE.map((p) => p.number)].sort().reverse());
      expect(numbers({ sort: 'name:asc' })).toEqual(['+919876543210', '+919800011111', '+919700044444', '+919812345678', '+917700033333', '+918800022222']);
      expect(numbers({ sort: 'name:desc' })).toEqual(['+917700033333', '+919812345678', '+919700044444', '+919800011111', '+919876543210', '+918800022222']);
      expect(numbers({ sort: 'attempts:desc' })).toEqual(['+919800011111', '+919812345678', '+917700033333', '+919876543210', '+919700044444', '+918800022222']);
      expect(numbers({ sort: 'attempts:asc' })).toEqual(['+918800022222', '+919700044444', '+919876543210', '+917700033333', '+919812345678', '+919800011111']);
    });

    it('finds a renamed contact by its new name only', () => {
      store.upsertCalls([callOf('rename', { number: '+919876543210', name: 'Asha R. Iyer', status: 'completed', dateCreated: '2025-03-01T11:00:00+05:30', attemptNumber: 2 })], 'sync');
      expect(numbers({ q: 'iyer' })).toEqual(['+919876543210']);
      expect(numbers({ q: 'asha rao' })).toEqual([]);
    });

    it('pages through matches with a total that counts all of them', () => {
      const all = numbers({ sort: 'number:asc' });
      const page1 = store.queryContacts('camp1', query({ sort: 'number:asc', limit: 4 }));
      const page2 = store.queryContacts('camp1', query({ sort: 'number:asc', limit: 4, offset: 4 }));
      expect(page1.total).toBe(6);
      expect(page2.total).toBe(6);
      expect([...page1.rows, ...page2.rows].map((r) => r.number)).toEqual(all);
      expect(store.queryContacts('camp1', query({ offset: 100 }))).toEqual({ total: 6, rows: [] });
    });

    it('keeps every total right as contacts appear and change status', () => {
      // Ravi, busy so far, answers his third attempt; a new contact is dialled and is busy.
      store.upsertCalls(
        [
          callOf('ravi-3', { number: '+919812345678', name: 'Ravi Kumar', status: 'completed', dateCreated: '2025-03-01T11:00:00+05:30', attemptNumber: 3, durationSec: 30 }),
          callOf('meena-1', { number: '+919600055555', name: 'Meena', status: 'busy', dateCreated: '2025-03-01T11:05:00+05:30', attemptNumber: 1 }),
        ],
        'sync',
      );
      const totalOf = (status?: ContactFinalStatus) => store.queryContacts('camp1', query({ status })).total;
      expect(totalOf()).toBe(7);
      expect(totalOf('completed')).toBe(4);
      expect(totalOf('busy')).toBe(1);
      expect(totalOf('pending')).toBe(0);
      for (const status of ['completed', 'busy', 'no-answer', 'failed', 'in-progress'] as const) {
        expect(totalOf(status)).toBe(numbers({ status }).length);
      }
      expect(store.queryContacts('camp2', query()).total).toBe(1);
    });

    it('counts every search match even when the page asked for lies past them', () => {
      expect(store.queryContacts('camp1', query({ q: 'asha', offset: 10 }))).toEqual({ total: 2, rows: [] });
      expect(store.queryContacts('camp1', query({ q: 'as', offset: 1, limit: 1 })).total).toBe(2);
    });

    it('shows an uploaded sheet on the contacts it names, lists its undialled contacts last, and counts both', () => {
      store.replaceContactMetadata('camp1', {
        columns: ['city'],
        rows: [
          { key: '9876543210', number: '+919876543210', name: 'Asha R', email: 'asha@example.com', tags: ['vip'], revenue: null, metadata: { city: 'Pune' } },
          { key: '9000000001', number: '+919000000001', name: 'Not Yet Called', email: null, tags: ['vip'], revenue: null, metadata: {} },
        ],
        uploadedAt: '2025-03-01T09:00:00+05:30',
      });
      const dialled = [...PEOPLE.map((p) => p.number)].sort();
      const all = store.queryContacts('camp1', query({ sort: 'number:asc' }));
      expect(all.total).toBe(7);
      expect(all.rows.map((row) => row.number)).toEqual([...dialled, '+919000000001']);
      expect(all.rows.find((row) => row.number === '+919876543210')).toMatchObject({ name: 'Asha R', email: 'asha@example.com', tags: ['vip'], metadata: { city: 'Pune' } });
      expect(all.rows.find((row) => row.number === '+919812345678')).toMatchObject({ name: 'Ravi Kumar', email: null, tags: [], metadata: {} });
      expect(all.rows.at(-1)).toMatchObject({ name: 'Not Yet Called', finalStatus: 'pending', attempts: 0, lastCallAt: null });

      const straddling = store.queryContacts('camp1', query({ sort: 'number:asc', offset: 5, limit: 2 }));
      expect(straddling.total).toBe(7);
      expect(straddling.rows.map((row) => row.number)).toEqual([dialled[5], '+919000000001']);

      expect(store.queryContacts('camp1', query({ q: 'example.com' })).rows.map((row) => row.number)).toEqual(['+919876543210']);
      expect(numbers({ q: 'vip', sort: 'number:asc' })).toEqual(['+919876543210', '+919000000001']);
      expect(store.queryContacts('camp1', query({ q: 'asha', offset: 10 }))).toEqual({ total: 2, rows: [] });
      expect(store.queryContacts('camp1', query({ status: 'completed' })).total).toBe(3);
    });
  });

  describe('queryContacts with an uploaded sheet', () => {
    beforeEach(() => {
      open();
      store.replaceContactMetadata('camp1', {
        columns: ['city'],
        uploadedAt: '2025-03-01T11:00:00+05:30',
        rows: [
          sheetRow('9876543210', { name: 'Asha Rao-Menon', email: 'asha@example.com', tags: ['VIP'], metadata: { city: 'Pune' } }),
          sheetRow('9123400000', { name: 'Kiran Pending', email: 'kiran@mail.test', tags: ['vip', 'North'] }),
          sheetRow('9123400001'),
        ],
      });
    });

    it('joins the sheet into dialled contacts and lists its undialled ones as pending, after every dialled one', () => {
      const all = store.queryContacts('camp1', query());
      expect(all.total).toBe(8);
      expect(all.rows.slice(6)).toEqual([
        { number: '+919123400000', name: 'Kiran Pending', finalStatus: 'pending', attempts: 0, lastDurationSec: null, firstCallAt: null, lastCallAt: null, email: 'kiran@mail.test', tags: ['vip', 'North'], metadata: {} },
        { number: '+919123400001', name: null, finalStatus: 'pending', attempts: 0, lastDurationSec: null, firstCallAt: null, lastCallAt: null, email: null, tags: [], metadata: {} },
      ]);
      expect(all.rows.find((row) => row.number === '+919876543210')).toMatchObject({
        name: 'Asha Rao-Menon',
        finalStatus: 'completed',
        email: 'asha@example.com',
        tags: ['VIP'],
        metadata: { city: 'Pune' },
      });
      const across = store.queryContacts('camp1', query({ sort: 'number:asc', offset: 5, limit: 2 }));
      expect(across).toEqual({ total: 8, rows: [expect.objectContaining({ number: '+919876543210' }), expect.objectContaining({ number: '+919123400000' })] });
    });

    it('stops listing a sheet row as pending once its contact is called, in whatever form the call writes the number', () => {
      store.upsertCalls([callOf('kiran-first', { number: '09123400000', name: null })], 'sync');
      expect(numbers({ status: 'pending' })).toEqual(['+919123400001']);
      const all = store.queryContacts('camp1', query());
      expect(all.total).toBe(8);
      expect(all.rows.find((row) => row.number === '09123400000')).toMatchObject({ name: 'Kiran Pending', email: 'kiran@mail.test' });
      // A re-upload after the call knows the contact was dialled.
      store.replaceContactMetadata('camp1', { columns: [], uploadedAt: '2025-03-01T12:00:00+05:30', rows: [sheetRow('9123400000'), sheetRow('9123400002')] });
      expect(numbers({ status: 'pending' })).toEqual(['+919123400002']);
    });

    it('searches the sheet’s names, emails, tags and numbers as well as the contacts’ own', () => {
      expect(numbers({ q: 'EXAMPLE.com' })).toEqual(['+919876543210']);
      expect(numbers({ q: 'kiran' })).toEqual(['+919123400000']);
      expect(numbers({ q: '91234' })).toEqual(['+919123400000', '+919123400001']);
      expect(numbers({ q: 'ravi' })).toEqual(['+919812345678']);
      expect(numbers({ q: 'ba' })).toEqual(['+919700044444']);
    });

    it('filters by a tag without regard to case, and by pending', () => {
      expect(numbers({ tag: 'vip' })).toEqual(['+919876543210', '+919123400000']);
      expect(numbers({ tag: 'NORTH' })).toEqual(['+919123400000']);
      expect(numbers({ tag: 'nobody' })).toEqual([]);
      expect(numbers({ status: 'pending' })).toEqual(['+919123400000', '+919123400001']);
      expect(numbers({ status: 'pending', q: 'kiran' })).toEqual(['+919123400000']);
      expect(store.queryContacts('camp1', query({ status: 'completed' })).total).toBe(3);
    });
  });

  describe('short search fragments', () => {
    beforeEach(open);

    it('finds one or two characters in digits or names too', () => {
      expect(numbers({ q: '98', sort: 'number:asc' })).toEqual(['+919800011111', '+919812345678', '+919876543210']);
      expect(numbers({ q: 'bA' })).toEqual(['+919700044444']);
      expect(numbers({ q: 'P', sort: 'number:asc' })).toEqual(['+919800011111']);
    });

    it('folds only ASCII letters for them, as SQLite’s LIKE does', () => {
      store.upsertCalls([callOf('eva', { number: '+919600055555', name: 'Éva' })], 'sync');
      expect(numbers({ q: 'É' })).toEqual(['+919600055555']);
      expect(numbers({ q: 'éV' })).toEqual([]);
      expect(numbers({ q: 'Év' })).toEqual(['+919600055555']);
    });
  });
});
