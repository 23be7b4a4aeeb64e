// STUB, to be replaced: the PostgreSQL side of the SessionsPort port (see sqlite/ for the SQLite side).
import type { PgConnection } from '../connection';
import type { SessionsPort } from '../../access-store';
export class PgSessions {
  constructor(readonly connection: PgConnection) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgSessions extends SessionsPort {}
