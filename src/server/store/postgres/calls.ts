// STUB, to be replaced: the PostgreSQL side of the CallStore port (see sqlite/ for the SQLite side).
import type { PgConnection } from './connection';
import type { CallStore } from '../store';
import type { ReportRowCache } from '../sqlite/report-row-cache';
import type { PgCounters } from './counters';
export class PgCallStore {
  constructor(readonly connection: PgConnection, readonly reportRows: ReportRowCache, readonly counters: PgCounters) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgCallStore extends CallStore {}
