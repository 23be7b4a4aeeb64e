// PostgreSQL side of the RateBudgetStore port: when each recent Exotel request went (a minute's worth), so that a
// restart, or the sync leader moving to another instance, goes on counting the same window.
import { z } from 'zod';
import type { RateBudgetStore } from '../store';
import type { PgConnection } from './connection';

const atRow = z.object({ at_ms: z.number() });

export class PgRateBudgetStore implements RateBudgetStore {
  constructor(private readonly connection: PgConnection) {}

  recentSends(sinceMs: number): number[] {
    return this.connection
      .all('SELECT at_ms FROM rate_budget_sends WHERE at_ms >= $1 ORDER BY at_ms', [sinceMs])
      .map((raw) => atRow.parse(raw).at_ms);
  }

  recordSend(atMs: number, forgetBeforeMs: number): void {
    this.connection.transaction(() => {
      this.connection.run('DELETE FROM rate_budget_sends WHERE at_ms < $1', [forgetBeforeMs]);
      this.connection.run('INSERT INTO rate_budget_sends (at_ms) VALUES ($1)', [atMs]);
    });
  }
}
