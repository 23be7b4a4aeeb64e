// STUB, to be replaced: the PostgreSQL side of the WebhookLog port (see sqlite/ for the SQLite side).
import type { PgConnection } from './connection';
import type { WebhookLog } from '../store';
import type { PgCounters } from './counters';
export class PgWebhookLog {
  constructor(readonly connection: PgConnection, readonly counters: PgCounters) {}
}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PgWebhookLog extends WebhookLog {}
