package dev.textdrive.storage;

import dev.textdrive.store.AuditLog;
import dev.textdrive.store.Database;
import dev.textdrive.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The storage accounts and the grants that let phones use them. */
public final class AccountStore {

    private static final String SELECT =
            "SELECT id, name, provider, location, created_at, detail, status FROM storage_accounts";
    private static final String NEEDS_RELINK = "relink";

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    public AccountStore(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds an account under its name without surrounding spaces.
     *
     * @throws IllegalArgumentException when the name breaks the rule of {@link AccountNames#check}
     * @throws IllegalStateException when an account of that name exists (names compare case-insensitively)
     */
    public StorageAccount add(String name, String provider, String location, String credentials, String actor) {
        return add(name, provider, location, credentials, "", actor);
    }

    /**
     * Adds an account with the provider's description of it, such as "Dropbox (ann@example.com)".
     *
     * @param credentials the provider's secrets as JSON, never shown or logged; null for none
     * @throws IllegalArgumentException when the name breaks the rule of {@link AccountNames#check}
     * @throws IllegalStateException when an account of that name exists (names compare case-insensitively)
     */
    public StorageAccount add(String requestedName, String provider, String location, String credentials, String detail,
                              String actor) {
        String name = AccountNames.check(requestedName);
        long id = database.write(connection -> {
            if (findByName(connection, name).isPresent()) {
                throw new IllegalStateException("An account named '" + name + "' already exists: choose another name.");
            }
            long created = Sql.insert(connection,
                    "INSERT INTO storage_accounts (name, provider, location, credentials, detail, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    name, provider, location, credentials, detail, clock.millis());
            audit.record(connection, actor, "account.add", name, provider + " " + location);
            return created;
        });
        return find(id).orElseThrow();
    }

    /**
     * Renames an account; texters see the new name from their next command.
     *
     * @throws IllegalArgumentException when no account has the old name, or the new name breaks the rule of
     *     {@link AccountNames#check}
     * @throws IllegalStateException when another account has the new name
     */
    public void rename(String oldName, String requestedName, String actor) {
        String newName = AccountNames.check(requestedName);
        database.update(connection -> {
            StorageAccount account = requireAccount(connection, oldName);
            Optional<StorageAccount> clash = findByName(connection, newName);
            if (clash.isPresent() && clash.get().id() != account.id()) {
                throw new IllegalStateException("An account named '" + newName + "' already exists: choose another name.");
            }
            Sql.update(connection, "UPDATE storage_accounts SET name = ? WHERE id = ?", newName, account.id());
            audit.record(connection, actor, "account.rename", account.name(), newName);
        });
    }

    /** Removes an account, its grants and its links; returns the phones that lost access, or empty when not found. */
    public Optional<List<String>> remove(String name, String actor) {
        return database.write(connection -> {
            Optional<StorageAccount> account = findByName(connection, name);
            if (account.isEmpty()) {
                return Optional.empty();
            }
            long id = account.get().id();
            List<String> phones = Sql.list(connection, "SELECT phone FROM grants WHERE account_id = ? ORDER BY phone",
                    row -> row.getString(1), id);
            Sql.update(connection, "DELETE FROM storage_accounts WHERE id = ?", id);
            audit.record(connection, actor, "account.remove", account.get().name(), String.join(",", phones));
            return Optional.of(phones);
        });
    }

    /** Returns an account's stored credentials JSON, empty when it has none. */
    public Optional<String> credentials(long id) {
        return database.read(connection -> Sql.one(connection,
                "SELECT credentials FROM storage_accounts WHERE id = ?", row -> row.getString(1), id));
    }

    /** Replaces an account's credentials and detail after it was linked again, and clears its relink mark. */
    public void relink(long id, String credentials, String detail, String actor) {
        database.update(connection -> {
            Sql.update(connection, "UPDATE storage_accounts SET credentials = ?, detail = ?, status = NULL WHERE id = ?",
                    credentials, detail, id);
            audit.record(connection, actor, "account.relink", Long.toString(id), detail);
        });
    }

    /** Marks an account whose credentials the provider rejected, so the operator sees it must be linked again. */
    public void markNeedsRelink(long id) {
        database.update(connection -> Sql.update(connection,
                "UPDATE storage_accounts SET status = ? WHERE id = ?", NEEDS_RELINK, id));
    }

    public Optional<StorageAccount> find(long id) {
        return database.read(connection -> Sql.one(connection, SELECT + " WHERE id = ?", AccountStore::map, id));
    }

    public Optional<StorageAccount> findByName(String name) {
        return database.read(connection -> findByName(connection, name));
    }

    public List<StorageAccount> list() {
        return database.read(connection -> Sql.list(connection, SELECT + " ORDER BY name COLLATE NOCASE", AccountStore::map));
    }

    /** Returns the accounts granted to a phone, by name; the order that texters see at the top level. */
    public List<StorageAccount> grantedTo(String phone) {
        return database.read(connection -> Sql.list(connection,
                SELECT + " WHERE id IN (SELECT account_id FROM grants WHERE phone = ?) ORDER BY name COLLATE NOCASE",
                AccountStore::map, phone));
    }

    public boolean isGranted(String phone, long accountId) {
        return database.read(connection -> Sql.count(connection,
                "SELECT COUNT(*) FROM grants WHERE phone = ? AND account_id = ?", phone, accountId) > 0);
    }

    /** Returns the phones an account is granted to. */
    public List<String> phonesOf(long accountId) {
        return database.read(connection -> Sql.list(connection,
                "SELECT phone FROM grants WHERE account_id = ? ORDER BY phone", row -> row.getString(1), accountId));
    }

    /**
     * Lets a phone use an account; returns false when it already could.
     *
     * @throws IllegalArgumentException when the phone or the account does not exist
     */
    public boolean grant(String phone, String accountName, String actor) {
        return database.write(connection -> {
            StorageAccount account = requireAccount(connection, accountName);
            requirePhone(connection, phone);
            int changed = Sql.update(connection,
                    "INSERT INTO grants (phone, account_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    phone, account.id(), clock.millis());
            if (changed > 0) {
                audit.record(connection, actor, "grant", phone, account.name());
            }
            return changed > 0;
        });
    }

    /**
     * Takes an account away from a phone; returns false when the phone did not have it.
     *
     * @throws IllegalArgumentException when the phone or the account does not exist
     */
    public boolean revoke(String phone, String accountName, String actor) {
        return database.write(connection -> {
            StorageAccount account = requireAccount(connection, accountName);
            requirePhone(connection, phone);
            int changed = Sql.update(connection, "DELETE FROM grants WHERE phone = ? AND account_id = ?", phone, account.id());
            if (changed > 0) {
                audit.record(connection, actor, "revoke", phone, account.name());
            }
            return changed > 0;
        });
    }

    private StorageAccount requireAccount(Connection connection, String name) throws SQLException {
        return findByName(connection, name).orElseThrow(() -> new IllegalArgumentException(
                "No account named '" + name + "': see the names with 'account list'."));
    }

    private static void requirePhone(Connection connection, String phone) throws SQLException {
        if (Sql.count(connection, "SELECT COUNT(*) FROM phones WHERE e164 = ?", phone) == 0) {
            throw new IllegalArgumentException("No phone " + phone + ": add it first with 'phone add'.");
        }
    }

    private static Optional<StorageAccount> findByName(Connection connection, String name) throws SQLException {
        return Sql.one(connection, SELECT + " WHERE name = ? COLLATE NOCASE", AccountStore::map, name);
    }

    private static StorageAccount map(ResultSet row) throws SQLException {
        return new StorageAccount(row.getLong("id"), row.getString("name"), row.getString("provider"),
                row.getString("location"), Instant.ofEpochMilli(row.getLong("created_at")),
                Optional.ofNullable(row.getString("detail")).orElse(""), NEEDS_RELINK.equals(row.getString("status")));
    }
}
