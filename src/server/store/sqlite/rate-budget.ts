// SQLite side of the RateBudgetStore port: when each recent Exotel request went (a minute's worth, a few dozen
// rows), so that a restart goes on counting the same window instead of starting with a full budget.
import { z } from 'zod';
import type { RateBudgetStore } from '../store';
import type { SqliteConnection } from './connection';

const atRow = z.object({ at_ms: z.number() });

export class SqliteRateBudgetStore implements RateBudgetStore {
  constructor(private readonly connection: SqliteConnection) {}

  recentSends(sinceMs: number): number[] {
    return this.connection
      .sql('SELECT at_ms FROM rate_budget_sends WHERE at_ms >= ? ORDER BY at_ms')
      .all(sinceMs)
      .map((raw) => atRow.parse(raw).at_ms);
  }

  recordSend(atMs: number, forgetBeforeMs: number): void {
    this.connection.transaction(() => {
      this.connection.sql('DELETE FROM rate_budget_sends WHERE at_ms < ?').run(forgetBeforeMs);
      this.connection.sql('INSERT INTO rate_budget_sends (at_ms) VALUES (?)').run(atMs);
    });
  }
}
