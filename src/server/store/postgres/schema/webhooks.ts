// PostgreSQL tables of the webhook log: raw events (deduped), the quarantine, per-campaign webhook times.
export const WEBHOOK_TABLES = `
  CREATE TABLE webhook_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedupe_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    campaign_id TEXT,
    received_at TEXT NOT NULL,
    received_at_ms BIGINT,
    raw_body TEXT NOT NULL
  );
  CREATE INDEX webhook_events_by_arrival ON webhook_events (received_at_ms);

  CREATE TABLE webhook_quarantine (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedupe_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    campaign_id TEXT,
    received_at TEXT NOT NULL,
    received_at_ms BIGINT,
    raw_body TEXT NOT NULL,
    call_sid TEXT,
    number TEXT
  );
  CREATE INDEX webhook_quarantine_by_arrival ON webhook_quarantine (received_at_ms);

  CREATE TABLE campaign_webhook_times (
    campaign_id TEXT PRIMARY KEY,
    last_at TEXT NOT NULL,
    last_at_ms BIGINT NOT NULL,
    first_at_ms BIGINT
  );
`;
