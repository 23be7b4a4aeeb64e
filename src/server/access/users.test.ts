import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../store/migrations';
import { SqliteAccessStore } from '../store/sqlite-access';
import { verifyPassword, type ScryptParams } from './passwords';
import { addUser, bootstrapAdmin, removeUser, resetPassword, type UserAdminDeps } from './users';

const cheap: ScryptParams = { logN: 10, r: 8, p: 1 };
const T = Date.parse('2025-03-01T09:00:00Z');
let db: Database.Database;
let store: SqliteAccessStore;
let deps: UserAdminDeps;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  store = new SqliteAccessStore(db);
  deps = { store, now: () => T, scrypt: cheap };
});
afterEach(() => db.close());

describe('users', () => {
  it('adds a user with a hashed password and an audit entry without it', async () => {
    const added = await addUser(deps, { email: ' Asha@Example.com', role: 'manager', password: 'a long passphrase' }, 'admin@example.com');
    expect(added).toMatchObject({ ok: true, user: { email: 'asha@example.com', role: 'manager' } });
    const stored = store.findUserByEmail('asha@example.com');
    expect(stored?.passwordHash).not.toContain('a long passphrase');
    expect((await verifyPassword('a long passphrase', stored?.passwordHash ?? '', cheap)).ok).toBe(true);
    const audit = store.listAudit({ limit: 10 });
    expect(audit).toEqual([{ id: 1, at: T, actor: 'admin@example.com', action: 'user.added', target: 'asha@example.com', details: { role: 'manager' } }]);
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain('passphrase');
  });

  it.each([
    { case: 'a bad email', input: { email: 'asha', role: 'manager' as const, password: 'a long passphrase' }, reason: 'invalid-email' },
    { case: 'a short password', input: { email: 'a@example.com', role: 'manager' as const, password: 'short' }, reason: 'weak-password' },
  ])('refuses $case', async ({ input, reason }) => {
    expect(await addUser(deps, input, 'cli')).toMatchObject({ ok: false, reason });
    expect(store.countUsers()).toBe(0);
  });

  it('refuses a second account for one email', async () => {
    await addUser(deps, { email: 'a@example.com', role: 'manager', password: 'a long passphrase' }, 'cli');
    expect(await addUser(deps, { email: 'A@example.com', role: 'admin', password: 'a long passphrase' }, 'cli')).toMatchObject({ ok: false, reason: 'email-taken' });
  });

  it('resets a password, signing the user out everywhere', async () => {
    const added = await addUser(deps, { email: 'a@example.com', role: 'manager', password: 'a long passphrase' }, 'cli');
    if (!added.ok) throw new Error('setup');
    store.insertSession({ id: 'se_1', tokenHash: 'h', userId: added.user.id, createdAt: T, lastSeenAt: T, expiresAt: T + 1e6 });
    expect(await resetPassword(deps, 'a@example.com', 'another passphrase', 'admin@example.com')).toMatchObject({ ok: true });
    expect(store.findSessionByTokenHash('h')).toBeNull();
    expect((await verifyPassword('another passphrase', store.findUserByEmail('a@example.com')?.passwordHash ?? '', cheap)).ok).toBe(true);
    expect(store.listAudit({ limit: 1 })[0]).toMatchObject({ action: 'user.password-reset', target: 'a@example.com', details: null });
    expect(await resetPassword(deps, 'b@example.com', 'another passphrase', 'cli')).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('removes a user and audits it', async () => {
    await addUser(deps, { email: 'a@example.com', role: 'manager', password: 'a long passphrase' }, 'cli');
    expect(removeUser(deps, 'a@example.com', 'admin@example.com')).toMatchObject({ ok: true });
    expect(store.countUsers()).toBe(0);
    expect(removeUser(deps, 'a@example.com', 'admin@example.com')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(store.listAudit({ limit: 1 })[0]).toMatchObject({ action: 'user.removed', actor: 'admin@example.com' });
  });
});

describe('bootstrapAdmin', () => {
  const env = { email: 'root@example.com', password: 'first admin password' };

  it('creates the first admin on an empty database, once', async () => {
    expect(await bootstrapAdmin(deps, env)).toEqual({ outcome: 'created', email: 'root@example.com' });
    expect(store.findUserByEmail('root@example.com')?.role).toBe('admin');
    expect(store.listAudit({ limit: 1 })[0]).toMatchObject({ actor: 'env', action: 'user.added' });
    expect(await bootstrapAdmin(deps, { ...env, password: 'changed in the env later' })).toEqual({ outcome: 'skipped', reason: 'users-exist' });
    expect((await verifyPassword('first admin password', store.findUserByEmail('root@example.com')?.passwordHash ?? '', cheap)).ok).toBe(true);
  });

  it('does nothing without the variables, and reports a weak password', async () => {
    expect(await bootstrapAdmin(deps, { email: null, password: null })).toEqual({ outcome: 'skipped', reason: 'not-configured' });
    expect(await bootstrapAdmin(deps, { email: 'root@example.com', password: 'short' })).toMatchObject({ outcome: 'failed' });
    expect(store.countUsers()).toBe(0);
  });
});
