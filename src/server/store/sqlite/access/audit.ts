// SQLite side of the audit ports: an append-only log of access actions, read newest first in pages.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditEntry } from '../../access-store';
import { parseJsonColumn } from './rows';

const auditRow = z.object({
  id: z.number().int(),
  at: z.number(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  target: z.string().nullable(),
  details_json: z.string().nullable(),
});

const auditDetailsJson = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

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
