// STUB, to be replaced: the PostgreSQL side of the SyncStateStore port (see sqlite/ for the SQLite side).
import type { PgConnection } from './connection';
import type { SyncStateStore } from '../store';
export class PgSyncStateStore {
  constructor(readonly connection: PgConnection) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgSyncStateStore extends SyncStateStore {}
