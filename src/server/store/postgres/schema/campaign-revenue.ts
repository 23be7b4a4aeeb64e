// PostgreSQL table of the revenue a manager entered per campaign (PostgreSQL migration 2, SQLite migration 10):
// whole paise, who set it (their email) and when (ISO text).
export const CAMPAIGN_REVENUE_TABLES = `
  CREATE TABLE campaign_revenue (
    campaign_id TEXT PRIMARY KEY,
    paise BIGINT NOT NULL CHECK (paise >= 0),
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
  );
`;
