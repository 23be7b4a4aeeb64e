// PostgreSQL tables of access: users, sessions, share links and their opens, displays, the audit log. Times are
// epoch milliseconds; tokens are stored only as SHA-256 hex (see the SQLite migration 6).
export const ACCESS_TABLES = `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager')),
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);

  CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    campaign_ids_json TEXT NOT NULL,
    pii TEXT NOT NULL CHECK (pii IN ('masked', 'full')),
    contacts BOOLEAN NOT NULL,
    label TEXT,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    rotated_at BIGINT,
    last_opened_at BIGINT,
    opens INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE share_link_opens (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    link_id TEXT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
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
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT,
    rotated_at BIGINT,
    last_contact_at BIGINT,
    app_version TEXT,
    -- Raised by "reload": the display compares it with the one it loaded and reloads itself when it grew.
    reload_generation INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    details_json TEXT
  );
  CREATE INDEX audit_log_by_time ON audit_log (at);
`;
