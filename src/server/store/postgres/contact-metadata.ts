// STUB, to be replaced: the PostgreSQL side of the ContactMetadataStore port (see sqlite/ for the SQLite side).
import type { PgConnection } from './connection';
import type { ContactMetadataStore } from '../store';
export class PgContactMetadata {
  constructor(readonly connection: PgConnection) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgContactMetadata extends ContactMetadataStore {}
