// The SQLite schema as a numbered list of migrations, applied in order and recorded in schema_migrations (and
// PRAGMA user_version). A later change is a new entry at the end: old entries are never edited once released.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'campaigns, calls, contacts, sync state',
    sql: `
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
        date_created_ms INTEGER,
        date_updated TEXT,
        polled_at TEXT NOT NULL
      );

      -- One row per stats change, for trends.
      CREATE TABLE campaign_stats_history (
        campaign_id TEXT NOT NULL,
        at TEXT NOT NULL,
        stats_json TEXT NOT NULL
      );
      CREATE INDEX campaign_stats_history_by_campaign ON campaign_stats_history (campaign_id, at);

      -- Grows with every write that touches a campaign; kept apart from campaigns so that calls, sync state and
      -- webhooks of a campaign not yet listed still move it.
      CREATE TABLE campaign_versions (
        campaign_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE calls (
        call_sid TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL,
        number TEXT NOT NULL,
        name TEXT,
        status TEXT NOT NULL,
        -- 0 in-progress from a webhook, 1 in-progress from sync, 2 final from a webhook, 3 final from sync.
        status_rank INTEGER NOT NULL,
        date_created TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        start_time TEXT,
        end_time TEXT,
        duration_sec REAL,
        price REAL,
        attempt_number INTEGER,
        recording_url TEXT,
        digits TEXT,
        from_sync INTEGER NOT NULL DEFAULT 0,
        from_webhook INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      -- Covers reportCalls and countCalls (no table lookups for 200,000 rows) and the per-number fold of contacts.
      CREATE INDEX calls_by_campaign_number ON calls
        (campaign_id, number, status, at_ms, duration_sec, price, attempt_number, name, from_sync, from_webhook);

      CREATE TABLE contacts (
        campaign_id TEXT NOT NULL,
        number TEXT NOT NULL,
        -- The number's digits only, so "98765" and "+91 98765" both find +919876543210.
        number_digits TEXT NOT NULL,
        -- The last ten digits: how a webhook's number, in whatever format, finds its campaigns.
        number_key TEXT NOT NULL,
        name TEXT,
        final_status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        last_duration_sec REAL,
        first_call_at INTEGER NOT NULL,
        last_call_at INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, number)
      ) WITHOUT ROWID;
      CREATE INDEX contacts_by_last_call ON contacts (campaign_id, last_call_at, number);
      -- Name sorts put contacts without a name last in both directions, so each direction has its own index.
      CREATE INDEX contacts_by_name_asc ON contacts (campaign_id, name IS NULL, name COLLATE NOCASE, number);
      CREATE INDEX contacts_by_name_desc ON contacts (campaign_id, name IS NULL, name COLLATE NOCASE DESC, number DESC);
      CREATE INDEX contacts_by_attempts ON contacts (campaign_id, attempts, number);
      CREATE INDEX contacts_by_status ON contacts (campaign_id, final_status, last_call_at, number);
      CREATE INDEX contacts_by_number_key ON contacts (number_key, campaign_id);

      CREATE TABLE sync_state (
        campaign_id TEXT PRIMARY KEY,
        high_water_offset INTEGER NOT NULL,
        calls_expected INTEGER,
        last_polled_at TEXT,
        last_full_pass_at TEXT
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'webhook events, quarantine, counters',
    sql: `
      CREATE TABLE webhook_events (
        id INTEGER PRIMARY KEY,
        dedupe_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        campaign_id TEXT,
        received_at TEXT NOT NULL,
        raw_body TEXT NOT NULL
      );

      CREATE TABLE webhook_quarantine (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        dedupe_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        campaign_id TEXT,
        received_at TEXT NOT NULL,
        raw_body TEXT NOT NULL,
        call_sid TEXT,
        number TEXT
      );

      CREATE TABLE campaign_webhook_times (
        campaign_id TEXT PRIMARY KEY,
        last_at TEXT NOT NULL,
        last_at_ms INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- Named counts (malformed records, webhooks accepted/duplicate/rejected) and markers (last webhook time).
      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL DEFAULT 0,
        text_value TEXT
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'trigram contact search, covering sort indexes',
    sql: `
      -- Substring search over 100,000 contacts without a scan: a trigram index over "digits<US>name". The
      -- contact's search_id is the index's rowid (contacts has no rowid of its own).
      ALTER TABLE contacts ADD COLUMN search_id INTEGER;
      CREATE VIRTUAL TABLE contact_search USING fts5(text, tokenize = 'trigram', content = '', contentless_delete = 1);
      UPDATE contacts SET search_id = numbered.n
        FROM (SELECT campaign_id, number, row_number() OVER (ORDER BY campaign_id, number) AS n FROM contacts) AS numbered
        WHERE contacts.campaign_id = numbered.campaign_id AND contacts.number = numbered.number;
      INSERT INTO contact_search (rowid, text)
        SELECT search_id, number_digits || char(31) || COALESCE(name, '') FROM contacts;
      INSERT INTO counters (name, value) SELECT 'contact_search_seq', COALESCE(MAX(search_id), 0) FROM contacts;
      CREATE INDEX contacts_by_search_id ON contacts (campaign_id, search_id);

      -- Sort indexes that also carry the status, so a page at a deep offset is found from the index alone.
      DROP INDEX contacts_by_last_call;
      DROP INDEX contacts_by_name_asc;
      DROP INDEX contacts_by_name_desc;
      DROP INDEX contacts_by_attempts;
      CREATE INDEX contacts_by_last_call ON contacts (campaign_id, last_call_at, number, final_status);
      CREATE INDEX contacts_by_name_asc ON contacts (campaign_id, name IS NULL, name COLLATE NOCASE, number, final_status);
      CREATE INDEX contacts_by_name_desc ON contacts (campaign_id, name IS NULL, name COLLATE NOCASE DESC, number DESC, final_status);
      CREATE INDEX contacts_by_attempts ON contacts (campaign_id, attempts, number, final_status);
    `,
  },
  {
    version: 4,
    name: 'covering index for search matches',
    sql: `
      -- A search's matches are filtered by status and sorted without reading each contact's row.
      DROP INDEX contacts_by_search_id;
      CREATE INDEX contacts_by_search_id ON contacts (campaign_id, search_id, final_status, last_call_at, number, attempts, name);
    `,
  },
  {
    version: 5,
    name: 'first webhook time per campaign; webhook events by arrival time',
    sql: `
      -- Webhook coverage counts only calls made after a campaign's webhooks began to arrive. Older rows know only
      -- their last webhook time, the best start there is for them.
      ALTER TABLE campaign_webhook_times ADD COLUMN first_at_ms INTEGER;
      UPDATE campaign_webhook_times SET first_at_ms = last_at_ms;

      -- Raw webhook events are kept for a retention period, then pruned by arrival time.
      ALTER TABLE webhook_events ADD COLUMN received_at_ms INTEGER;
      UPDATE webhook_events SET received_at_ms = CAST(strftime('%s', received_at) AS INTEGER) * 1000;
      CREATE INDEX webhook_events_by_arrival ON webhook_events (received_at_ms);
    `,
  },
  {
    version: 6,
    name: 'access: users, sessions, share links and their opens, displays, audit log',
    sql: `
      -- Times are epoch milliseconds. Tokens (sessions, share links, displays) are stored only as SHA-256 hex;
      -- each row has its own random id, which is what the admin API and the logs name.
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'manager')),
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        -- The absolute end; the idle end is last_seen_at plus the idle lifetime.
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);

      CREATE TABLE share_links (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        campaign_ids_json TEXT NOT NULL,
        pii TEXT NOT NULL CHECK (pii IN ('masked', 'full')),
        contacts INTEGER NOT NULL CHECK (contacts IN (0, 1)),
        label TEXT,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        rotated_at INTEGER,
        last_opened_at INTEGER,
        opens INTEGER NOT NULL DEFAULT 0
      );

      -- Each open of a share link: the address only as its network (/24, /48), the user agent cut short.
      CREATE TABLE share_link_opens (
        id INTEGER PRIMARY KEY,
        link_id TEXT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        address TEXT,
        user_agent TEXT
      );
      CREATE INDEX share_link_opens_by_link ON share_link_opens (link_id, at);

      CREATE TABLE displays (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        -- A JSON array of campaign ids, or the JSON string "active".
        campaign_scope_json TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER,
        revoked_at INTEGER,
        rotated_at INTEGER,
        last_contact_at INTEGER,
        app_version TEXT,
        -- Raised by "reload": the display compares it with the one it loaded and reloads itself when it grew.
        reload_generation INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        details_json TEXT
      );
      CREATE INDEX audit_log_by_time ON audit_log (at);
    `,
  },
  {
    version: 7,
    name: 'hardening: rate budget sends, quarantine deduped and dated, unreadable call records per campaign',
    sql: `
      -- When each recent Exotel request went, so that a restart keeps counting the same 60 s window.
      CREATE TABLE rate_budget_sends (
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX rate_budget_sends_by_time ON rate_budget_sends (at_ms);

      -- A repeated delivery waits in quarantine once; rows are pruned by arrival time.
      DELETE FROM webhook_quarantine WHERE id NOT IN (SELECT MIN(id) FROM webhook_quarantine GROUP BY dedupe_key);
      CREATE UNIQUE INDEX webhook_quarantine_by_dedupe_key ON webhook_quarantine (dedupe_key);
      ALTER TABLE webhook_quarantine ADD COLUMN received_at_ms INTEGER;
      UPDATE webhook_quarantine SET received_at_ms = CAST(strftime('%s', received_at) AS INTEGER) * 1000;
      CREATE INDEX webhook_quarantine_by_arrival ON webhook_quarantine (received_at_ms);

      -- Call-details rows Exotel sent that could not be read, by their place in the campaign's list (oldest first),
      -- so a re-read of the same rows counts them once and a row read fine later stops counting.
      CREATE TABLE malformed_call_records (
        campaign_id TEXT NOT NULL,
        row_offset INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, row_offset)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    name: 'contact metadata and tags; calls by time for exports',
    sql: `
      -- What an uploaded sheet says of each contact, keyed by the ten-digit national number (contacts.number_key),
      -- so it applies to a contact whatever form Exotel wrote its number in. A re-upload replaces a campaign's rows.
      CREATE TABLE contact_metadata (
        campaign_id TEXT NOT NULL,
        number_key TEXT NOT NULL,
        number TEXT NOT NULL,
        name TEXT,
        email TEXT,
        tags_json TEXT NOT NULL,
        revenue REAL,
        metadata_json TEXT NOT NULL,
        -- Lower-cased digits, name, email and tags, for the contact search.
        search_text TEXT NOT NULL,
        PRIMARY KEY (campaign_id, number_key)
      ) WITHOUT ROWID;

      CREATE TABLE contact_tags (
        campaign_id TEXT NOT NULL,
        tag_key TEXT NOT NULL,
        number_key TEXT NOT NULL,
        PRIMARY KEY (campaign_id, tag_key, number_key)
      ) WITHOUT ROWID;

      -- The last upload of each campaign: its metadata columns in the sheet's order (the export's column order).
      CREATE TABLE contact_metadata_uploads (
        campaign_id TEXT PRIMARY KEY,
        columns_json TEXT NOT NULL,
        rows INTEGER NOT NULL,
        uploaded_at TEXT NOT NULL
      ) WITHOUT ROWID;

      -- The calls export pages through a campaign's attempts in time order.
      CREATE INDEX calls_by_campaign_time ON calls (campaign_id, at_ms);
    `,
  },
  {
    version: 9,
    name: 'contacts counted per campaign and final status; name sorts within a status',
    sql: `
      -- The contact list's total (all of a campaign's contacts, or those of one status) is read from here instead of
      -- being counted over 100,000 index entries per request. Triggers keep it, so no writer can forget to.
      CREATE TABLE contact_counts (
        campaign_id TEXT NOT NULL,
        final_status TEXT NOT NULL,
        contacts INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, final_status)
      ) WITHOUT ROWID;
      INSERT INTO contact_counts (campaign_id, final_status, contacts)
        SELECT campaign_id, final_status, COUNT(*) FROM contacts GROUP BY campaign_id, final_status;
      CREATE TRIGGER contact_counts_after_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contact_counts (campaign_id, final_status, contacts) VALUES (new.campaign_id, new.final_status, 1)
          ON CONFLICT (campaign_id, final_status) DO UPDATE SET contacts = contacts + 1;
      END;
      CREATE TRIGGER contact_counts_after_delete AFTER DELETE ON contacts BEGIN
        UPDATE contact_counts SET contacts = contacts - 1 WHERE campaign_id = old.campaign_id AND final_status = old.final_status;
      END;
      CREATE TRIGGER contact_counts_after_update AFTER UPDATE OF campaign_id, final_status ON contacts
        WHEN old.campaign_id IS NOT new.campaign_id OR old.final_status IS NOT new.final_status BEGIN
        UPDATE contact_counts SET contacts = contacts - 1 WHERE campaign_id = old.campaign_id AND final_status = old.final_status;
        INSERT INTO contact_counts (campaign_id, final_status, contacts) VALUES (new.campaign_id, new.final_status, 1)
          ON CONFLICT (campaign_id, final_status) DO UPDATE SET contacts = contacts + 1;
      END;

      -- A status filter sorted by name reads its page from an index, instead of sorting every contact of the status.
      CREATE INDEX contacts_by_status_name_asc ON contacts (campaign_id, final_status, name IS NULL, name COLLATE NOCASE, number);
      CREATE INDEX contacts_by_status_name_desc ON contacts (campaign_id, final_status, name IS NULL, name COLLATE NOCASE DESC, number DESC);
    `,
  },
  {
    version: 10,
    name: 'revenue a manager entered per campaign',
    sql: `
      -- A manager's figure for the campaign's revenue, in whole paise (exact for two decimals). It wins over the
      -- uploaded sheet's revenue column; clearing it deletes the row. set_by is the user's email, as in the audit log.
      CREATE TABLE campaign_revenue (
        campaign_id TEXT PRIMARY KEY,
        paise INTEGER NOT NULL CHECK (paise >= 0),
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 11,
    name: 'sheet rows know whether their contact was dialled',
    sql: `
      -- A sheet row no call has reached is a pending contact. Every contact list and export of a campaign with a sheet
      -- counts them: looking each row up in contacts cost ~60 ms a request at 60,000 rows. The flag is kept by
      -- triggers on both tables (no writer can forget it), and the pending rows have an index of their own.
      ALTER TABLE contact_metadata ADD COLUMN dialled INTEGER NOT NULL DEFAULT 0;
      UPDATE contact_metadata SET dialled = 1
        WHERE EXISTS (SELECT 1 FROM contacts AS c WHERE c.number_key = contact_metadata.number_key AND c.campaign_id = contact_metadata.campaign_id);
      -- With the search text, a search among them reads the index alone (2 ms instead of 15 at 60,000 sheet rows).
      CREATE INDEX contact_metadata_pending ON contact_metadata (campaign_id, number_key, search_text) WHERE dialled = 0;
      CREATE TRIGGER contact_metadata_dialled_after_insert AFTER INSERT ON contact_metadata
        WHEN EXISTS (SELECT 1 FROM contacts AS c WHERE c.number_key = new.number_key AND c.campaign_id = new.campaign_id) BEGIN
        UPDATE contact_metadata SET dialled = 1 WHERE campaign_id = new.campaign_id AND number_key = new.number_key;
      END;
      CREATE TRIGGER contacts_mark_sheet_dialled AFTER INSERT ON contacts BEGIN
        UPDATE contact_metadata SET dialled = 1 WHERE campaign_id = new.campaign_id AND number_key = new.number_key AND dialled = 0;
      END;
      CREATE TRIGGER contacts_unmark_sheet_dialled AFTER DELETE ON contacts BEGIN
        UPDATE contact_metadata
          SET dialled = EXISTS (SELECT 1 FROM contacts AS c WHERE c.number_key = old.number_key AND c.campaign_id = old.campaign_id)
          WHERE campaign_id = old.campaign_id AND number_key = old.number_key;
      END;
      CREATE TRIGGER contacts_move_sheet_dialled AFTER UPDATE OF campaign_id, number_key ON contacts
        WHEN old.campaign_id IS NOT new.campaign_id OR old.number_key IS NOT new.number_key BEGIN
        UPDATE contact_metadata
          SET dialled = EXISTS (SELECT 1 FROM contacts AS c WHERE c.number_key = old.number_key AND c.campaign_id = old.campaign_id)
          WHERE campaign_id = old.campaign_id AND number_key = old.number_key;
        UPDATE contact_metadata SET dialled = 1 WHERE campaign_id = new.campaign_id AND number_key = new.number_key;
      END;
    `,
  },
];

/** Applies every migration newer than the database, each in its own transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const appliedRow: unknown = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get();
  const applied = readVersion(appliedRow);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  let current = applied;
  for (const migration of migrations) {
    if (migration.version <= applied) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    })();
    current = migration.version;
  }
  return current;
}

function readVersion(row: unknown): number {
  if (typeof row === 'object' && row !== null && 'v' in row && typeof row.v === 'number') return row.v;
  return 0;
}
