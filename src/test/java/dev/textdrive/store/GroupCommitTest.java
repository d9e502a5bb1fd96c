package dev.textdrive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    private static final int THREADS = 16;
    private static final int WRITES_PER_THREAD = 40;

    @TempDir
    Path directory;

    private Database database;
    private ExecutorService threads;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("test.db"));
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        database.close();
    }

    @Test
    void concurrentWritesAllCommitted() throws Exception {
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(threads.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < WRITES_PER_THREAD; i++) {
                    String key = "key-" + thread + "-" + i;
                    // Each write reads its own row back inside its transaction, so the count must be 1 each time.
                    ids.add(database.write(connection -> {
                        Sql.update(connection, "INSERT INTO settings (key, value) VALUES (?, ?)", key, "v");
                        return Sql.count(connection, "SELECT COUNT(*) FROM settings WHERE key = ?", key);
                    }));
                }
                return ids;
            }));
        }

        for (Future<List<Long>> result : results) {
            for (long count : result.get(60, TimeUnit.SECONDS)) {
                assertEquals(1, count);
            }
        }
        assertEquals(THREADS * WRITES_PER_THREAD, countSettings("key-%"));
    }

    @Test
    void failedWriteRolledBackAlone() throws Exception {
        CountDownLatch writerHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holding = threads.submit(() -> database.update(connection -> {
            writerHeld.countDown();
            awaitQuietly(release);
        }));
        assertTrue(writerHeld.await(30, TimeUnit.SECONDS));

        // Both writes queue while the writer is held, so they run in the same transaction afterwards.
        Future<?> failing = threads.submit(() -> database.write(connection -> {
            Sql.update(connection, "INSERT INTO settings (key, value) VALUES ('failing', 'v')");
            throw new IllegalStateException("Rejected on purpose.");
        }));
        Future<Integer> succeeding = threads.submit(() -> database.write(connection ->
                Sql.update(connection, "INSERT INTO settings (key, value) VALUES ('succeeding', 'v')")));
        waitUntilTwoWritersWait();
        release.countDown();

        holding.get(30, TimeUnit.SECONDS);
        Exception failure = assertThrows(Exception.class, () -> failing.get(30, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IllegalStateException, String.valueOf(failure.getCause()));
        assertEquals("Rejected on purpose.", failure.getCause().getMessage());
        assertEquals(1, succeeding.get(30, TimeUnit.SECONDS));
        assertEquals(0, countSettings("failing"));
        assertEquals(1, countSettings("succeeding"));
    }

    @Test
    void sqlErrorBecomesStoreException() {
        StoreException failure = assertThrows(StoreException.class,
                () -> database.update(connection -> Sql.update(connection, "INSERT INTO no_such_table VALUES (1)")));

        assertTrue(failure.getMessage().startsWith("Database write failed: "), failure.getMessage());
        database.update(connection -> Sql.update(connection, "INSERT INTO settings (key, value) VALUES ('after', 'v')"));
        assertEquals(1, countSettings("after"));
    }

    @Test
    void nestedWriteRejected() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> database.update(connection ->
                database.update(inner -> Sql.update(inner, "INSERT INTO settings (key, value) VALUES ('inner', 'v')"))));

        assertEquals("A database write cannot start another write of the same database.", failure.getMessage());
        assertEquals(0, countSettings("inner"));
    }

    @Test
    void writeAfterCloseRejected() {
        database.close();

        StoreException failure = assertThrows(StoreException.class, () -> database.update(connection ->
                Sql.update(connection, "INSERT INTO settings (key, value) VALUES ('late', 'v')")));
        assertTrue(failure.getMessage().endsWith("is closed."), failure.getMessage());
    }

    private long countSettings(String keyPattern) {
        return database.read(connection ->
                Sql.count(connection, "SELECT COUNT(*) FROM settings WHERE key LIKE ?", keyPattern));
    }

    /** Waits until two threads besides the one holding the writer are parked, waiting for their queued writes. */
    private void waitUntilTwoWritersWait() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long waiting = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getState() == Thread.State.WAITING)
                    .filter(thread -> List.of(thread.getStackTrace()).stream()
                            .anyMatch(frame -> frame.getMethodName().equals("outcome")))
                    .count();
            // The thread that keeps the writer busy also waits in outcome(), so three means both writes are queued.
            if (waiting >= 3) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("The two writes did not queue within 30 s.");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
