// PostgreSQL side of the session ports: signed-in sessions, looked up by token hash, touched, and expired.
import type { SessionRecord, SessionsPort } from '../../access-store';
import { toSession } from '../../access-rows';
import type { PgConnection } from '../connection';

export class PgSessions implements SessionsPort {
  constructor(private readonly connection: PgConnection) {}

  insertSession(session: SessionRecord): void {
    this.connection.run(
      'INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [session.id, session.tokenHash, session.userId, session.createdAt, session.lastSeenAt, session.expiresAt],
    );
  }

  findSessionByTokenHash(tokenHash: string): SessionRecord | null {
    const row = this.connection.get('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
    return row === undefined ? null : toSession(row);
  }

  touchSession(id: string, lastSeenAt: number): void {
    // Forward only: two requests of one session may land out of order, and the later sign of life must stand.
    this.connection.run('UPDATE sessions SET last_seen_at = GREATEST(last_seen_at, $1) WHERE id = $2', [lastSeenAt, id]);
  }

  deleteSession(id: string): void {
    this.connection.run('DELETE FROM sessions WHERE id = $1', [id]);
  }

  deleteSessionsOfUser(userId: string): number {
    return this.connection.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  deleteExpiredSessions(now: number, idleMs: number): number {
    return this.connection.run('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [now, now - idleMs]);
  }
}
