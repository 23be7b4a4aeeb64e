// PostgreSQL side of the display ports: wallboard screens by token hash or id, revoke and rotate, last contact, and
// the reload generation a display polls for.
import type { DisplayRecord, DisplaysPort, NewDisplay } from '../../access-store';
import { generationRow, newDisplayValues, storedAppVersion, toDisplay } from '../../access-rows';
import type { PgConnection } from '../connection';

export class PgDisplays implements DisplaysPort {
  constructor(private readonly connection: PgConnection) {}

  insertDisplay(display: NewDisplay): void {
    this.connection.run(
      `INSERT INTO displays (id, token_hash, name, campaign_scope_json, settings_json, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      newDisplayValues(display),
    );
  }

  findDisplayByTokenHash(tokenHash: string): DisplayRecord | null {
    const row = this.connection.get('SELECT * FROM displays WHERE token_hash = $1', [tokenHash]);
    return row === undefined ? null : toDisplay(row);
  }

  findDisplayById(id: string): DisplayRecord | null {
    const row = this.connection.get('SELECT * FROM displays WHERE id = $1', [id]);
    return row === undefined ? null : toDisplay(row);
  }

  listDisplays(): DisplayRecord[] {
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    return this.connection.all('SELECT * FROM displays WHERE revoked_at IS NULL ORDER BY name COLLATE "C", id COLLATE "C"').map(toDisplay);
  }

  revokeDisplay(id: string, at: number): boolean {
    return this.connection.run('UPDATE displays SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]) === 1;
  }

  rotateDisplay(id: string, tokenHash: string, at: number): boolean {
    return this.connection.run('UPDATE displays SET token_hash = $1, rotated_at = $2 WHERE id = $3 AND revoked_at IS NULL', [tokenHash, at, id]) === 1;
  }

  recordDisplayContact(id: string, at: number, appVersion: string | null): void {
    // The last contact only moves forward; a contact that names no build keeps the one known.
    this.connection.run(
      'UPDATE displays SET last_contact_at = GREATEST(COALESCE(last_contact_at, 0), $1), app_version = COALESCE($2::text, app_version) WHERE id = $3',
      [at, storedAppVersion(appVersion), id],
    );
  }

  requestDisplayReload(id: string): number | null {
    const row = this.connection.get(
      'UPDATE displays SET reload_generation = reload_generation + 1 WHERE id = $1 AND revoked_at IS NULL RETURNING reload_generation',
      [id],
    );
    return row === undefined ? null : generationRow.parse(row).reload_generation;
  }
}
