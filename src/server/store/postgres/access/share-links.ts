// STUB, to be replaced: the PostgreSQL side of the ShareLinksPort port (see sqlite/ for the SQLite side).
import type { PgConnection } from '../connection';
import type { ShareLinksPort } from '../../access-store';
export class PgShareLinks {
  constructor(readonly connection: PgConnection) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgShareLinks extends ShareLinksPort {}
