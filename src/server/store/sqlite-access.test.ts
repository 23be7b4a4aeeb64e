// The access store's SQLite-only checks, against a real SQLite database with every migration applied: what the
// schema itself refuses, and a broken row read back. The ports' behaviour, for both stores, is in
// contracts/access.contract.test.ts.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from './migrations';
import { SqliteAccessStore } from './sqlite-access';

const T = Date.parse('2025-03-01T10:00:00Z');

let db: Database.Database;
let store: SqliteAccessStore;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  store = new SqliteAccessStore(db);
});
afterEach(() => db.close());

it('refuses a role the schema does not know, at the database', () => {
  const insert = db.prepare("INSERT INTO users (id, email, role, password_hash, created_at, updated_at) VALUES ('us_9', 'x@example.com', 'owner', 'h', 0, 0)");
  expect(() => insert.run()).toThrow(/CHECK/);
});

it('reads a broken row as an error rather than passing it on', () => {
  store.insertShareLink({
    id: 'sl_1',
    tokenHash: 'hash-1',
    campaignIds: ['c1'],
    pii: 'masked',
    contacts: true,
    label: null,
    createdBy: 'asha@example.com',
    createdAt: T,
    expiresAt: T + 1,
  });
  db.prepare("UPDATE share_links SET campaign_ids_json = '[\"../x\"]' WHERE id = 'sl_1'").run();
  expect(() => store.findShareLinkById('sl_1')).toThrow();
});
