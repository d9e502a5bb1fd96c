package dev.textdrive.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file: migrated on open, in WAL mode, with a pool of connections for reads and one writer thread.
 *
 * <p>Writes run in {@code BEGIN IMMEDIATE} transactions, so a transaction that reads and then writes never
 * fails with SQLITE_BUSY on the upgrade from reader to writer. Writers in this process queue for one writer
 * thread, which commits the writes that queued up together ({@link GroupCommit}), instead of polling SQLite's
 * busy handler. The busy timeout covers writers in other processes, such as the admin CLI next to a running
 * server.
 *
 * <p>With {@code synchronous=FULL}, each commit syncs the WAL to disk before it returns, so a write that
 * returned survives a crash of the process, and a power loss on a disk that honours fsync.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int POOL_SIZE = 8;

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL_SIZE);
    private final List<Connection> all = new ArrayList<>();
    private final GroupCommit writes;
    private boolean closed;

    private Database(Path file) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        writes = new GroupCommit(dataSource::getConnection, file.toString());
    }

    /** Opens the database file, creating it and its folder if needed, and applies pending migrations. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for database " + file + ": " + e.getMessage(), e);
        }

        Database database = new Database(file);
        try {
            Flyway.configure()
                    .dataSource(database.dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("Cannot open database " + file + " (database.path): " + firstLine(e.getMessage())
                    + ". Check that the path is a SQLite file TextDrive may write.", e);
        }
        database.writes.start();
        log.debug("Opened database '{}'.", file);
        return database;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    public Path file() {
        return file;
    }

    /** Runs work that only reads, on a pooled connection in auto-commit mode. */
    public <T> T read(SqlFunction<T> work) {
        Connection connection = borrow();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("Database read failed: " + e.getMessage(), e);
        } finally {
            release(connection);
        }
    }

    /**
     * Runs work in a write transaction and returns once that transaction committed. When the work throws,
     * its changes are rolled back and the exception is thrown here; an SQLException becomes a StoreException.
     *
     * <p>The work runs on the writer thread, in one transaction with the writes of other threads that queued
     * at the same time. So it must not start another write, and a {@link #read} inside it does not see the
     * changes of that transaction.
     */
    public <T> T write(SqlFunction<T> work) {
        return writes.write(work);
    }

    /** Runs a write that returns nothing. */
    public void update(SqlConsumer work) {
        write(connection -> {
            work.accept(connection);
            return null;
        });
    }

    private Connection borrow() {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        synchronized (all) {
            if (closed) {
                throw new StoreException("Database " + file + " is closed.");
            }
            if (all.size() < POOL_SIZE) {
                try {
                    Connection created = dataSource.getConnection();
                    all.add(created);
                    return created;
                } catch (SQLException e) {
                    throw new StoreException("Cannot open database " + file + ": " + e.getMessage(), e);
                }
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for a database connection.", e);
        }
    }

    private void release(Connection connection) {
        idle.offer(connection);
    }

    @Override
    public void close() {
        writes.close();
        synchronized (all) {
            if (closed) {
                return;
            }
            closed = true;
            for (Connection connection : all) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    log.warn("Closing a connection to '{}' failed.", file, e);
                }
            }
            all.clear();
            idle.clear();
        }
    }

    /** Work on a connection that returns a value. */
    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Work on a connection that returns nothing. */
    @FunctionalInterface
    public interface SqlConsumer {
        void accept(Connection connection) throws SQLException;
    }
}
