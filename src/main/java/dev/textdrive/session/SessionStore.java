package dev.textdrive.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.textdrive.storage.Entry;
import dev.textdrive.store.Database;
import dev.textdrive.store.Sql;
import dev.textdrive.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions and the entries each texter was shown, so that an index means the item shown with that number,
 * even after paging or when the folder changed since.
 */
public final class SessionStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Session.Folder>> PATH_TYPE = new TypeReference<>() {
    };

    private final Database database;
    private final Clock clock;

    public SessionStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Returns a phone's session, or a fresh one at the top level. */
    public Session load(String phone) {
        return database.read(connection -> Sql.one(connection,
                "SELECT account_id, folder_path, has_listing, listing_cursor, listing_skip, listing_shown, listing_done, "
                        + "last_command, updated_at FROM sessions WHERE phone = ?",
                row -> map(phone, row), phone)).orElseGet(() -> Session.fresh(phone, clock.instant()));
    }

    /**
     * Saves a session; with {@code newListing} set, the shown entries restart, and {@code shownEntries} are the
     * entries shown by this reply, numbered from {@code firstPosition}.
     */
    public void save(Session session, boolean newListing, int firstPosition, List<Entry> shownEntries) {
        Session.Listing listing = session.listing();
        database.update(connection -> {
            Sql.update(connection,
                    "INSERT INTO sessions (phone, account_id, folder_path, has_listing, listing_cursor, listing_skip, "
                            + "listing_shown, listing_done, last_command, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (phone) DO UPDATE SET account_id = excluded.account_id, "
                            + "folder_path = excluded.folder_path, has_listing = excluded.has_listing, "
                            + "listing_cursor = excluded.listing_cursor, listing_skip = excluded.listing_skip, "
                            + "listing_shown = excluded.listing_shown, listing_done = excluded.listing_done, "
                            + "last_command = excluded.last_command, updated_at = excluded.updated_at",
                    session.phone(), session.accountId(), toJson(session.path()), listing != null ? 1 : 0,
                    listing == null ? null : listing.cursor(), listing == null ? 0 : listing.skip(),
                    listing == null ? 0 : listing.shown(), listing != null && listing.done() ? 1 : 0,
                    session.lastCommand(), clock.millis());
            if (newListing || listing == null) {
                Sql.update(connection, "DELETE FROM listing_items WHERE phone = ?", session.phone());
            }
            insertItems(connection, session.phone(), firstPosition, shownEntries);
        });
    }

    /**
     * Returns a write that records a phone's last command and activity time, for the operator's live view.
     * The caller runs it inside a transaction of its own.
     */
    public Database.SqlConsumer touching(String phone, String command) {
        long now = clock.millis();
        return connection -> Sql.update(connection,
                "INSERT INTO sessions (phone, last_command, updated_at) VALUES (?, ?, ?) ON CONFLICT (phone) "
                        + "DO UPDATE SET last_command = excluded.last_command, updated_at = excluded.updated_at",
                phone, command, now);
    }

    /**
     * One row of the operator's live view.
     *
     * @param phone the texter
     * @param accountName the account the texter is in, empty at the top level
     * @param folder the folder path inside the account, such as {@code /Photos/2026}
     * @param lastCommand the last command text
     * @param updatedAt the last activity
     */
    public record Overview(String phone, String accountName, String folder, String lastCommand, Instant updatedAt) {
    }

    /** Returns every session, the most recently active first. */
    public List<Overview> overview() {
        return database.read(connection -> Sql.list(connection,
                "SELECT s.phone, a.name, s.folder_path, s.last_command, s.updated_at FROM sessions s "
                        + "LEFT JOIN storage_accounts a ON a.id = s.account_id ORDER BY s.updated_at DESC",
                row -> new Overview(row.getString(1), Optional.ofNullable(row.getString(2)).orElse(""),
                        fromJson(row.getString(3)).stream().map(folder -> "/" + folder.name())
                                .reduce("", String::concat),
                        Optional.ofNullable(row.getString(4)).orElse(""), Instant.ofEpochMilli(row.getLong(5)))));
    }

    /** Forgets a phone's session and listing. */
    public void delete(String phone) {
        database.update(connection -> {
            Sql.update(connection, "DELETE FROM sessions WHERE phone = ?", phone);
            Sql.update(connection, "DELETE FROM listing_items WHERE phone = ?", phone);
        });
    }

    /** Returns the entry shown to a phone with a number, if it was shown since the last listing started. */
    public Optional<Entry> shownEntry(String phone, int position) {
        return database.read(connection -> Sql.one(connection,
                "SELECT entry_id, name, kind, size, modified FROM listing_items WHERE phone = ? AND position = ?",
                row -> new Entry(row.getString(1), row.getString(2), Entry.Kind.valueOf(row.getString(3)),
                        Sql.nullableLong(row, "size"),
                        Optional.ofNullable(Sql.nullableLong(row, "modified")).map(Instant::ofEpochMilli).orElse(null)),
                phone, position));
    }

    private static void insertItems(Connection connection, String phone, int firstPosition, List<Entry> entries)
            throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (var statement = connection.prepareStatement(
                "INSERT OR REPLACE INTO listing_items (phone, position, entry_id, name, kind, size, modified) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int position = firstPosition;
            for (Entry entry : entries) {
                statement.setString(1, phone);
                statement.setInt(2, position++);
                statement.setString(3, entry.id());
                statement.setString(4, entry.name());
                statement.setString(5, entry.kind().name());
                statement.setObject(6, entry.size());
                statement.setObject(7, entry.modified() == null ? null : entry.modified().toEpochMilli());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Session map(String phone, ResultSet row) throws SQLException {
        Session.Listing listing = row.getInt("has_listing") == 0 ? null : new Session.Listing(
                row.getString("listing_cursor"), row.getInt("listing_skip"), row.getInt("listing_shown"),
                row.getInt("listing_done") != 0);
        return new Session(phone, Sql.nullableLong(row, "account_id"), fromJson(row.getString("folder_path")), listing,
                row.getString("last_command"), Instant.ofEpochMilli(row.getLong("updated_at")));
    }

    private static String toJson(List<Session.Folder> path) {
        try {
            return JSON.writeValueAsString(path);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot encode a session path.", e);
        }
    }

    private static List<Session.Folder> fromJson(String json) {
        try {
            return JSON.readValue(json, PATH_TYPE);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot decode a session path: " + e.getOriginalMessage(), e);
        }
    }
}
