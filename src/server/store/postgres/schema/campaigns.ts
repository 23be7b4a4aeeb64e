// PostgreSQL tables of campaigns, their versions, sync state, counters and the rate budget (see the SQLite
// migrations for what each column means; times are ISO text or epoch milliseconds as there).
export const CAMPAIGN_TABLES = `
  CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    stats_json TEXT NOT NULL,
    caller_id TEXT,
    retries_json TEXT,
    send_at TEXT,
    end_at TEXT,
    date_created TEXT,
    date_created_ms BIGINT,
    date_updated TEXT,
    polled_at TEXT NOT NULL
  );

  CREATE TABLE campaign_stats_history (
    campaign_id TEXT NOT NULL,
    at TEXT NOT NULL,
    stats_json TEXT NOT NULL
  );
  CREATE INDEX campaign_stats_history_by_campaign ON campaign_stats_history (campaign_id, at);

  CREATE TABLE campaign_versions (
    campaign_id TEXT PRIMARY KEY,
    version BIGINT NOT NULL
  );

  CREATE TABLE sync_state (
    campaign_id TEXT PRIMARY KEY,
    high_water_offset INTEGER NOT NULL,
    calls_expected INTEGER,
    last_polled_at TEXT,
    last_full_pass_at TEXT
  );

  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL DEFAULT 0,
    text_value TEXT
  );

  CREATE TABLE rate_budget_sends (
    at_ms BIGINT NOT NULL
  );
  CREATE INDEX rate_budget_sends_by_time ON rate_budget_sends (at_ms);

  CREATE TABLE malformed_call_records (
    campaign_id TEXT NOT NULL,
    row_offset INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, row_offset)
  );
`;
