// The ports of the access model: users, sessions, share links, displays and the audit log. Plain synchronous
// interfaces like the rest of the store, so a PostgreSQL implementation is an added file; each consumer takes only
// the port it needs. Times are epoch milliseconds; token columns hold SHA-256 hashes, never tokens.
import type { DisplayScope, PiiMode, Role } from '../../domain/access/principal';

export interface UserRecord {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  createdAt: number;
  updatedAt: number;
}

export type InsertUserResult = { ok: true } | { ok: false; reason: 'email-taken' };

export interface UsersPort {
  countUsers(): number;
  findUserByEmail(email: string): UserRecord | null;
  findUserById(id: string): UserRecord | null;
  listUsers(): UserRecord[];
  insertUser(user: UserRecord): InsertUserResult;
  /** Sets a new password hash and ends every session of the user, in one transaction. False when no such user. */
  resetUserPassword(id: string, passwordHash: string, at: number): boolean;
  /** Stores a rehash made at sign-in (same password, today's cost): sessions stay. */
  replacePasswordHash(id: string, passwordHash: string, at: number): void;
  setUserRole(id: string, role: Role, at: number): boolean;
  /** Removes the user and their sessions. */
  removeUser(id: string): boolean;
}

export interface SessionRecord {
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  /** The absolute end. */
  expiresAt: number;
}

export interface SessionsPort {
  insertSession(session: SessionRecord): void;
  findSessionByTokenHash(tokenHash: string): SessionRecord | null;
  touchSession(id: string, lastSeenAt: number): void;
  deleteSession(id: string): void;
  deleteSessionsOfUser(userId: string): number;
  /** Drops sessions past their absolute end or idle longer than idleMs; returns how many. */
  deleteExpiredSessions(now: number, idleMs: number): number;
}

export interface ShareLinkRecord {
  id: string;
  tokenHash: string;
  campaignIds: string[];
  pii: PiiMode;
  contacts: boolean;
  label: string | null;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  rotatedAt: number | null;
  lastOpenedAt: number | null;
  opens: number;
}

export type NewShareLink = Omit<ShareLinkRecord, 'revokedAt' | 'rotatedAt' | 'lastOpenedAt' | 'opens'>;

export interface ShareLinkOpen {
  at: number;
  /** The network, e.g. `203.0.113.0/24`; null when the address was unknown. */
  address: string | null;
  userAgent: string | null;
}

export interface ShareLinksPort {
  insertShareLink(link: NewShareLink): void;
  /** Any link with that hash, live or not: the caller decides (expired, revoked -> 404). */
  findShareLinkByTokenHash(tokenHash: string): ShareLinkRecord | null;
  findShareLinkById(id: string): ShareLinkRecord | null;
  /** Newest first; with a campaign id, only links whose scope includes it. */
  listShareLinks(filter?: { campaignId?: string }): ShareLinkRecord[];
  revokeShareLink(id: string, at: number): boolean;
  /** Puts a new token hash on the link (the old token stops working); id, scope, expiry and opens stay. */
  rotateShareLink(id: string, tokenHash: string, at: number): boolean;
  /** Logs the open and bumps the link's count and last-opened time together. */
  recordShareLinkOpen(linkId: string, open: ShareLinkOpen): void;
  listShareLinkOpens(linkId: string, limit: number): ShareLinkOpen[];
}

export interface DisplayRecord {
  id: string;
  tokenHash: string;
  name: string;
  campaignIds: DisplayScope;
  settings: Record<string, unknown>;
  createdBy: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  rotatedAt: number | null;
  lastContactAt: number | null;
  appVersion: string | null;
  reloadGeneration: number;
}

export type NewDisplay = Omit<DisplayRecord, 'revokedAt' | 'rotatedAt' | 'lastContactAt' | 'appVersion' | 'reloadGeneration'>;

export interface DisplaysPort {
  insertDisplay(display: NewDisplay): void;
  findDisplayByTokenHash(tokenHash: string): DisplayRecord | null;
  findDisplayById(id: string): DisplayRecord | null;
  /** Revoked displays are left out. */
  listDisplays(): DisplayRecord[];
  revokeDisplay(id: string, at: number): boolean;
  rotateDisplay(id: string, tokenHash: string, at: number): boolean;
  /** The display called in: when, and which build of the app it runs. */
  recordDisplayContact(id: string, at: number, appVersion: string | null): void;
  /** Asks the display to reload itself; returns the new generation, or null when no such display. */
  requestDisplayReload(id: string): number | null;
}

export const AUDIT_ACTIONS = [
  'user.added',
  'user.removed',
  'user.role-changed',
  'user.password-reset',
  'share-link.created',
  'share-link.revoked',
  'share-link.rotated',
  'display.created',
  'display.removed',
  'display.rotated',
  'campaign.revenue-set',
  'campaign.revenue-cleared',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: number;
  /** Who did it: a user's email, or `cli` / `env` for the command line and the first-admin bootstrap. */
  actor: string;
  action: AuditAction;
  /** What it was done to: an email or a link/display id, never a token. */
  target: string | null;
  details: Record<string, string | number | boolean | null> | null;
}

export interface AuditPort {
  appendAudit(entry: AuditEntry): void;
  /** Newest first; `before` pages back by entry id. */
  listAudit(options: { limit: number; before?: number }): (AuditEntry & { id: number })[];
}

export type AccessStore = UsersPort & SessionsPort & ShareLinksPort & DisplaysPort & AuditPort;
