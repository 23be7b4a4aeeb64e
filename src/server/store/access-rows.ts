// The access tables' rows as both stores read them back (the column names are the same in SQLite and PostgreSQL),
// checked through zod and turned into the records of access-store.ts; and the bounds put on what is written.
import { z } from 'zod';
import { displayScopeSchema, piiModeSchema, roleSchema } from '../../domain/access/principal';
import { campaignIdSchema } from '../../domain/campaign-id';
import { AUDIT_ACTIONS, type AuditEntry, type DisplayRecord, type NewDisplay, type SessionRecord, type ShareLinkOpen, type ShareLinkRecord, type UserRecord } from './access-store';

export const countRow = z.object({ n: z.number() });

/** Reads a JSON column through its schema; a column that fails is a broken row, so it throws like a zod row check. */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}

/** Emails are kept trimmed and lower-cased, so that one address is one account however it is typed. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const USER_AGENT_MAX = 200;
const APP_VERSION_MAX = 40;

/** A share-link open's user agent as stored: cut short, since it is only there to tell devices apart. */
export function storedUserAgent(userAgent: string | null): string | null {
  return userAgent === null ? null : userAgent.slice(0, USER_AGENT_MAX);
}

export function storedAppVersion(appVersion: string | null): string | null {
  return appVersion === null ? null : appVersion.slice(0, APP_VERSION_MAX);
}

const userRow = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  password_hash: z.string(),
  created_at: z.number(),
  updated_at: z.number(),
});

export function toUser(raw: unknown): UserRecord {
  const row = userRow.parse(raw);
  return { id: row.id, email: row.email, role: row.role, passwordHash: row.password_hash, createdAt: row.created_at, updatedAt: row.updated_at };
}

const sessionRow = z.object({
  id: z.string(),
  token_hash: z.string(),
  user_id: z.string(),
  created_at: z.number(),
  last_seen_at: z.number(),
  expires_at: z.number(),
});

export function toSession(raw: unknown): SessionRecord {
  const row = sessionRow.parse(raw);
  return { id: row.id, tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
}

const shareLinkRow = z.object({
  id: z.string(),
  token_hash: z.string(),
  campaign_ids_json: z.string(),
  pii: piiModeSchema,
  // SQLite keeps the flag as 0/1, PostgreSQL as a BOOLEAN.
  contacts: z.union([z.literal(0), z.literal(1), z.boolean()]),
  label: z.string().nullable(),
  created_by: z.string(),
  created_at: z.number(),
  expires_at: z.number(),
  revoked_at: z.number().nullable(),
  rotated_at: z.number().nullable(),
  last_opened_at: z.number().nullable(),
  opens: z.number().int(),
});

const campaignIdsJson = z.array(campaignIdSchema);

export function toShareLink(raw: unknown): ShareLinkRecord {
  const row = shareLinkRow.parse(raw);
  return {
    id: row.id,
    tokenHash: row.token_hash,
    campaignIds: parseJsonColumn(campaignIdsJson, row.campaign_ids_json),
    pii: row.pii,
    contacts: row.contacts === 1 || row.contacts === true,
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

const openRow = z.object({ at: z.number(), address: z.string().nullable(), user_agent: z.string().nullable() });

export function toShareLinkOpen(raw: unknown): ShareLinkOpen {
  const row = openRow.parse(raw);
  return { at: row.at, address: row.address, userAgent: row.user_agent };
}

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

export const generationRow = z.object({ reload_generation: z.number().int() });
const settingsJson = z.record(z.string(), z.unknown());

export function toDisplay(raw: unknown): DisplayRecord {
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

/**
 * A new display's values as both stores insert them, in the order of the columns (id, token_hash, name,
 * campaign_scope_json, settings_json, created_by, created_at, expires_at): the JSON that toDisplay reads back.
 */
export function newDisplayValues(display: NewDisplay): [string, string, string, string, string, string, number, number | null] {
  return [
    display.id,
    display.tokenHash,
    display.name,
    JSON.stringify(display.campaignIds),
    JSON.stringify(display.settings),
    display.createdBy,
    display.createdAt,
    display.expiresAt,
  ];
}

const auditRow = z.object({
  id: z.number().int(),
  at: z.number(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  target: z.string().nullable(),
  details_json: z.string().nullable(),
});

const auditDetailsJson = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export function toAuditEntry(raw: unknown): AuditEntry & { id: number } {
  const row = auditRow.parse(raw);
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    details: row.details_json === null ? null : parseJsonColumn(auditDetailsJson, row.details_json),
  };
}
