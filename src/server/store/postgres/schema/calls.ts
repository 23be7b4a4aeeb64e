// PostgreSQL tables of calls, contacts (with a trigram index for substring search, pg_trgm) and uploaded contact
// metadata. Column meanings as in the SQLite migrations; calls.id plays SQLite's rowid (kept across updates).
// Numbers, names and number keys are COLLATE "C": sorts and keyset pages compare bytes, as SQLite does, whatever
// the cluster's locale (and lower() then folds ASCII only, like SQLite's NOCASE).
export const CALL_TABLES = `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  CREATE TABLE calls (
    id BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    call_sid TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL,
    number TEXT COLLATE "C" NOT NULL,
    name TEXT,
    status TEXT NOT NULL,
    status_rank INTEGER NOT NULL,
    date_created TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    duration_sec DOUBLE PRECISION,
    price DOUBLE PRECISION,
    attempt_number INTEGER,
    recording_url TEXT,
    digits TEXT,
    from_sync BOOLEAN NOT NULL DEFAULT FALSE,
    from_webhook BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TEXT NOT NULL,
    -- The campaign's write number when this row was last written (postgres/report-rows.ts).
    write_seq BIGINT NOT NULL DEFAULT 0
  );
  CREATE INDEX calls_by_campaign_write ON calls (campaign_id, write_seq);

  -- Each campaign's write sequence: taken under the campaign's write lock, so its order is commit order. moved_seq:
  -- the last write that moved a call out of the campaign.
  CREATE TABLE campaign_call_writes (
    campaign_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    moved_seq BIGINT NOT NULL DEFAULT 0
  );
  CREATE INDEX calls_by_campaign_number ON calls (campaign_id, number);
  CREATE INDEX calls_by_campaign_time ON calls (campaign_id, at_ms, id);

  CREATE TABLE contacts (
    campaign_id TEXT NOT NULL,
    number TEXT COLLATE "C" NOT NULL,
    number_digits TEXT NOT NULL,
    number_key TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C",
    final_status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_duration_sec DOUBLE PRECISION,
    first_call_at BIGINT NOT NULL,
    last_call_at BIGINT NOT NULL,
    -- Lower-cased "digits<US>name", for substring search through the trigram index.
    search_text TEXT NOT NULL,
    PRIMARY KEY (campaign_id, number)
  );
  CREATE INDEX contacts_by_last_call ON contacts (campaign_id, last_call_at, number);
  -- Name sorts put contacts without a name last in both directions, so each direction has its own index. INCLUDE
  -- (name): PostgreSQL scans an expression index without reading the table only when the column itself is in it.
  CREATE INDEX contacts_by_name_asc ON contacts (campaign_id, (name IS NULL), lower(name), number) INCLUDE (name);
  CREATE INDEX contacts_by_name_desc ON contacts (campaign_id, (name IS NULL), lower(name) DESC, number DESC) INCLUDE (name);
  CREATE INDEX contacts_by_attempts ON contacts (campaign_id, attempts, number);
  CREATE INDEX contacts_by_status ON contacts (campaign_id, final_status, last_call_at, number);
  CREATE INDEX contacts_by_number_key ON contacts (number_key, campaign_id);
  CREATE INDEX contacts_search ON contacts USING gin (search_text gin_trgm_ops);

  CREATE TABLE contact_metadata (
    campaign_id TEXT NOT NULL,
    number_key TEXT COLLATE "C" NOT NULL,
    number TEXT NOT NULL,
    name TEXT,
    email TEXT,
    tags_json TEXT NOT NULL,
    revenue DOUBLE PRECISION,
    metadata_json TEXT NOT NULL,
    search_text TEXT NOT NULL,
    PRIMARY KEY (campaign_id, number_key)
  );
  CREATE INDEX contact_metadata_search ON contact_metadata USING gin (search_text gin_trgm_ops);

  CREATE TABLE contact_tags (
    campaign_id TEXT NOT NULL,
    tag_key TEXT NOT NULL,
    number_key TEXT NOT NULL,
    PRIMARY KEY (campaign_id, tag_key, number_key)
  );

  CREATE TABLE contact_metadata_uploads (
    campaign_id TEXT PRIMARY KEY,
    columns_json TEXT NOT NULL,
    rows INTEGER NOT NULL,
    uploaded_at TEXT NOT NULL
  );
`;
