// STUB, to be replaced: the PostgreSQL side of the AuditPort port (see sqlite/ for the SQLite side).
import type { PgConnection } from '../connection';
import type { AuditPort } from '../../access-store';
export class PgAudit {
  constructor(readonly connection: PgConnection) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgAudit extends AuditPort {}
