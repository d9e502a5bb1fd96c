package dev.textdrive.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of the database's writes. One writer thread runs every write, and the writes that queue up
 * while one transaction commits go into the next transaction together. So one sync of the WAL covers many
 * writes instead of one each.
 *
 * <p>Each write runs inside its own savepoint, so a write that throws is rolled back alone and only its
 * caller gets the exception. A caller returns only after the transaction that contains its write has
 * committed, so a write that returned is as durable as with one transaction per write.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** The maximum number of writes in one transaction, which bounds how long one transaction holds SQLite's lock. */
    private static final int MAX_BATCH = 64;

    private final ConnectionSource connections;
    private final String databaseName;
    private final LinkedBlockingQueue<QueuedWrite<?>> queue = new LinkedBlockingQueue<>();
    private final QueuedWrite<Void> stop = new QueuedWrite<>(connection -> null);
    private final Thread writer;
    private Connection connection;
    private boolean closed;

    /** Opens a connection for the writer thread. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    GroupCommit(ConnectionSource connections, String databaseName) {
        this.connections = connections;
        this.databaseName = databaseName;
        this.writer = new Thread(this::run, "textdrive-db-writer");
        writer.setDaemon(true);
    }

    void start() {
        writer.start();
    }

    /**
     * Runs work in a write transaction and returns its result once the transaction committed.
     *
     * <p>NOTE: an exception of the work is thrown as it is, so its stack trace shows the writer thread.
     *
     * @throws StoreException when the database is closed or the transaction failed
     */
    <T> T write(Database.SqlFunction<T> work) {
        if (Thread.currentThread() == writer) {
            // The writer would wait for itself: a write must not start another write inside it.
            throw new IllegalStateException("A database write cannot start another write of the same database.");
        }
        QueuedWrite<T> write = new QueuedWrite<>(work);
        synchronized (this) {
            if (closed) {
                throw new StoreException("Database " + databaseName + " is closed.");
            }
            queue.add(write);
        }
        return write.outcome();
    }

    /** Lets the writer commit what was queued before, then stops it and closes its connection. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(stop);
        }
        if (!writer.isAlive()) {
            return;
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<QueuedWrite<?>> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            QueuedWrite<?> next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                // Nothing stops this thread but close(), which queues the stop marker.
                continue;
            }
            while (next != null) {
                if (next == stop) {
                    stopping = true;
                    break;
                }
                batch.add(next);
                next = batch.size() < MAX_BATCH ? queue.poll() : null;
            }
            if (!batch.isEmpty()) {
                commit(batch);
                batch.clear();
            }
        }
        closeConnection();
    }

    /** Runs a batch in one transaction; when the transaction fails as a whole, every write of it fails. */
    private void commit(List<QueuedWrite<?>> batch) {
        try {
            Connection current = connection();
            current.setAutoCommit(false);
            try {
                for (QueuedWrite<?> write : batch) {
                    write.runInSavepoint(current);
                }
                current.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(current, batch.size());
                throw e;
            } finally {
                current.setAutoCommit(true);
            }
            batch.forEach(QueuedWrite::committed);
        } catch (SQLException | RuntimeException | Error e) {
            batch.forEach(write -> write.failTransaction(e));
        } finally {
            batch.forEach(QueuedWrite::finish);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connections.open();
        }
        return connection;
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Closing the write connection to '{}' failed.", databaseName, e);
        }
        connection = null;
    }

    private void rollbackQuietly(Connection connection, int writes) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("Rolling back a transaction of {} writes to '{}' failed.", writes, databaseName, e);
        }
    }

    /**
     * One write and its outcome. The writer thread sets the fields before {@link #finish()}, and the caller
     * reads them after the latch opened, which orders the two.
     */
    private static final class QueuedWrite<T> {
        private final Database.SqlFunction<T> work;
        private final CountDownLatch finished = new CountDownLatch(1);
        private T result;
        private Throwable failure;
        private boolean committed;

        QueuedWrite(Database.SqlFunction<T> work) {
            this.work = work;
        }

        void runInSavepoint(Connection connection) throws SQLException {
            Savepoint savepoint = connection.setSavepoint();
            try {
                result = work.apply(connection);
            } catch (SQLException | RuntimeException e) {
                connection.rollback(savepoint);
                failure = e;
            }
            connection.releaseSavepoint(savepoint);
        }

        void committed() {
            committed = true;
        }

        /** Records that the whole transaction failed, keeping the work's own exception when it threw one. */
        void failTransaction(Throwable cause) {
            committed = false;
            if (failure == null) {
                failure = cause;
            }
        }

        void finish() {
            finished.countDown();
        }

        T outcome() {
            boolean interrupted = false;
            while (true) {
                try {
                    finished.await();
                    break;
                } catch (InterruptedException e) {
                    // The write is queued and will run, so wait for its outcome and keep the interrupt.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }

            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new StoreException("Database write failed: " + failure.getMessage(), failure);
            }
            if (!committed) {
                throw new StoreException("Database write was not committed.");
            }
            return result;
        }
    }
}
