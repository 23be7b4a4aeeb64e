// The access ports (users, sessions, share links, displays, audit log), for both stores: the same assertions run
// against SQLite and PostgreSQL.
import { beforeEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, storesFor } from '../../testing/store-implementations';
import type { AccessStore, NewDisplay, NewShareLink, UserRecord } from '../access-store';

const T = Date.parse('2025-03-01T10:00:00Z');
const HOUR = 3_600_000;

const user = (over: Partial<UserRecord> = {}): UserRecord => ({
  id: 'us_1',
  email: 'asha@example.com',
  role: 'manager',
  passwordHash: 'scrypt$hash',
  createdAt: T,
  updatedAt: T,
  ...over,
});

const link = (over: Partial<NewShareLink> = {}): NewShareLink => ({
  id: 'sl_1',
  tokenHash: 'hash-1',
  campaignIds: ['c1', 'c2'],
  pii: 'masked',
  contacts: true,
  label: 'For the client',
  createdBy: 'asha@example.com',
  createdAt: T,
  expiresAt: T + 168 * HOUR,
  ...over,
});

const display = (over: Partial<NewDisplay> = {}): NewDisplay => ({
  id: 'tv_1',
  tokenHash: 'tv-hash-1',
  name: 'Floor 2',
  campaignIds: 'active',
  settings: { rotateSec: 20 },
  createdBy: 'admin@example.com',
  createdAt: T,
  expiresAt: null,
  ...over,
});

