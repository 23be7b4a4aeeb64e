// The access store's PostgreSQL-only checks, on the run's throwaway cluster: what the schema itself refuses, and a
// broken row read back. The ports' behaviour, for both stores, is in contracts/access.contract.test.ts.
import { beforeEach, expect, it } from 'vitest';
import { storesFor } from '../testing/store-implementations';
import type { AccessStore } from './access-store';
import type { PgConnection } from './postgres/connection';
import { PostgresStore } from './postgres-store';

const T = Date.parse('2025-03-01T10:00:00Z');
const stores = storesFor('postgres');

let connection: PgConnection;
let access: AccessStore;

beforeEach(() => {
  const opened = stores.open();
  if (!(opened.store instanceof PostgresStore)) throw new Error('expected the PostgreSQL store');
  connection = opened.store.connection;
  access = opened.access;
});

it('refuses a role the schema does not know, at the database', () => {
  expect(() =>
    connection.run("INSERT INTO users (id, email, role, password_hash, created_at, updated_at) VALUES ('us_9', 'x@example.com', 'owner', 'h', 0, 0)"),
  ).toThrow(/check constraint/);
});

it('reads a broken row as an error rather than passing it on', () => {
  access.insertShareLink({
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
  connection.run(`UPDATE share_links SET campaign_ids_json = '["../x"]' WHERE id = 'sl_1'`);
  expect(() => access.findShareLinkById('sl_1')).toThrow();
});
