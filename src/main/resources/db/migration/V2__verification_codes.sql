-- At most one active one-time code per phone; a new code replaces the old one.
CREATE TABLE verification_codes (
    phone      TEXT PRIMARY KEY,
    code_hash  TEXT NOT NULL,
    salt       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0
);
