// The PostgreSQL implementation of the access ports (access-store.ts), over the store's connection (migrations
// applied), composed from one module per aggregate (postgres/access/), as sqlite-access.ts is.
import type { PgConnection } from './postgres/connection';
import type { Role } from '../../domain/access/principal';
import type {
  AccessStore,
  AuditEntry,
  DisplayRecord,
  InsertUserResult,
  NewDisplay,
  NewShareLink,
  SessionRecord,
  ShareLinkOpen,
  ShareLinkRecord,
  UserRecord,
} from './access-store';
import { PgAudit } from './postgres/access/audit';
import { PgDisplays } from './postgres/access/displays';
import { PgSessions } from './postgres/access/sessions';
import { PgShareLinks } from './postgres/access/share-links';
import { PgUsers } from './postgres/access/users';

/** Every access port over one handle: each method hands over to the module of its aggregate. */
export class PostgresAccessStore implements AccessStore {
  private readonly users: PgUsers;
  private readonly sessions: PgSessions;
  private readonly shareLinks: PgShareLinks;
  private readonly displays: PgDisplays;
  private readonly audit: PgAudit;

  constructor(db: PgConnection) {
    this.sessions = new PgSessions(db);
    this.users = new PgUsers(db, this.sessions);
    this.shareLinks = new PgShareLinks(db);
    this.displays = new PgDisplays(db);
    this.audit = new PgAudit(db);
  }

  // Users

  countUsers(): number {
    return this.users.countUsers();
  }
  findUserByEmail(email: string): UserRecord | null {
    return this.users.findUserByEmail(email);
  }
  findUserById(id: string): UserRecord | null {
    return this.users.findUserById(id);
  }
  listUsers(): UserRecord[] {
    return this.users.listUsers();
  }
  insertUser(user: UserRecord): InsertUserResult {
    return this.users.insertUser(user);
  }
  resetUserPassword(id: string, passwordHash: string, at: number): boolean {
    return this.users.resetUserPassword(id, passwordHash, at);
  }
  replacePasswordHash(id: string, passwordHash: string, at: number): void {
    this.users.replacePasswordHash(id, passwordHash, at);
  }
  setUserRole(id: string, role: Role, at: number): boolean {
    return this.users.setUserRole(id, role, at);
  }
  removeUser(id: string): boolean {
    return this.users.removeUser(id);
  }

  // Sessions

  insertSession(session: SessionRecord): void {
    this.sessions.insertSession(session);
  }
  findSessionByTokenHash(tokenHash: string): SessionRecord | null {
    return this.sessions.findSessionByTokenHash(tokenHash);
  }
  touchSession(id: string, lastSeenAt: number): void {
    this.sessions.touchSession(id, lastSeenAt);
  }
  deleteSession(id: string): void {
    this.sessions.deleteSession(id);
  }
  deleteSessionsOfUser(userId: string): number {
    return this.sessions.deleteSessionsOfUser(userId);
  }
  deleteExpiredSessions(now: number, idleMs: number): number {
    return this.sessions.deleteExpiredSessions(now, idleMs);
  }

  // Share links

  insertShareLink(link: NewShareLink): void {
    this.shareLinks.insertShareLink(link);
  }
  findShareLinkByTokenHash(tokenHash: string): ShareLinkRecord | null {
    return this.shareLinks.findShareLinkByTokenHash(tokenHash);
  }
  findShareLinkById(id: string): ShareLinkRecord | null {
    return this.shareLinks.findShareLinkById(id);
  }
  listShareLinks(filter: { campaignId?: string } = {}): ShareLinkRecord[] {
    return this.shareLinks.listShareLinks(filter);
  }
  revokeShareLink(id: string, at: number): boolean {
    return this.shareLinks.revokeShareLink(id, at);
  }
  rotateShareLink(id: string, tokenHash: string, at: number): boolean {
    return this.shareLinks.rotateShareLink(id, tokenHash, at);
  }
  recordShareLinkOpen(linkId: string, open: ShareLinkOpen): void {
    this.shareLinks.recordShareLinkOpen(linkId, open);
  }
  listShareLinkOpens(linkId: string, limit: number): ShareLinkOpen[] {
    return this.shareLinks.listShareLinkOpens(linkId, limit);
  }

  // Displays

  insertDisplay(display: NewDisplay): void {
    this.displays.insertDisplay(display);
  }
  findDisplayByTokenHash(tokenHash: string): DisplayRecord | null {
    return this.displays.findDisplayByTokenHash(tokenHash);
  }
  findDisplayById(id: string): DisplayRecord | null {
    return this.displays.findDisplayById(id);
  }
  listDisplays(): DisplayRecord[] {
    return this.displays.listDisplays();
  }
  revokeDisplay(id: string, at: number): boolean {
    return this.displays.revokeDisplay(id, at);
  }
  rotateDisplay(id: string, tokenHash: string, at: number): boolean {
    return this.displays.rotateDisplay(id, tokenHash, at);
  }
  recordDisplayContact(id: string, at: number, appVersion: string | null): void {
    this.displays.recordDisplayContact(id, at, appVersion);
  }
  requestDisplayReload(id: string): number | null {
    return this.displays.requestDisplayReload(id);
  }

  // Audit

  appendAudit(entry: AuditEntry): void {
    this.audit.appendAudit(entry);
  }
  listAudit(options: { limit: number; before?: number }): (AuditEntry & { id: number })[] {
    return this.audit.listAudit(options);
  }
}
