// The SQLite implementation of the access ports (access-store.ts), over a better-sqlite3 handle that already has
// the migrations applied. Rows come back through zod like every other row the store reads.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { displayScopeSchema, piiModeSchema, roleSchema, type Role } from '../../domain/access/principal';
import { campaignIdSchema } from '../../domain/campaign-id';
import {
  AUDIT_ACTIONS,
  type AccessStore,
  type AuditEntry,
  type DisplayRecord,
  type InsertUserResult,
  type NewDisplay,
  type NewShareLink,
  type SessionRecord,
  type ShareLinkOpen,
  type ShareLinkRecord,
  type UserRecord,
} from './access-store';

const userRow = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  password_hash: z.string(),
  created_at: z.number(),
  updated_at: z.number(),
});

const sessionRow = z.object({
  id: z.string(),
  token_hash: z.string(),
  user_id: z.string(),
  created_at: z.number(),
  last_seen_at: z.number(),
  expires_at: z.number(),
});

const shareLinkRow = z.object({
  id: z.string(),
  token_hash: z.string(),
  campaign_ids_json: z.string(),
  pii: piiModeSchema,
  contacts: z.union([z.literal(0), z.literal(1)]),
  label: z.string().nullable(),
  created_by: z.string(),
  created_at: z.number(),
  expires_at: z.number(),
  revoked_at: z.number().nullable(),
  rotated_at: z.number().nullable(),
  last_opened_at: z.number().nullable(),
  opens: z.number().int(),
});

const openRow = z.object({ at: z.number(), address: z.string().nullable(), user_agent: z.string().nullable() });

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

const auditRow = z.object({
  id: z.number().int(),
  at: z.number(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  target: z.string().nullable(),
  details_json: z.string().nullable(),
});

const countRow = z.object({ n: z.number() });
const generationRow = z.object({ reload_generation: z.number().int() });
const campaignIdsJson = z.array(campaignIdSchema);
const settingsJson = z.record(z.string(), z.unknown());
const auditDetailsJson = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** Reads a JSON column through its schema; a column that fails is a broken row, so it throws like a zod row check. */
function parseJsonColumn<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}

