// PostgreSQL side of the audit ports: an append-only log of access actions, read newest first in pages.
import type { AuditEntry, AuditPort } from '../../access-store';
import { toAuditEntry } from '../../access-rows';
import type { PgConnection } from '../connection';

export class PgAudit implements AuditPort {
  constructor(private readonly connection: PgConnection) {}

  appendAudit(entry: AuditEntry): void {
    this.connection.run('INSERT INTO audit_log (at, actor, action, target, details_json) VALUES ($1, $2, $3, $4, $5)', [
      entry.at,
      entry.actor,
      entry.action,
      entry.target,
      entry.details === null ? null : JSON.stringify(entry.details),
    ]);
  }

  listAudit(options: { limit: number; before?: number }): (AuditEntry & { id: number })[] {
    return this.connection
      .all('SELECT * FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2', [options.before ?? Number.MAX_SAFE_INTEGER, options.limit])
      .map(toAuditEntry);
  }
}
