// SQLite side of the session ports: signed-in sessions, looked up by token hash, touched, and expired.
import type Database from 'better-sqlite3';
import type { SessionRecord } from '../../access-store';
import { toSession } from '../../access-rows';

export class SqliteSessions {
  constructor(private readonly db: Database.Database) {}

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
}
