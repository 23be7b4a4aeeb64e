// SQLite side of the WebhookLog port: raw deliveries stored once (deduped, pruned after a week), their counts and
// times overall and per campaign, and the quarantine of events whose campaign is not known yet.
import { z } from 'zod';
import type { WebhookHealth } from '../../../domain/api-schemas';
import { COUNTER } from '../counter-names';
import type { QuarantinedEvent, StoredWebhookEvent, WebhookLog } from '../store';
import { MAX_QUARANTINED, PRUNE_EVERY_EVENTS, PRUNE_QUARANTINE_EVERY, QUARANTINE_RETENTION_MS, WEBHOOK_EVENT_RETENTION_MS } from '../webhook-retention';
import { quarantinedEventFromRow } from '../webhook-rows';
import type { SqliteConnection } from './connection';
import type { SqliteCounters } from './counters';

const countRow = z.object({ n: z.number() });
const textValueRow = z.object({ text_value: z.string().nullable() });
const lastAtRow = z.object({ last_at: z.string() });

export class SqliteWebhookLog implements WebhookLog {
  private eventsSincePrune = 0;
  private quarantinedSincePrune = 0;

  constructor(
    private readonly connection: SqliteConnection,
    private readonly counters: SqliteCounters,
  ) {}

  /**
   * Deletes raw webhook events that arrived before `beforeMs`; returns how many. Exotel repeats a delivery within
   * minutes, so a week of raw events dedupes every repeat and leaves time to look into a bad day.
   */
  pruneWebhookEvents(beforeMs: number): number {
    return this.connection.sql('DELETE FROM webhook_events WHERE received_at_ms < ?').run(beforeMs).changes;
  }

  recordWebhookEvent(event: StoredWebhookEvent): boolean {
    const { connection, counters } = this;
    return connection.transaction(() => {
      const ms = Date.parse(event.receivedAt);
      const inserted = connection
        .sql('INSERT OR IGNORE INTO webhook_events (dedupe_key, kind, campaign_id, received_at, received_at_ms, raw_body) VALUES (?, ?, ?, ?, ?, ?)')
        .run(event.dedupeKey, event.kind, event.campaignId, event.receivedAt, Number.isNaN(ms) ? null : ms, event.rawBody);
      if (inserted.changes === 0) {
        counters.add(COUNTER.duplicate, 1);
        return false;
      }
      counters.add(COUNTER.accepted, 1);
      if (++this.eventsSincePrune >= PRUNE_EVERY_EVENTS && !Number.isNaN(ms)) {
        this.eventsSincePrune = 0;
        this.pruneWebhookEvents(ms - WEBHOOK_EVENT_RETENTION_MS);
      }
      if (!Number.isNaN(ms)) {
        connection
          .sql(
            `INSERT INTO counters (name, value, text_value) VALUES (?, ?, ?)
           ON CONFLICT(name) DO UPDATE SET value = excluded.value, text_value = excluded.text_value WHERE excluded.value > counters.value`,
          )
          .run(COUNTER.lastWebhook, ms, event.receivedAt);
        if (event.campaignId !== null) {
          connection
            .sql(
              `INSERT INTO campaign_webhook_times (campaign_id, last_at, last_at_ms, first_at_ms) VALUES (?, ?, ?, ?)
             ON CONFLICT(campaign_id) DO UPDATE SET
               last_at = CASE WHEN excluded.last_at_ms > last_at_ms THEN excluded.last_at ELSE last_at END,
               last_at_ms = MAX(last_at_ms, excluded.last_at_ms),
               first_at_ms = MIN(COALESCE(first_at_ms, excluded.first_at_ms), excluded.first_at_ms)`,
            )
            .run(event.campaignId, event.receivedAt, ms, ms);
        }
      }
      if (event.campaignId !== null) connection.bumpVersion(event.campaignId);
      return true;
    });
  }

  lastWebhookAt(campaignId: string): string | null {
    const row = this.connection.sql('SELECT last_at FROM campaign_webhook_times WHERE campaign_id = ?').get(campaignId);
    return row === undefined ? null : lastAtRow.parse(row).last_at;
  }

  quarantine(event: Omit<QuarantinedEvent, 'id'>): boolean {
    const { connection } = this;
    const ms = Date.parse(event.receivedAt);
    // A repeated delivery of an event already waiting is the same event: one row.
    const inserted = connection
      .sql(
        `INSERT OR IGNORE INTO webhook_quarantine (dedupe_key, kind, campaign_id, received_at, received_at_ms, raw_body, call_sid, number)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(event.dedupeKey, event.kind, event.campaignId, event.receivedAt, Number.isNaN(ms) ? null : ms, event.rawBody, event.callSid, event.number);
    if (inserted.changes > 0 && ++this.quarantinedSincePrune >= PRUNE_QUARANTINE_EVERY) {
      this.quarantinedSincePrune = 0;
      this.pruneQuarantine(Number.isNaN(ms) ? Date.now() : ms);
    }
    return inserted.changes > 0;
  }

  /** Drops quarantined events older than the retention, and the oldest beyond the bound; returns how many. */
  pruneQuarantine(nowMs: number, maxRows = MAX_QUARANTINED): number {
    const { connection } = this;
    return connection.transaction(() => {
      let dropped = connection.sql('DELETE FROM webhook_quarantine WHERE received_at_ms < ?').run(nowMs - QUARANTINE_RETENTION_MS).changes;
      dropped += connection
        .sql('DELETE FROM webhook_quarantine WHERE id <= (SELECT id FROM webhook_quarantine ORDER BY id DESC LIMIT 1 OFFSET ?)')
        .run(maxRows).changes;
      return dropped;
    });
  }

  listQuarantined(limit: number, afterId = 0): QuarantinedEvent[] {
    return this.connection
      .sql('SELECT * FROM webhook_quarantine WHERE id > ? ORDER BY id LIMIT ?')
      .all(afterId, limit)
      .map(quarantinedEventFromRow);
  }

  releaseQuarantined(id: number): void {
    this.connection.sql('DELETE FROM webhook_quarantine WHERE id = ?').run(id);
  }

  webhookHealth(): WebhookHealth {
    const counters = this.counters.all();
    const lastRow = this.connection.sql('SELECT text_value FROM counters WHERE name = ?').get(COUNTER.lastWebhook);
    const quarantined = countRow.parse(this.connection.sql('SELECT COUNT(*) AS n FROM webhook_quarantine').get()).n;
    return {
      lastAt: lastRow === undefined ? null : textValueRow.parse(lastRow).text_value,
      accepted: counters.get(COUNTER.accepted) ?? 0,
      duplicate: counters.get(COUNTER.duplicate) ?? 0,
      rejected: counters.get(COUNTER.rejected) ?? 0,
      quarantined,
    };
  }

  noteWebhookRejected(): void {
    this.counters.add(COUNTER.rejected, 1);
  }
}
