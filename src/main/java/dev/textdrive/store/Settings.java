package dev.textdrive.store;

import java.util.Optional;
import java.util.function.Supplier;

/** Values the application keeps for itself in the database, such as the simulator's webhook secret. */
public final class Settings {

    private final Database database;

    public Settings(Database database) {
        this.database = database;
    }

    public Optional<String> get(String key) {
        return database.read(connection -> Sql.one(connection, "SELECT value FROM settings WHERE key = ?",
                row -> row.getString(1), key));
    }

    /** Returns the stored value, storing the supplied one first when there is none; safe across processes. */
    public String getOrCreate(String key, Supplier<String> initial) {
        return database.write(connection -> {
            Optional<String> existing = Sql.one(connection, "SELECT value FROM settings WHERE key = ?",
                    row -> row.getString(1), key);
            if (existing.isPresent()) {
                return existing.get();
            }
            String value = initial.get();
            Sql.update(connection, "INSERT INTO settings (key, value) VALUES (?, ?)", key, value);
            return value;
        });
    }

    public void put(String key, String value) {
        database.update(connection -> Sql.update(connection,
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                key, value));
    }
}
