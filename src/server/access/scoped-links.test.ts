import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayCreateSchema, shareLinkCreateSchema } from '../../domain/access/principal';
import { migrate } from '../store/migrations';
import { SqliteAccessStore } from '../store/sqlite-access';
import {
  createDisplay,
  createShareLink,
  removeDisplay,
  resolveDisplayToken,
  resolveShareToken,
  revokeShareLink,
  rotateDisplay,
  rotateShareLink,
  type ScopedDeps,
} from './scoped-links';

const HOUR = 3_600_000;
let db: Database.Database;
let time: number;
let deps: ScopedDeps;

beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  time = Date.parse('2025-03-01T09:00:00Z');
  deps = { store: new SqliteAccessStore(db), now: () => time };
});
afterEach(() => db.close());

describe('share links', () => {
  const body = shareLinkCreateSchema.parse({ campaignIds: ['c1'], contacts: true, label: 'Client' });

  it('resolves a new link to a masked share principal, storing no token and auditing no token', () => {
    const { id, token, expiresAt } = createShareLink(deps, body, 'asha@example.com');
    expect(expiresAt).toBe(time + 168 * HOUR);
    expect(resolveShareToken(deps, token)).toEqual({ kind: 'share', linkId: id, campaignIds: ['c1'], pii: 'masked', contacts: true });
    const everything = JSON.stringify([db.prepare('SELECT * FROM share_links').all(), db.prepare('SELECT * FROM audit_log').all()]);
    expect(everything).not.toContain(token);
    expect(everything).toContain(id);
  });

  it('stops resolving at expiry', () => {
    const { token } = createShareLink(deps, { ...body, ttlHours: 1 }, 'asha@example.com');
    time += HOUR - 1;
    expect(resolveShareToken(deps, token)).not.toBeNull();
    time += 1;
    expect(resolveShareToken(deps, token)).toBeNull();
  });

  it('rotation kills the old token, revocation kills the link', () => {
    const { id, token } = createShareLink(deps, body, 'asha@example.com');
    const rotated = rotateShareLink(deps, id, 'asha@example.com');
    expect(rotated).not.toBeNull();
    expect(resolveShareToken(deps, token)).toBeNull();
    expect(resolveShareToken(deps, rotated?.token ?? '')?.linkId).toBe(id);
    expect(revokeShareLink(deps, id, 'admin@example.com')).toBe(true);
    expect(resolveShareToken(deps, rotated?.token ?? '')).toBeNull();
    expect(rotateShareLink(deps, id, 'asha@example.com')).toBeNull();
    expect(deps.store.listAudit({ limit: 10 }).map((e) => e.action)).toEqual(['share-link.revoked', 'share-link.rotated', 'share-link.created']);
  });

  it('resolves nothing for malformed or unknown tokens', () => {
    expect(resolveShareToken(deps, '../../etc')).toBeNull();
    expect(resolveShareToken(deps, 'A'.repeat(22))).toBeNull();
  });
});

describe('displays', () => {
  it('resolves until removed; rotation keeps the id', () => {
    const { id, token } = createDisplay(deps, displayCreateSchema.parse({ name: 'Floor 2', campaignIds: 'active' }), 'admin@example.com');
    expect(resolveDisplayToken(deps, token)).toEqual({ kind: 'display', displayId: id, campaignIds: 'active' });
    const rotated = rotateDisplay(deps, id, 'admin@example.com');
    expect(resolveDisplayToken(deps, token)).toBeNull();
    expect(resolveDisplayToken(deps, rotated?.token ?? '')?.displayId).toBe(id);
    expect(removeDisplay(deps, id, 'admin@example.com')).toBe(true);
    expect(resolveDisplayToken(deps, rotated?.token ?? '')).toBeNull();
  });

  it('never expires unless given an end', () => {
    const forever = createDisplay(deps, displayCreateSchema.parse({ name: 'A', campaignIds: ['c1'] }), 'admin@example.com');
    const until = createDisplay(deps, displayCreateSchema.parse({ name: 'B', campaignIds: ['c1'] }), 'admin@example.com', time + HOUR);
    time += 400 * 24 * HOUR;
    expect(resolveDisplayToken(deps, forever.token)).not.toBeNull();
    expect(resolveDisplayToken(deps, until.token)).toBeNull();
  });
});
