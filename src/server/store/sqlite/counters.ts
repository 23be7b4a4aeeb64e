// The counters table: named running totals (malformed records, webhook counts, the contact search sequence) and
// the CounterStore port over the malformed-records count and the unreadable call-details rows of each campaign.
import { z } from 'zod';
import type { CounterStore } from '../store';
import { COUNTER } from '../counter-names';
import type { SqliteConnection } from './connection';

export { COUNTER };

const counterRow = z.object({ name: z.string(), value: z.number() });
const nextRow = z.object({ n: z.number() });
const countRow = z.object({ n: z.number() });

export class SqliteCounters implements CounterStore {
  constructor(private readonly connection: SqliteConnection) {}

  add(name: string, by: number): void {
    this.connection
      .sql('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value')
      .run(name, by);
  }

  /** Adds one and returns the new value (a sequence). */
  next(name: string): number {
    const row = this.connection
      .sql(
        `INSERT INTO counters (name, value) VALUES (?, 1)
         ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value AS n`,
      )
      .get(name);
    return nextRow.parse(row).n;
  }

  all(): Map<string, number> {
    return new Map(
      this.connection
        .sql('SELECT name, value FROM counters')
        .all()
        .map((raw) => {
          const row = counterRow.parse(raw);
          return [row.name, row.value] as const;
        }),
    );
  }

  noteMalformedRecords(count: number): void {
    if (count > 0) this.add(COUNTER.malformed, count);
  }

  malformedRecords(): number {
    return this.all().get(COUNTER.malformed) ?? 0;
  }

  noteUnreadableCallRecords(campaignId: string, from: number, to: number, unreadableOffsets: readonly number[]): void {
    const { connection } = this;
    connection.transaction(() => {
      const cleared = connection.sql('DELETE FROM malformed_call_records WHERE campaign_id = ? AND row_offset >= ? AND row_offset < ?').run(campaignId, from, to);
      const insert = connection.sql('INSERT OR IGNORE INTO malformed_call_records (campaign_id, row_offset) VALUES (?, ?)');
      let inserted = 0;
      for (const offset of unreadableOffsets) inserted += insert.run(campaignId, offset).changes;
      // The report is cached by the campaign's version: a changed count must reach it.
      if (cleared.changes !== inserted) connection.bumpVersion(campaignId);
    });
  }

  unreadableCallRecords(campaignId: string): number {
    return countRow.parse(this.connection.sql('SELECT COUNT(*) AS n FROM malformed_call_records WHERE campaign_id = ?').get(campaignId)).n;
  }
}