function toUser(raw: unknown): UserRecord {
  const row = userRow.parse(raw);
  return { id: row.id, email: row.email, role: row.role, passwordHash: row.password_hash, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toSession(raw: unknown): SessionRecord {
  const row = sessionRow.parse(raw);
  return { id: row.id, tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
}

function toShareLink(raw: unknown): ShareLinkRecord {
  const row = shareLinkRow.parse(raw);
  return {
    id: row.id,
    tokenHash: row.token_hash,
    campaignIds: parseJsonColumn(campaignIdsJson, row.campaign_ids_json),
    pii: row.pii,
    contacts: row.contacts === 1,
    label: row.label,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    rotatedAt: row.rotated_at,
    lastOpenedAt: row.last_opened_at,
    opens: row.opens,
  };
}

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

const USER_AGENT_MAX = 200;

export class SqliteAccessStore implements AccessStore {
  constructor(private readonly db: Database.Database) {}

  // Users

  countUsers(): number {
    return countRow.parse(this.db.prepare('SELECT COUNT(*) AS n FROM users').get()).n;
  }

  findUserByEmail(email: string): UserRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email.trim().toLowerCase());
    return row === undefined ? null : toUser(row);
  }

  findUserById(id: string): UserRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id);
    return row === undefined ? null : toUser(row);
  }

  listUsers(): UserRecord[] {
    return this.db.prepare('SELECT * FROM users ORDER BY email').all().map(toUser);
  }

  insertUser(user: UserRecord): InsertUserResult {
    const inserted = this.db
      .prepare(
        `INSERT INTO users (id, email, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (email) DO NOTHING`,
      )
      .run(user.id, user.email.trim().toLowerCase(), user.role, user.passwordHash, user.createdAt, user.updatedAt);
    return inserted.changes === 1 ? { ok: true } : { ok: false, reason: 'email-taken' };
  }

  resetUserPassword(id: string, passwordHash: string, at: number): boolean {
    return this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, at, id).changes;
      this.deleteSessionsOfUser(id);
      return changed === 1;
    })();
  }

  replacePasswordHash(id: string, passwordHash: string, at: number): void {
    this.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, at, id);
  }

  setUserRole(id: string, role: Role, at: number): boolean {
    return this.db.prepare('UPDATE users SET role = ?, updated_at = ? WHERE id = ?').run(role, at, id).changes === 1;
  }

  removeUser(id: string): boolean {
    // Sessions go explicitly too, so removal holds even on a connection opened without foreign_keys = ON.
    return this.db.transaction(() => {
      this.deleteSessionsOfUser(id);
      return this.db.prepare('DELETE FROM users WHERE id = ?').run(id).changes === 1;
    })();
  }

  // Sessions

  insertSession(session: SessionRecord): void {
    this.db
      .prepare('INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(session.id, session.tokenHash, session.userId, session.createdAt, session.lastSeenAt, session.expiresAt);
  }

  findSessionByTokenHash(tokenHash: string): SessionRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash);
    return row === undefined ? null : toSession(row);
  }

  touchSession(id: string, lastSeenAt: number): void {
    this.db.prepare('UPDATE sessions SET last_seen_at = MAX(last_seen_at, ?) WHERE id = ?').run(lastSeenAt, id);
  }

  deleteSession(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
  }

  deleteSessionsOfUser(userId: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
  }

  deleteExpiredSessions(now: number, idleMs: number): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, now - idleMs).changes;
  }

  // Share links

  insertShareLink(link: NewShareLink): void {
    this.db
      .prepare(
        `INSERT INTO share_links (id, token_hash, campaign_ids_json, pii, contacts, label, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(link.id, link.tokenHash, JSON.stringify(link.campaignIds), link.pii, link.contacts ? 1 : 0, link.label, link.createdBy, link.createdAt, link.expiresAt);
  }

  findShareLinkByTokenHash(tokenHash: string): ShareLinkRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM share_links WHERE token_hash = ?').get(tokenHash);
    return row === undefined ? null : toShareLink(row);
  }

  findShareLinkById(id: string): ShareLinkRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM share_links WHERE id = ?').get(id);
    return row === undefined ? null : toShareLink(row);
  }

  listShareLinks(filter: { campaignId?: string } = {}): ShareLinkRecord[] {
    if (filter.campaignId === undefined) {
      return this.db.prepare('SELECT * FROM share_links ORDER BY created_at DESC, id').all().map(toShareLink);
    }
    return this.db
      .prepare(
        `SELECT * FROM share_links
         WHERE EXISTS (SELECT 1 FROM json_each(share_links.campaign_ids_json) WHERE json_each.value = ?)
         ORDER BY created_at DESC, id`,
      )
      .all(filter.campaignId)
      .map(toShareLink);
  }

  revokeShareLink(id: string, at: number): boolean {
    return this.db.prepare('UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  rotateShareLink(id: string, tokenHash: string, at: number): boolean {
    return (
      this.db.prepare('UPDATE share_links SET token_hash = ?, rotated_at = ? WHERE id = ? AND revoked_at IS NULL').run(tokenHash, at, id).changes === 1
    );
  }

  recordShareLinkOpen(linkId: string, open: ShareLinkOpen): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO share_link_opens (link_id, at, address, user_agent) VALUES (?, ?, ?, ?)')
        .run(linkId, open.at, open.address, open.userAgent === null ? null : open.userAgent.slice(0, USER_AGENT_MAX));
      this.db
        .prepare('UPDATE share_links SET opens = opens + 1, last_opened_at = MAX(COALESCE(last_opened_at, 0), ?) WHERE id = ?')
        .run(open.at, linkId);
    })();
  }

  listShareLinkOpens(linkId: string, limit: number): ShareLinkOpen[] {
    return this.db
      .prepare('SELECT at, address, user_agent FROM share_link_opens WHERE link_id = ? ORDER BY at DESC, id DESC LIMIT ?')
      .all(linkId, limit)
      .map((raw) => {
        const row = openRow.parse(raw);
        return { at: row.at, address: row.address, userAgent: row.user_agent };
      });
  }

  // Displays

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

  // Audit

  appendAudit(entry: AuditEntry): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, target, details_json) VALUES (?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.action, entry.target, entry.details === null ? null : JSON.stringify(entry.details));
  }

  listAudit(options: { limit: number; before?: number }): (AuditEntry & { id: number })[] {
    return this.db
      .prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?')
      .all(options.before ?? Number.MAX_SAFE_INTEGER, options.limit)
      .map((raw) => {
        const row = auditRow.parse(raw);
        return {
          id: row.id,
          at: row.at,
          actor: row.actor,
          action: row.action,
          target: row.target,
          details: row.details_json === null ? null : parseJsonColumn(auditDetailsJson, row.details_json),
        };
      });
  }
}
