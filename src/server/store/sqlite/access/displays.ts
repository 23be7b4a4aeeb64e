// SQLite side of the display ports: wallboard screens by token hash or id, revoke and rotate, last contact, and
// the reload generation a display polls for.
import type Database from 'better-sqlite3';
import type { DisplayRecord, NewDisplay } from '../../access-store';
import { generationRow, newDisplayValues, storedAppVersion, toDisplay } from '../../access-rows';

export class SqliteDisplays {
  constructor(private readonly db: Database.Database) {}

  insertDisplay(display: NewDisplay): void {
    this.db
      .prepare(
        `INSERT INTO displays (id, token_hash, name, campaign_scope_json, settings_json, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...newDisplayValues(display));
  }

  findDisplayByTokenHash(tokenHash: string): DisplayRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM displays WHERE token_hash = ?').get(tokenHash);
    return row === undefined ? null : toDisplay(row);
  }

  findDisplayById(id: string): DisplayRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM displays WHERE id = ?').get(id);
    return row === undefined ? null : toDisplay(row);
  }

  listDisplays(): DisplayRecord[] {
    return this.db.prepare('SELECT * FROM displays WHERE revoked_at IS NULL ORDER BY name, id').all().map(toDisplay);
  }

  revokeDisplay(id: string, at: number): boolean {
    return this.db.prepare('UPDATE displays SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  rotateDisplay(id: string, tokenHash: string, at: number): boolean {
    return this.db.prepare('UPDATE displays SET token_hash = ?, rotated_at = ? WHERE id = ? AND revoked_at IS NULL').run(tokenHash, at, id).changes === 1;
  }

  recordDisplayContact(id: string, at: number, appVersion: string | null): void {
    this.db
      .prepare('UPDATE displays SET last_contact_at = MAX(COALESCE(last_contact_at, 0), ?), app_version = COALESCE(?, app_version) WHERE id = ?')
      .run(at, storedAppVersion(appVersion), id);
  }

  requestDisplayReload(id: string): number | null {
    const row: unknown = this.db
      .prepare('UPDATE displays SET reload_generation = reload_generation + 1 WHERE id = ? AND revoked_at IS NULL RETURNING reload_generation')
      .get(id);
    return row === undefined ? null : generationRow.parse(row).reload_generation;
  }
}
