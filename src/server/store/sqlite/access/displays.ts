// SQLite side of the display ports: wallboard screens by token hash or id, revoke and rotate, last contact, and
// the reload generation a display polls for.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { displayScopeSchema } from '../../../../domain/access/principal';
import type { DisplayRecord, NewDisplay } from '../../access-store';
import { parseJsonColumn } from './rows';

const displayRow = z.object({
  id: z.string(),
  token_hash: z.string(),
  name: z.string(),
  campaign_scope_json: z.string(),
  settings_json: z.string(),
  created_by: z.string(),
  created_at: z.number(),
  expires_at: z.number().nullable(),
  revoked_at: z.number().nullable(),
  rotated_at: z.number().nullable(),
  last_contact_at: z.number().nullable(),
  app_version: z.string().nullable(),
  reload_generation: z.number().int(),
});

const generationRow = z.object({ reload_generation: z.number().int() });
const settingsJson = z.record(z.string(), z.unknown());

function toDisplay(raw: unknown): DisplayRecord {
  const row = displayRow.parse(raw);
  return {
    id: row.id,
    tokenHash: row.token_hash,
    name: row.name,
    campaignIds: parseJsonColumn(displayScopeSchema, row.campaign_scope_json),
    settings: parseJsonColumn(settingsJson, row.settings_json),
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    rotatedAt: row.rotated_at,
    lastContactAt: row.last_contact_at,
    appVersion: row.app_version,
    reloadGeneration: row.reload_generation,
  };
}

export class SqliteDisplays {
  constructor(private readonly db: Database.Database) {}

  insertDisplay(display: NewDisplay): void {
    this.db
      .prepare(
        `INSERT INTO displays (id, token_hash, name, campaign_scope_json, settings_json, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        display.id,
        display.tokenHash,
        display.name,
        JSON.stringify(display.campaignIds),
        JSON.stringify(display.settings),
        display.createdBy,
        display.createdAt,
        display.expiresAt,
      );
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
      .run(at, appVersion === null ? null : appVersion.slice(0, 40), id);
  }

  requestDisplayReload(id: string): number | null {
    const row: unknown = this.db
      .prepare('UPDATE displays SET reload_generation = reload_generation + 1 WHERE id = ? AND revoked_at IS NULL RETURNING reload_generation')
      .get(id);
    return row === undefined ? null : generationRow.parse(row).reload_generation;
  }
}
