// Migrations upgrade an existing database in place: a file made by an older callboard keeps its data and gains
// what later migrations add (here: the contact search index is filled from the contacts already stored).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations';
import { openSqliteStore } from './sqlite-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('upgrades a version-2 database, keeping its contacts and making them searchable', () => {
  const path = join(dir, 'old.db');
  const old = new Database(path);
  expect(migrate(old, MIGRATIONS.slice(0, 2))).toBe(2);
  old
    .prepare(
      `INSERT INTO contacts (campaign_id, number, number_digits, number_key, name, final_status, attempts, last_duration_sec, first_call_at, last_call_at)
       VALUES ('camp1', '+919876543210', '919876543210', '9876543210', 'Asha Rao', 'completed', 1, 30, 1000, 1000)`,
    )
    .run();
  old.close();

  const store = openSqliteStore(path);
  const found = store.queryContacts('camp1', { q: 'asha', sort: 'number:asc', offset: 0, limit: 10 });
  expect(found.rows.map((r) => r.number)).toEqual(['+919876543210']);
  expect(store.queryContacts('camp1', { q: '98765', sort: 'number:asc', offset: 0, limit: 10 }).total).toBe(1);
  // The per-status counts behind the list's total start from the contacts already stored.
  expect(store.queryContacts('camp1', { q: '', status: 'completed', sort: 'number:asc', offset: 0, limit: 10 }).total).toBe(1);
  store.close();

  const reopened = new Database(path);
  expect(reopened.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  expect(reopened.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
  reopened.close();
});

it('upgrades a version-10 database with a contact sheet, so that only its undialled rows are pending', () => {
  const path = join(dir, 'sheet.db');
  const old = new Database(path);
  expect(migrate(old, MIGRATIONS.filter((migration) => migration.version <= 10))).toBe(10);
  old
    .prepare(
      `INSERT INTO contacts (campaign_id, number, number_digits, number_key, name, final_status, attempts, last_duration_sec, first_call_at, last_call_at)
       VALUES ('camp1', '09876543210', '09876543210', '9876543210', NULL, 'completed', 1, 30, 1000, 1000)`,
    )
    .run();
  const sheetRow = old.prepare(
    `INSERT INTO contact_metadata (campaign_id, number_key, number, name, email, tags_json, revenue, metadata_json, search_text)
     VALUES ('camp1', ?, ?, ?, NULL, '[]', NULL, '{}', ?)`,
  );
  sheetRow.run('9876543210', '+919876543210', 'Asha Rao', '9876543210 asha rao');
  sheetRow.run('9123400000', '+919123400000', 'Kiran Pending', '9123400000 kiran pending');
  old.prepare(`INSERT INTO contact_metadata_uploads (campaign_id, columns_json, rows, uploaded_at) VALUES ('camp1', '[]', 2, '2025-03-01T11:00:00+05:30')`).run();
  old.close();

  const store = openSqliteStore(path);
  const pending = store.queryContacts('camp1', { q: '', status: 'pending', sort: 'number:asc', offset: 0, limit: 10 });
  expect(pending).toMatchObject({ total: 1, rows: [{ number: '+919123400000', name: 'Kiran Pending' }] });
  expect(store.queryContacts('camp1', { q: '', sort: 'number:asc', offset: 0, limit: 10 }).rows).toMatchObject([
    { number: '09876543210', name: 'Asha Rao', finalStatus: 'completed' },
    { number: '+919123400000', finalStatus: 'pending' },
  ]);
  store.close();
});
