// PostgreSQL side of the counters table: named running totals (malformed records, webhook counts), and the
// CounterStore port over the malformed-records count and the unreadable call-details rows of each campaign.
import { z } from 'zod';
import { COUNTER } from '../counter-names';
import type { CounterStore } from '../store';
import type { PgConnection } from './connection';

const countRow = z.object({ n: z.number() });
const offsetsChangedRow = z.object({ cleared: z.number(), inserted: z.number() });

export class PgCounters implements CounterStore {
  constructor(private readonly connection: PgConnection) {}

  add(name: string, by: number): void {
    this.connection.run(
      `INSERT INTO counters (name, value) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value`,
      [name, by],
    );
  }

  noteMalformedRecords(count: number): void {
    if (count > 0) this.add(COUNTER.malformed, count);
  }

  malformedRecords(): number {
    const row = this.connection.get('SELECT value AS n FROM counters WHERE name = $1', [COUNTER.malformed]);
    return row === undefined ? 0 : countRow.parse(row).n;
  }

  noteUnreadableCallRecords(campaignId: string, from: number, to: number, unreadableOffsets: readonly number[]): void {
    const { connection } = this;
    connection.transaction(() => {
      // One statement: forget the rows of [from, to) that read fine this time, and note the unreadable ones.
      const changed = offsetsChangedRow.parse(
        connection.get(
          `WITH unreadable AS (
             SELECT DISTINCT value::integer AS row_offset FROM jsonb_array_elements_text($4::jsonb)
           ), cleared AS (
             DELETE FROM malformed_call_records
             WHERE campaign_id = $1::text AND row_offset >= $2 AND row_offset < $3 AND row_offset NOT IN (SELECT row_offset FROM unreadable)
             RETURNING row_offset
           ), inserted AS (
             INSERT INTO malformed_call_records (campaign_id, row_offset) SELECT $1::text, row_offset FROM unreadable
             ON CONFLICT DO NOTHING RETURNING row_offset
           )
           SELECT (SELECT COUNT(*) FROM cleared)::integer AS cleared, (SELECT COUNT(*) FROM inserted)::integer AS inserted`,
          [campaignId, from, to, JSON.stringify(unreadableOffsets)],
        ),
      );
      // The report is cached by the campaign's version: a changed count must reach it (the same rule as SQLite's,
      // whose clear-then-insert moves the count exactly when this one does).
      if (changed.cleared !== changed.inserted) connection.bumpVersion(campaignId);
    });
  }

  unreadableCallRecords(campaignId: string): number {
    return countRow.parse(this.connection.get('SELECT COUNT(*)::integer AS n FROM malformed_call_records WHERE campaign_id = $1', [campaignId])).n;
  }
}
