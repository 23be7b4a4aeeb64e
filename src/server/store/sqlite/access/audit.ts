// SQLite side of the audit ports: an append-only log of access actions, read newest first in pages.
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../access-store';
import { toAuditEntry } from '../../access-rows';

export class SqliteAudit {
  constructor(private readonly db: Database.Database) {}

  appendAudit(entry: AuditEntry): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, target, details_json) VALUES (?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.action, entry.target, entry.details === null ? null : JSON.stringify(entry.details));
  }

  listAudit(options: { limit: number; before?: number }): (AuditEntry & { id: number })[] {
    return this.db
      .prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?')
      .all(options.before ?? Number.MAX_SAFE_INTEGER, options.limit)
      .map(toAuditEntry);
  }
}
