package dev.textdrive.phone;

import dev.textdrive.store.AuditLog;
import dev.textdrive.store.Database;
import dev.textdrive.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The phones table and the opt-out list. */
public final class PhoneStore {

    private static final String SELECT = "SELECT p.e164, p.label, p.verified_at, p.created_at, o.opted_out_at "
            + "FROM phones p LEFT JOIN opt_outs o ON o.e164 = p.e164";

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    public PhoneStore(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a phone; with {@code verified} set, records that the operator vouched for the number.
     *
     * @throws IllegalStateException when the number was already added
     */
    public Phone add(String e164, String label, boolean verified, String actor) {
        String checkedLabel = PhoneLabels.check(label);
        database.update(connection -> {
            if (Sql.count(connection, "SELECT COUNT(*) FROM phones WHERE e164 = ?", e164) > 0) {
                throw new IllegalStateException("Phone " + e164 + " is already added.");
            }
            long now = clock.millis();
            Sql.update(connection, "INSERT INTO phones (e164, label, verified_at, created_at) VALUES (?, ?, ?, ?)",
                    e164, checkedLabel, verified ? now : null, now);
            audit.record(connection, actor, "phone.add", e164, checkedLabel);
            if (verified) {
                audit.record(connection, actor, "phone.verify", e164, "vouched for by the operator");
            }
        });
        return find(e164).orElseThrow();
    }

    /** Marks a phone verified; returns false when no such phone exists. */
    public boolean markVerified(String e164, String actor, String how) {
        return database.write(connection -> {
            int changed = Sql.update(connection, "UPDATE phones SET verified_at = ? WHERE e164 = ?", clock.millis(), e164);
            if (changed > 0) {
                audit.record(connection, actor, "phone.verify", e164, how);
            }
            return changed > 0;
        });
    }

    /** Removes a phone with its grants and session; returns false when no such phone exists. */
    public boolean remove(String e164, String actor) {
        return database.write(connection -> {
            int changed = Sql.update(connection, "DELETE FROM phones WHERE e164 = ?", e164);
            if (changed > 0) {
                Sql.update(connection, "DELETE FROM sessions WHERE phone = ?", e164);
                Sql.update(connection, "DELETE FROM listing_items WHERE phone = ?", e164);
                audit.record(connection, actor, "phone.remove", e164, null);
            }
            return changed > 0;
        });
    }

    public Optional<Phone> find(String e164) {
        return database.read(connection -> Sql.one(connection, SELECT + " WHERE p.e164 = ?", PhoneStore::map, e164));
    }

    public List<Phone> list() {
        return database.read(connection -> Sql.list(connection, SELECT + " ORDER BY p.e164", PhoneStore::map));
    }

    /** Records that a number texted STOP or was reported opted out by Twilio. */
    public void recordOptOut(String e164, String source) {
        database.update(connection -> Sql.update(connection,
                "INSERT INTO opt_outs (e164, opted_out_at, source) VALUES (?, ?, ?) "
                        + "ON CONFLICT (e164) DO UPDATE SET opted_out_at = excluded.opted_out_at, source = excluded.source",
                e164, clock.millis(), source));
    }

    /** Clears an opt-out after the number texted START. */
    public void clearOptOut(String e164) {
        database.update(connection -> Sql.update(connection, "DELETE FROM opt_outs WHERE e164 = ?", e164));
    }

    public boolean isOptedOut(String e164) {
        return database.read(connection -> Sql.count(connection, "SELECT COUNT(*) FROM opt_outs WHERE e164 = ?", e164) > 0);
    }

    private static Phone map(ResultSet row) throws SQLException {
        return new Phone(
                row.getString("e164"),
                Optional.ofNullable(row.getString("label")).orElse(""),
                instant(row, "verified_at"),
                instant(row, "opted_out_at"),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(Sql.nullableLong(row, column)).map(Instant::ofEpochMilli);
    }
}
