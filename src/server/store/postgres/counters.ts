// STUB, to be replaced: the PostgreSQL side of the CounterStore port (see sqlite/ for the SQLite side).
import type { PgConnection } from './connection';
import type { CounterStore } from '../store';
export class PgCounters {
  constructor(readonly connection: PgConnection) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgCounters extends CounterStore {}
