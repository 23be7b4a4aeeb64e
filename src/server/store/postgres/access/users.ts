// STUB, to be replaced: the PostgreSQL side of the UsersPort port (see sqlite/ for the SQLite side).
import type { PgConnection } from '../connection';
import type { UsersPort } from '../../access-store';
import type { PgSessions } from './sessions';
export class PgUsers {
  constructor(readonly connection: PgConnection, readonly sessions: PgSessions) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgUsers extends UsersPort {}
