// The access store against a real SQLite database with every migration applied.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDisplay, NewShareLink, UserRecord } from './access-store';
import { migrate } from './migrations';
import { SqliteAccessStore } from './sqlite-access';

const T = Date.parse('2025-03-01T10:00:00Z');
const HOUR = 3_600_000;

let db: Database.Database;
let store: SqliteAccessStore;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  store = new SqliteAccessStore(db);
});
afterEach(() => db.close());

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

  it('refuses a role the schema does not know, at the database', () => {
    const insert = db.prepare("INSERT INTO users (id, email, role, password_hash, created_at, updated_at) VALUES ('us_9', 'x@example.com', 'owner', 'h', 0, 0)");
    expect(() => insert.run()).toThrow(/CHECK/);
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
      /FOREIGN KEY/,
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

  it('refuses a second link with the same token hash', () => {
    store.insertShareLink(link());
    expect(() => store.insertShareLink(link({ id: 'sl_2' }))).toThrow(/UNIQUE/);
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
    expect(older).toEqual([{ id: 1, at: T, actor: 'env', action: 'user.added', target: 'admin@example.com', details: { role: 'admin' } }]);
  });
});

it('reads a broken row as an error rather than passing it on', () => {
  store.insertShareLink(link());
  db.prepare("UPDATE share_links SET campaign_ids_json = '[\"../x\"]' WHERE id = 'sl_1'").run();
  expect(() => store.findShareLinkById('sl_1')).toThrow();
});
