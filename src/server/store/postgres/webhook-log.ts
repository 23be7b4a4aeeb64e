// PostgreSQL side of the WebhookLog port: raw deliveries stored once (deduped, pruned after a week), their counts and
// times overall and per campaign, and the quarantine of events whose campaign is not known yet. Webhooks come in
// bursts, so a delivery is stored and counted in one statement.
import { z } from 'zod';
import type { WebhookHealth } from '../../../domain/api-schemas';
import { COUNTER } from '../counter-names';
import type { QuarantinedEvent, StoredWebhookEvent, WebhookLog } from '../store';
import { MAX_QUARANTINED, PRUNE_EVERY_EVENTS, PRUNE_QUARANTINE_EVERY, QUARANTINE_RETENTION_MS, WEBHOOK_EVENT_RETENTION_MS } from '../webhook-retention';
import { quarantinedEventFromRow } from '../webhook-rows';
import type { PgConnection } from './connection';
import type { PgCounters } from './counters';

const insertedRow = z.object({ inserted: z.boolean() });
const lastAtRow = z.object({ last_at: z.string() });
const healthRow = z.object({
  last_at: z.string().nullable(),
  accepted: z.number(),
  duplicate: z.number(),
  rejected: z.number(),
  quarantined: z.number(),
});

/**
 * Stores a delivery unless its dedupe key was seen; counts it as accepted or duplicate; moves the last webhook time
 * overall and of its campaign forward (never back: deliveries arrive out of order), and bumps the campaign's version
 * as PgConnection.bumpVersion does (here, to spare a round trip per delivery). Answers whether it was new.
 */
const RECORD_EVENT = `
  WITH inserted AS (
    INSERT INTO webhook_events (dedupe_key, kind, campaign_id, received_at, received_at_ms, raw_body)
    VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING campaign_id, received_at, received_at_ms
  ), counted AS (
    INSERT INTO counters (name, value) SELECT CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN $7 ELSE $8 END, 1
    ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
  ), latest AS (
    INSERT INTO counters (name, value, text_value)
    SELECT $9, received_at_ms, received_at FROM inserted WHERE received_at_ms IS NOT NULL
    ON CONFLICT (name) DO UPDATE SET value = excluded.value, text_value = excluded.text_value WHERE excluded.value > counters.value
  ), campaign_times AS (
    INSERT INTO campaign_webhook_times (campaign_id, last_at, last_at_ms, first_at_ms)
    SELECT campaign_id, received_at, received_at_ms, received_at_ms FROM inserted WHERE campaign_id IS NOT NULL AND received_at_ms IS NOT NULL
    ON CONFLICT (campaign_id) DO UPDATE SET
      last_at = CASE WHEN excluded.last_at_ms > campaign_webhook_times.last_at_ms THEN excluded.last_at ELSE campaign_webhook_times.last_at END,
      last_at_ms = GREATEST(campaign_webhook_times.last_at_ms, excluded.last_at_ms),
      first_at_ms = LEAST(COALESCE(campaign_webhook_times.first_at_ms, excluded.first_at_ms), excluded.first_at_ms)
  ), bumped AS (
    INSERT INTO campaign_versions (campaign_id, version) SELECT campaign_id, 1 FROM inserted WHERE campaign_id IS NOT NULL
    ON CONFLICT (campaign_id) DO UPDATE SET version = campaign_versions.version + 1
  )
  SELECT EXISTS (SELECT 1 FROM inserted) AS inserted`;

export class PgWebhookLog implements WebhookLog {
  private eventsSincePrune = 0;
  private quarantinedSincePrune = 0;

  constructor(
    private readonly connection: PgConnection,
    private readonly counters: PgCounters,
  ) {}

  /**
   * Deletes raw webhook events that arrived before `beforeMs`; returns how many. Exotel repeats a delivery within
   * minutes, so a week of raw events dedupes every repeat and leaves time to look into a bad day.
   */
  pruneWebhookEvents(beforeMs: number): number {
    return this.connection.run('DELETE FROM webhook_events WHERE received_at_ms < $1', [beforeMs]);
  }

