// STUB, to be replaced: the PostgreSQL side of the DisplaysPort port (see sqlite/ for the SQLite side).
import type { PgConnection } from '../connection';
import type { DisplaysPort } from '../../access-store';
export class PgDisplays {
  constructor(readonly connection: PgConnection) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgDisplays extends DisplaysPort {}
