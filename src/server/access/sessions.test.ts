import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../store/migrations';
import { SqliteAccessStore } from '../store/sqlite-access';
import {
  SESSION_LIFETIMES,
  clearedSessionCookie,
  cookieSettingsFor,
  createSessions,
  sessionCookie,
  sessionTokenFrom,
  type Sessions,
} from './sessions';
import { hashToken } from './tokens';

const HOUR = 3_600_000;
let db: Database.Database;
let store: SqliteAccessStore;
let time: number;
let sessions: Sessions;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  store = new SqliteAccessStore(db);
  store.insertUser({ id: 'us_1', email: 'asha@example.com', role: 'manager', passwordHash: 'h', createdAt: 0, updatedAt: 0 });
  time = Date.parse('2025-03-01T09:00:00Z');
  sessions = createSessions(store, () => time);
});
afterEach(() => db.close());

describe('sessions', () => {
  it('resolves a new session to its user and stores only the token hash', () => {
    const { token, sessionId, expiresAt } = sessions.create('us_1');
    expect(expiresAt).toBe(time + SESSION_LIFETIMES.absoluteMs);
    expect(sessions.resolve(token)).toEqual({ user: { kind: 'user', email: 'asha@example.com', role: 'manager' }, sessionId, expiresAt });
    const stored = db.prepare('SELECT * FROM sessions').all();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(store.findSessionByTokenHash(hashToken(token))?.id).toBe(sessionId);
  });

  it('ends a session left idle for 12 hours', () => {
    const { token } = sessions.create('us_1');
    time += 12 * HOUR - 1;
    expect(sessions.resolve(token)).not.toBeNull();
    time += 12 * HOUR - 1;
    expect(sessions.resolve(token)).not.toBeNull();
    time += 12 * HOUR;
    expect(sessions.resolve(token)).toBeNull();
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('ends a session after 7 days however active', () => {
    const { token } = sessions.create('us_1');
    for (let hours = 0; hours < 7 * 24 - 1; hours += 1) {
      time += HOUR;
      expect(sessions.resolve(token)).not.toBeNull();
    }
    time += HOUR;
    expect(sessions.resolve(token)).toBeNull();
  });

  it('writes last-seen at most once a minute', () => {
    const { token, sessionId } = sessions.create('us_1');
    const created = time;
    time += 30_000;
    sessions.resolve(token);
    expect(store.findSessionByTokenHash(hashToken(token))?.lastSeenAt).toBe(created);
    time += 30_000;
    sessions.resolve(token);
    expect(store.findSessionByTokenHash(hashToken(token))).toMatchObject({ id: sessionId, lastSeenAt: time });
  });

  it('follows the user row: a new role at once, nothing once removed', () => {
    const { token } = sessions.create('us_1');
    store.setUserRole('us_1', 'admin', time);
    expect(sessions.resolve(token)?.user.role).toBe('admin');
    db.pragma('foreign_keys = OFF');
    db.prepare("DELETE FROM users WHERE id = 'us_1'").run();
    expect(sessions.resolve(token)).toBeNull();
  });

  it('signs out, and ignores tokens that are missing, malformed or unknown', () => {
    const { token } = sessions.create('us_1');
    sessions.destroy(token);
    expect(sessions.resolve(token)).toBeNull();
    expect(sessions.resolve(undefined)).toBeNull();
    expect(sessions.resolve('not a token')).toBeNull();
    expect(sessions.resolve('A'.repeat(43))).toBeNull();
    expect(() => sessions.destroy('garbage')).not.toThrow();
  });
});

describe('session cookie', () => {
  const https = cookieSettingsFor('https://callboard.example.com');
  const http = cookieSettingsFor('http://10.0.0.5:8080');

  it('is Secure with the __Host- name behind https, plain otherwise', () => {
    expect(https).toEqual({ secure: true });
    expect(http).toEqual({ secure: false });
    expect(cookieSettingsFor(null)).toEqual({ secure: false });
    const at = Date.parse('2025-03-01T09:00:00Z');
    expect(sessionCookie('tok', at + 7 * 24 * HOUR, at, https)).toBe('__Host-callboard_session=tok; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=604800');
    expect(sessionCookie('tok', at + HOUR, at, http)).toBe('callboard_session=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600');
  });

  it('clears with Max-Age=0 under the same name', () => {
    expect(clearedSessionCookie(https)).toBe('__Host-callboard_session=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0');
  });

  it('reads its own cookie from a Cookie header among others', () => {
    expect(sessionTokenFrom('theme=dark; callboard_session=abc_DEF-123; x=y', http)).toBe('abc_DEF-123');
    expect(sessionTokenFrom('callboard_session=abc', https)).toBeUndefined();
    expect(sessionTokenFrom('__Host-callboard_session=abc', https)).toBe('abc');
    expect(sessionTokenFrom(undefined, http)).toBeUndefined();
  });
});