  recordWebhookEvent(event: StoredWebhookEvent): boolean {
    const { connection } = this;
    return connection.transaction(() => {
      const ms = Date.parse(event.receivedAt);
      const receivedAtMs = Number.isNaN(ms) ? null : ms;
      const { inserted } = insertedRow.parse(
        connection.get(RECORD_EVENT, [
          event.dedupeKey,
          event.kind,
          event.campaignId,
          event.receivedAt,
          receivedAtMs,
          event.rawBody,
          COUNTER.accepted,
          COUNTER.duplicate,
          COUNTER.lastWebhook,
        ]),
      );
      if (!inserted) return false;
      if (++this.eventsSincePrune >= PRUNE_EVERY_EVENTS && receivedAtMs !== null) {
        this.eventsSincePrune = 0;
        this.pruneWebhookEvents(receivedAtMs - WEBHOOK_EVENT_RETENTION_MS);
      }
      return true;
    });
  }

  lastWebhookAt(campaignId: string): string | null {
    const row = this.connection.get('SELECT last_at FROM campaign_webhook_times WHERE campaign_id = $1', [campaignId]);
    return row === undefined ? null : lastAtRow.parse(row).last_at;
  }

  quarantine(event: Omit<QuarantinedEvent, 'id'>): boolean {
    const ms = Date.parse(event.receivedAt);
    // A repeated delivery of an event already waiting is the same event: one row.
    const inserted = this.connection.run(
      `INSERT INTO webhook_quarantine (dedupe_key, kind, campaign_id, received_at, received_at_ms, raw_body, call_sid, number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING`,
      [event.dedupeKey, event.kind, event.campaignId, event.receivedAt, Number.isNaN(ms) ? null : ms, event.rawBody, event.callSid, event.number],
    );
    if (inserted > 0 && ++this.quarantinedSincePrune >= PRUNE_QUARANTINE_EVERY) {
      this.quarantinedSincePrune = 0;
      this.pruneQuarantine(Number.isNaN(ms) ? Date.now() : ms);
    }
    return inserted > 0;
  }

  /** Drops quarantined events older than the retention, and the oldest beyond the bound; returns how many. */
  pruneQuarantine(nowMs: number, maxRows = MAX_QUARANTINED): number {
    const { connection } = this;
    return connection.transaction(() => {
      const expired = connection.run('DELETE FROM webhook_quarantine WHERE received_at_ms < $1', [nowMs - QUARANTINE_RETENTION_MS]);
      const beyondBound = connection.run(
        'DELETE FROM webhook_quarantine WHERE id <= (SELECT id FROM webhook_quarantine ORDER BY id DESC LIMIT 1 OFFSET $1)',
        [maxRows],
      );
      return expired + beyondBound;
    });
  }

  listQuarantined(limit: number, afterId = 0): QuarantinedEvent[] {
    return this.connection.all('SELECT * FROM webhook_quarantine WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit]).map(quarantinedEventFromRow);
  }

  releaseQuarantined(id: number): void {
    this.connection.run('DELETE FROM webhook_quarantine WHERE id = $1', [id]);
  }

  webhookHealth(): WebhookHealth {
    const counter = (param: string) => `COALESCE((SELECT value FROM counters WHERE name = ${param}), 0)`;
    const row = healthRow.parse(
      this.connection.get(
        `SELECT (SELECT text_value FROM counters WHERE name = $1) AS last_at, ${counter('$2')} AS accepted,
           ${counter('$3')} AS duplicate, ${counter('$4')} AS rejected, (SELECT COUNT(*) FROM webhook_quarantine)::integer AS quarantined`,
        [COUNTER.lastWebhook, COUNTER.accepted, COUNTER.duplicate, COUNTER.rejected],
      ),
    );
    return { lastAt: row.last_at, accepted: row.accepted, duplicate: row.duplicate, rejected: row.rejected, quarantined: row.quarantined };
  }

  noteWebhookRejected(): void {
    this.counters.add(COUNTER.rejected, 1);
  }
}
