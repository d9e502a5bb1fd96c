-- Times are Unix epoch milliseconds (UTC); phone numbers are E.164 strings.

CREATE TABLE phones (
    e164        TEXT PRIMARY KEY,
    label       TEXT,
    verified_at INTEGER,
    created_at  INTEGER NOT NULL
);

-- Numbers that texted STOP or that Twilio reported as opted out (error 21610); they may not be phones of ours.
CREATE TABLE opt_outs (
    e164         TEXT PRIMARY KEY,
    opted_out_at INTEGER NOT NULL,
    source       TEXT NOT NULL
);

CREATE TABLE storage_accounts (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    provider    TEXT NOT NULL,
    location    TEXT NOT NULL,
    credentials TEXT,
    created_at  INTEGER NOT NULL
);

CREATE TABLE grants (
    phone      TEXT NOT NULL REFERENCES phones (e164) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES storage_accounts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (phone, account_id)
);

-- One row per phone: where the texter is and how far the last listing was paged.
CREATE TABLE sessions (
    phone          TEXT PRIMARY KEY,
    account_id     INTEGER,
    folder_path    TEXT NOT NULL DEFAULT '[]',
    has_listing    INTEGER NOT NULL DEFAULT 0,
    listing_cursor TEXT,
    listing_skip   INTEGER NOT NULL DEFAULT 0,
    listing_shown  INTEGER NOT NULL DEFAULT 0,
    listing_done   INTEGER NOT NULL DEFAULT 0,
    last_command   TEXT,
    updated_at     INTEGER NOT NULL
);

-- The entries the texter has been shown since the last listing started, by the number shown.
CREATE TABLE listing_items (
    phone    TEXT NOT NULL,
    position INTEGER NOT NULL,
    entry_id TEXT NOT NULL,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    size     INTEGER,
    modified INTEGER,
    PRIMARY KEY (phone, position)
) WITHOUT ROWID;

CREATE TABLE messages (
    id          INTEGER PRIMARY KEY,
    message_sid TEXT UNIQUE,
    direction   TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    phone       TEXT NOT NULL,
    body        TEXT NOT NULL,
    status      TEXT NOT NULL,
    purpose     TEXT,
    requested_by TEXT,
    reply_to    INTEGER REFERENCES messages (id),
    form        TEXT,
    error_code  INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX messages_by_phone ON messages (phone, created_at);
CREATE INDEX messages_by_reply ON messages (reply_to);
CREATE INDEX messages_by_requester ON messages (requested_by, created_at);

CREATE TABLE links (
    token      TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES storage_accounts (id) ON DELETE CASCADE,
    file_id    TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    phone      TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    downloads  INTEGER NOT NULL DEFAULT 0
);

-- When each unregistered number was last told so, to send that notice at most once an hour.
CREATE TABLE unregistered_notices (
    phone        TEXT PRIMARY KEY,
    last_sent_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT,
    detail  TEXT
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
