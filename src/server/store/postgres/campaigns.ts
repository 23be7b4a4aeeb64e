// STUB, to be replaced: the PostgreSQL side of the CampaignStore port (see sqlite/ for the SQLite side).
import type { PgConnection } from './connection';
import type { CampaignStore } from '../store';
export class PgCampaignStore {
  constructor(readonly connection: PgConnection) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgCampaignStore extends CampaignStore {}
