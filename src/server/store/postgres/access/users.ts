// PostgreSQL side of the user ports: accounts by email or id, roles and password hashes; a password reset or a
// removal also ends the user's sessions, in the same transaction.
import type { Role } from '../../../../domain/access/principal';
import type { InsertUserResult, UserRecord, UsersPort } from '../../access-store';
import { countRow, emailKey, toUser } from '../../access-rows';
import type { PgConnection } from '../connection';
import type { PgSessions } from './sessions';

export class PgUsers implements UsersPort {
  constructor(
    private readonly connection: PgConnection,
    private readonly sessions: PgSessions,
  ) {}

  countUsers(): number {
    return countRow.parse(this.connection.get('SELECT COUNT(*) AS n FROM users')).n;
  }

  findUserByEmail(email: string): UserRecord | null {
    const row = this.connection.get('SELECT * FROM users WHERE email = $1', [emailKey(email)]);
    return row === undefined ? null : toUser(row);
  }

  findUserById(id: string): UserRecord | null {
    const row = this.connection.get('SELECT * FROM users WHERE id = $1', [id]);
    return row === undefined ? null : toUser(row);
  }

  listUsers(): UserRecord[] {
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    return this.connection.all('SELECT * FROM users ORDER BY email COLLATE "C"').map(toUser);
  }

  insertUser(user: UserRecord): InsertUserResult {
    const inserted = this.connection.run(
      `INSERT INTO users (id, email, role, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) DO NOTHING`,
      [user.id, emailKey(user.email), user.role, user.passwordHash, user.createdAt, user.updatedAt],
    );
    return inserted === 1 ? { ok: true } : { ok: false, reason: 'email-taken' };
  }

  resetUserPassword(id: string, passwordHash: string, at: number): boolean {
    return this.connection.transaction(() => {
      const changed = this.connection.run('UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3', [passwordHash, at, id]);
      this.sessions.deleteSessionsOfUser(id);
      return changed === 1;
    });
  }

  replacePasswordHash(id: string, passwordHash: string, at: number): void {
    this.connection.run('UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3', [passwordHash, at, id]);
  }

  setUserRole(id: string, role: Role, at: number): boolean {
    return this.connection.run('UPDATE users SET role = $1, updated_at = $2 WHERE id = $3', [role, at, id]) === 1;
  }

  removeUser(id: string): boolean {
    // The foreign key cascades too; ending the sessions here keeps the rule in one visible place, as in SQLite.
    return this.connection.transaction(() => {
      this.sessions.deleteSessionsOfUser(id);
      return this.connection.run('DELETE FROM users WHERE id = $1', [id]) === 1;
    });
  }
}
