package dev.textdrive.storage;

import dev.textdrive.store.Database;
import dev.textdrive.store.Sql;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Download links: a random token stored with its file and expiry, never a path in the URL. */
public final class LinkStore {

    /** 18 random bytes are 144 bits, 24 characters of base64url. */
    private static final int TOKEN_BYTES = 18;

    private final Database database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LinkStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Stores a new link and returns its token. */
    public String create(long accountId, String fileId, String fileName, String phone, Instant expiresAt) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        database.update(connection -> Sql.update(connection,
                "INSERT INTO links (token, account_id, file_id, file_name, phone, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                token, accountId, fileId, fileName, phone, clock.millis(), expiresAt.toEpochMilli()));
        return token;
    }

    /** Returns the link of a token unless it is unknown or expired. */
    public Optional<Link> findValid(String token) {
        long now = clock.millis();
        return database.read(connection -> Sql.one(connection,
                "SELECT token, account_id, file_id, file_name, expires_at FROM links WHERE token = ? AND expires_at > ?",
                row -> new Link(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
                        Instant.ofEpochMilli(row.getLong(5))),
                token, now));
    }

    /** Counts one download of a link. */
    public void countDownload(String token) {
        database.update(connection -> Sql.update(connection, "UPDATE links SET downloads = downloads + 1 WHERE token = ?", token));
    }
}
