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
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file: migrated on open, in WAL mode, with a pool of connections.
 *
 * <p>Writes run in {@code BEGIN IMMEDIATE} transactions, so a transaction that reads and then writes never
 * fails with SQLITE_BUSY on the upgrade from reader to writer. Writers in this process also take one lock,
 * so they queue in the JVM instead of polling SQLite's busy handler; the busy timeout covers writers in other
 * processes, such as the admin CLI next to a running server.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int POOL_SIZE = 8;

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL_SIZE);
    private final List<Connection> all = new ArrayList<>();
    private final ReentrantLock writeLock = new ReentrantLock(true);
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

    /** Runs work in one write transaction, committed when it returns and rolled back when it throws. */
    public <T> T write(SqlFunction<T> work) {
        writeLock.lock();
        Connection connection = borrow();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Database write failed: " + e.getMessage(), e);
        } finally {
            release(connection);
            writeLock.unlock();
        }
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

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("Rollback failed.", e);
        }
    }

    @Override
    public void close() {
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
