// The counters table: named running totals (malformed records, webhook counts, the contact search sequence) and
// the CounterStore port over the malformed-records count.
import { z } from 'zod';
import type { CounterStore } from '../store';
import type { SqliteConnection } from './connection';

export const COUNTER = {
  malformed: 'malformed_records',
  accepted: 'webhooks_accepted',
  duplicate: 'webhooks_duplicate',
  rejected: 'webhooks_rejected',
  lastWebhook: 'webhook_last_at',
  contactSearchSeq: 'contact_search_seq',
} as const;

const counterRow = z.object({ name: z.string(), value: z.number() });
const nextRow = z.object({ n: z.number() });

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
}