describe.each(STORE_KINDS)('access store (%s)', (kind) => {
  const stores = storesFor(kind);
  let store: AccessStore;
  beforeEach(() => {
    store = stores.open().access;
  });

  describe('users', () => {
    it('adds, finds (case-insensitively), lists and counts users, refusing a second account per email', () => {
      expect(store.countUsers()).toBe(0);
      expect(store.insertUser(user({ email: 'Asha@Example.com' }))).toEqual({ ok: true });
      expect(store.insertUser(user({ id: 'us_2' }))).toEqual({ ok: false, reason: 'email-taken' });
      expect(store.insertUser(user({ id: 'us_3', email: 'admin@example.com', role: 'admin' }))).toEqual({ ok: true });
      expect(store.countUsers()).toBe(2);
      expect(store.findUserByEmail('ASHA@example.com ')).toEqual(user());
      expect(store.findUserById('us_3')?.role).toBe('admin');
      expect(store.listUsers().map((u) => u.email)).toEqual(['admin@example.com', 'asha@example.com']);
      expect(store.findUserByEmail('nobody@example.com')).toBeNull();
    });

    it('ends every session of a user whose password is reset, but not on a rehash', () => {
      store.insertUser(user());
      store.insertSession({ id: 'se_1', tokenHash: 't1', userId: 'us_1', createdAt: T, lastSeenAt: T, expiresAt: T + HOUR });
      store.replacePasswordHash('us_1', 'scrypt$rehash', T + 1);
      expect(store.findSessionByTokenHash('t1')).not.toBeNull();
      expect(store.resetUserPassword('us_1', 'scrypt$new', T + 2)).toBe(true);
      expect(store.findUserById('us_1')).toMatchObject({ passwordHash: 'scrypt$new', updatedAt: T + 2 });
      expect(store.findSessionByTokenHash('t1')).toBeNull();
      expect(store.resetUserPassword('us_404', 'x', T)).toBe(false);
    });

    it('removes a user with their sessions, and changes roles', () => {
      store.insertUser(user());
      store.insertSession({ id: 'se_1', tokenHash: 't1', userId: 'us_1', createdAt: T, lastSeenAt: T, expiresAt: T + HOUR });
      expect(store.setUserRole('us_1', 'admin', T + 1)).toBe(true);
      expect(store.findUserById('us_1')?.role).toBe('admin');
      expect(store.removeUser('us_1')).toBe(true);
      expect(store.removeUser('us_1')).toBe(false);
      expect(store.findSessionByTokenHash('t1')).toBeNull();
    });

    it('leaves the other users and their sessions alone when one is removed or reset', () => {
      store.insertUser(user());
      store.insertUser(user({ id: 'us_2', email: 'ravi@example.com' }));
      store.insertSession({ id: 'se_1', tokenHash: 't1', userId: 'us_1', createdAt: T, lastSeenAt: T, expiresAt: T + HOUR });
      store.insertSession({ id: 'se_2', tokenHash: 't2', userId: 'us_2', createdAt: T, lastSeenAt: T, expiresAt: T + HOUR });
      expect(store.resetUserPassword('us_1', 'scrypt$new', T + 1)).toBe(true);
      expect(store.removeUser('us_1')).toBe(true);
      expect(store.findSessionByTokenHash('t2')).not.toBeNull();
      expect(store.findUserById('us_2')).toMatchObject({ passwordHash: 'scrypt$hash', updatedAt: T });
      expect(store.countUsers()).toBe(1);
    });
  });

  describe('sessions', () => {
    beforeEach(() => {
      store.insertUser(user());
    });

    it('finds by token hash, touches forward only, and deletes', () => {
      store.insertSession({ id: 'se_1', tokenHash: 't1', userId: 'us_1', createdAt: T, lastSeenAt: T, expiresAt: T + 24 * HOUR });
      store.touchSession('se_1', T + HOUR);
      store.touchSession('se_1', T + 1);
      expect(store.findSessionByTokenHash('t1')?.lastSeenAt).toBe(T + HOUR);
      store.deleteSession('se_1');
      expect(store.findSessionByTokenHash('t1')).toBeNull();
    });

    it('sweeps sessions past their absolute end or idle too long', () => {
      store.insertSession({ id: 'se_live', tokenHash: 'a', userId: 'us_1', createdAt: T, lastSeenAt: T + 10 * HOUR, expiresAt: T + 48 * HOUR });
      store.insertSession({ id: 'se_idle', tokenHash: 'b', userId: 'us_1', createdAt: T, lastSeenAt: T, expiresAt: T + 48 * HOUR });
      store.insertSession({ id: 'se_old', tokenHash: 'c', userId: 'us_1', createdAt: T, lastSeenAt: T + 10 * HOUR, expiresAt: T + 11 * HOUR });
      expect(store.deleteExpiredSessions(T + 12 * HOUR, 8 * HOUR)).toBe(2);
      expect(store.findSessionByTokenHash('a')).not.toBeNull();
    });

    it('refuses a session of a user that does not exist', () => {
      expect(() => store.insertSession({ id: 'se_x', tokenHash: 'x', userId: 'us_404', createdAt: T, lastSeenAt: T, expiresAt: T + HOUR })).toThrow(
        /foreign key/i,
      );
    });
  });

  describe('share links', () => {
    it('stores a link and reads it back by hash and by id', () => {
      store.insertShareLink(link());
      const expected = { ...link(), revokedAt: null, rotatedAt: null, lastOpenedAt: null, opens: 0 };
      expect(store.findShareLinkByTokenHash('hash-1')).toEqual(expected);
      expect(store.findShareLinkById('sl_1')).toEqual(expected);
      expect(store.findShareLinkByTokenHash('hash-2')).toBeNull();
    });

    it('lists newest first, and by campaign', () => {
      store.insertShareLink(link());
      store.insertShareLink(link({ id: 'sl_2', tokenHash: 'hash-2', campaignIds: ['c3'], createdAt: T + 1 }));
      expect(store.listShareLinks().map((l) => l.id)).toEqual(['sl_2', 'sl_1']);
      expect(store.listShareLinks({ campaignId: 'c2' }).map((l) => l.id)).toEqual(['sl_1']);
      expect(store.listShareLinks({ campaignId: 'c' }).map((l) => l.id)).toEqual([]);
    });

    it('rotates the token but keeps the link, and revokes once', () => {
      store.insertShareLink(link());
      expect(store.rotateShareLink('sl_1', 'hash-new', T + 5)).toBe(true);
      expect(store.findShareLinkByTokenHash('hash-1')).toBeNull();
      expect(store.findShareLinkByTokenHash('hash-new')).toMatchObject({ id: 'sl_1', rotatedAt: T + 5, campaignIds: ['c1', 'c2'] });
      expect(store.revokeShareLink('sl_1', T + 6)).toBe(true);
      expect(store.revokeShareLink('sl_1', T + 7)).toBe(false);
      expect(store.rotateShareLink('sl_1', 'hash-again', T + 8)).toBe(false);
      expect(store.findShareLinkById('sl_1')?.revokedAt).toBe(T + 6);
    });

    it('logs opens, newest first, and counts them on the link', () => {
      store.insertShareLink(link());
      store.recordShareLinkOpen('sl_1', { at: T + 10, address: '203.0.113.0/24', userAgent: 'Mozilla/5.0 '.repeat(40) });
      store.recordShareLinkOpen('sl_1', { at: T + 20, address: null, userAgent: null });
      const opens = store.listShareLinkOpens('sl_1', 10);
      expect(opens.map((o) => o.at)).toEqual([T + 20, T + 10]);
      expect(opens[1]?.userAgent).toHaveLength(200);
      expect(store.findShareLinkById('sl_1')).toMatchObject({ opens: 2, lastOpenedAt: T + 20 });
    });

    it('keeps the latest open time when an older open is logged late', () => {
      store.insertShareLink(link());
      store.recordShareLinkOpen('sl_1', { at: T + 20, address: null, userAgent: null });
      store.recordShareLinkOpen('sl_1', { at: T + 5, address: '198.51.100.0/24', userAgent: 'curl/8' });
      expect(store.findShareLinkById('sl_1')).toMatchObject({ opens: 2, lastOpenedAt: T + 20 });
      expect(store.listShareLinkOpens('sl_1', 1)).toEqual([{ at: T + 20, address: null, userAgent: null }]);
    });

    it('refuses to log an open of a link that does not exist', () => {
      expect(() => store.recordShareLinkOpen('sl_404', { at: T, address: null, userAgent: null })).toThrow(/foreign key/i);
    });

    it('keeps a link without contacts and without a label as such, and finds it by a campaign among several', () => {
      store.insertShareLink(link({ contacts: false, label: null, campaignIds: ['c10', 'c1'] }));
      expect(store.findShareLinkById('sl_1')).toMatchObject({ contacts: false, label: null });
      expect(store.listShareLinks({ campaignId: 'c1' }).map((l) => l.id)).toEqual(['sl_1']);
      expect(store.listShareLinks({ campaignId: 'c10' }).map((l) => l.id)).toEqual(['sl_1']);
    });

    it('refuses a second link with the same token hash', () => {
      store.insertShareLink(link());
      expect(() => store.insertShareLink(link({ id: 'sl_2' }))).toThrow(/unique/i);
    });
  });

  describe('displays', () => {
    it('stores "active" or a list, rotates, revokes and drops revoked ones from the list', () => {
      store.insertDisplay(display());
      store.insertDisplay(display({ id: 'tv_2', tokenHash: 'tv-hash-2', name: 'Atrium', campaignIds: ['c1'], expiresAt: T + HOUR }));
      expect(store.findDisplayByTokenHash('tv-hash-1')).toMatchObject({ campaignIds: 'active', settings: { rotateSec: 20 }, reloadGeneration: 0 });
      expect(store.findDisplayById('tv_2')).toMatchObject({ campaignIds: ['c1'], expiresAt: T + HOUR });
      expect(store.listDisplays().map((d) => d.name)).toEqual(['Atrium', 'Floor 2']);
      expect(store.rotateDisplay('tv_1', 'tv-hash-new', T + 1)).toBe(true);
      expect(store.findDisplayByTokenHash('tv-hash-1')).toBeNull();
      expect(store.revokeDisplay('tv_2', T + 2)).toBe(true);
      expect(store.listDisplays().map((d) => d.id)).toEqual(['tv_1']);
    });

    it('records contact and app version, and counts reload requests', () => {
      store.insertDisplay(display());
      store.recordDisplayContact('tv_1', T + 30_000, '0.1.0+abc');
      store.recordDisplayContact('tv_1', T + 10_000, null);
      expect(store.findDisplayById('tv_1')).toMatchObject({ lastContactAt: T + 30_000, appVersion: '0.1.0+abc' });
      expect(store.requestDisplayReload('tv_1')).toBe(1);
      expect(store.requestDisplayReload('tv_1')).toBe(2);
      expect(store.requestDisplayReload('tv_404')).toBeNull();
    });

    it('cuts a long app version short, and neither rotates nor reloads a revoked display', () => {
      store.insertDisplay(display());
      store.recordDisplayContact('tv_1', T, 'v'.repeat(100));
      expect(store.findDisplayById('tv_1')?.appVersion).toBe('v'.repeat(40));
      expect(store.revokeDisplay('tv_1', T + 1)).toBe(true);
      expect(store.revokeDisplay('tv_1', T + 2)).toBe(false);
      expect(store.rotateDisplay('tv_1', 'tv-hash-new', T + 3)).toBe(false);
      expect(store.requestDisplayReload('tv_1')).toBeNull();
      expect(store.findDisplayByTokenHash('tv-hash-1')).toMatchObject({ revokedAt: T + 1, rotatedAt: null, reloadGeneration: 0 });
    });
  });

  describe('audit log', () => {
    it('appends and pages back, newest first', () => {
      store.appendAudit({ at: T, actor: 'env', action: 'user.added', target: 'admin@example.com', details: { role: 'admin' } });
      store.appendAudit({ at: T + 1, actor: 'admin@example.com', action: 'share-link.created', target: 'sl_1', details: { pii: 'masked', ttlHours: 168 } });
      store.appendAudit({ at: T + 2, actor: 'admin@example.com', action: 'share-link.revoked', target: 'sl_1', details: null });
      const page = store.listAudit({ limit: 2 });
      expect(page.map((e) => e.action)).toEqual(['share-link.revoked', 'share-link.created']);
      expect(page[1]?.details).toEqual({ pii: 'masked', ttlHours: 168 });
      const older = store.listAudit({ limit: 2, before: page[1]?.id ?? 0 });
      // Ids keep counting across stores opened on one PostgreSQL database, so the oldest is found by listing all.
      const oldestId = store.listAudit({ limit: 3 })[2]?.id;
      expect(oldestId).toBeLessThan(page[1]?.id ?? 0);
      expect(older).toEqual([{ id: oldestId, at: T, actor: 'env', action: 'user.added', target: 'admin@example.com', details: { role: 'admin' } }]);
    });
  });
});
