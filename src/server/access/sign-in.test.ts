import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../store/migrations';
import { SqliteAccessStore } from '../store/sqlite-access';
import { createLoginThrottle } from './login-throttle';
import { hashPassword, type ScryptParams } from './passwords';
import { SIGN_IN_FAILED, signIn, type SignInDeps } from './sign-in';

const cheap: ScryptParams = { logN: 10, r: 8, p: 1 };
let db: Database.Database;
let store: SqliteAccessStore;
let time: number;
let deps: SignInDeps;

beforeEach(async () => {
  db = new Database(':memory:');
  migrate(db);
  store = new SqliteAccessStore(db);
  time = Date.parse('2025-03-01T09:00:00Z');
  store.insertUser({ id: 'us_1', email: 'asha@example.com', role: 'manager', passwordHash: await hashPassword('a long passphrase', cheap), createdAt: 0, updatedAt: 0 });
  deps = { users: store, throttle: createLoginThrottle(() => time), now: () => time, scrypt: cheap };
});
afterEach(() => db.close());

describe('signIn', () => {
  it('signs in with the right password', async () => {
    expect(await signIn(deps, 'asha@example.com', 'a long passphrase', '203.0.113.1')).toEqual({
      ok: true,
      userId: 'us_1',
      user: { kind: 'user', email: 'asha@example.com', role: 'manager' },
    });
  });

  it('gives one answer for a wrong password and an unknown email', async () => {
    const wrong = await signIn(deps, 'asha@example.com', 'not the passphrase', '203.0.113.1');
    const unknown = await signIn(deps, 'nobody@example.com', 'a long passphrase', '203.0.113.1');
    expect(wrong).toEqual({ ok: false, status: 401, error: SIGN_IN_FAILED });
    expect(unknown).toEqual(wrong);
  });

  it('answers 429 with a wait after repeated failures, even for the right password, and never checks it', async () => {
    for (let i = 0; i < 10; i += 1) await signIn(deps, 'asha@example.com', `guess ${i}`, `198.51.100.${i}`);
    const refused = await signIn(deps, 'asha@example.com', 'a long passphrase', '192.0.2.9');
    expect(refused).toMatchObject({ ok: false, status: 429 });
    expect(refused.ok === false && refused.status === 429 && refused.retryAfterSec).toBeGreaterThan(0);
  });

  it('rehashes a password stored with older parameters after a good sign-in', async () => {
    const weaker: ScryptParams = { logN: 9, r: 8, p: 1 };
    store.replacePasswordHash('us_1', await hashPassword('a long passphrase', weaker), 0);
    await signIn(deps, 'asha@example.com', 'a long passphrase', null);
    expect(store.findUserById('us_1')?.passwordHash).toMatch(/^scrypt\$10\$8\$1\$/);
  });
});
