// SQLite side of the user ports: accounts by email or id, roles and password hashes; a password reset or a removal
// also ends the user's sessions, in the same transaction.
import type Database from 'better-sqlite3';
import type { Role } from '../../../../domain/access/principal';
import type { InsertUserResult, UserRecord } from '../../access-store';
import { countRow, emailKey, toUser } from '../../access-rows';
import type { SqliteSessions } from './sessions';

export class SqliteUsers {
  constructor(
    private readonly db: Database.Database,
    private readonly sessions: SqliteSessions,
  ) {}

  countUsers(): number {
    return countRow.parse(this.db.prepare('SELECT COUNT(*) AS n FROM users').get()).n;
  }

  findUserByEmail(email: string): UserRecord | null {
    const row: unknown = this.db.prepare('SELECT * FROM users WHERE email = ?').get(emailKey(email));
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
      .run(user.id, emailKey(user.email), user.role, user.passwordHash, user.createdAt, user.updatedAt);
    return inserted.changes === 1 ? { ok: true } : { ok: false, reason: 'email-taken' };
  }

  resetUserPassword(id: string, passwordHash: string, at: number): boolean {
    return this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(passwordHash, at, id).changes;
      this.sessions.deleteSessionsOfUser(id);
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
      this.sessions.deleteSessionsOfUser(id);
      return this.db.prepare('DELETE FROM users WHERE id = ?').run(id).changes === 1;
    })();
  }
}
