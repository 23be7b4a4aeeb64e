// STUB, to be replaced: the PostgreSQL side of the ExportStore, ContactHistoryStore port (see sqlite/ for the SQLite side).
import type { PgConnection } from './connection';
import type { ContactHistoryStore, ExportStore } from '../store';
export class PgExports {
  constructor(readonly connection: PgConnection) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgExports extends ExportStore, ContactHistoryStore {}
