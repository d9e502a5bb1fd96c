package dev.textdrive.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.store.Sql;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    private static final int PHONES = 8;
    private static final List<String> SCRIPT = List.of("ls", "cd 1", "cd 1", "cd ..", "get 2");
    private static final FileTime MODIFIED = FileTime.from(Instant.parse("2026-11-30T09:00:00Z"));

    @TempDir
    Path directory;

    /**
     * Checks eight texters at once while another process, such as the admin CLI, holds SQLite's write lock.
     * Each request waits for the lock instead of failing, and each gets the reply for its own folder.
     */
    @Test
    void phonesServedWhileDatabaseLocked() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            for (int i = 0; i < PHONES; i++) {
                Path folder = server.phoneWithFolder(phone(i), "Folder" + i);
                Path docs = Files.createDirectory(folder.resolve("docs"));
                Files.setLastModifiedTime(Files.writeString(docs.resolve("inner-" + i + ".txt"), "in"), MODIFIED);
                Files.setLastModifiedTime(Files.writeString(folder.resolve("note-" + i + ".txt"), "n" + i), MODIFIED);
            }
            ExecutorService threads = Executors.newFixedThreadPool(PHONES + 1);
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch sending = new CountDownLatch(PHONES);
            AtomicInteger completed = new AtomicInteger();
            try {
                Future<Integer> completedWhileLocked = threads.submit(() -> holdWriteLock(server, locked, sending, completed));
                List<Future<List<TestServer.Reply>>> conversations = new ArrayList<>();
                for (int i = 0; i < PHONES; i++) {
                    String phone = phone(i);
                    conversations.add(threads.submit(() -> {
                        locked.await();
                        sending.countDown();
                        List<TestServer.Reply> replies = new ArrayList<>();
                        for (String command : SCRIPT) {
                            replies.add(server.text(phone, command));
                            completed.incrementAndGet();
                        }
                        return replies;
                    }));
                }

                assertEquals(0, completedWhileLocked.get(60, TimeUnit.SECONDS));
                for (int i = 0; i < PHONES; i++) {
                    List<TestServer.Reply> replies = conversations.get(i).get(60, TimeUnit.SECONDS);
                    for (TestServer.Reply reply : replies) {
                        assertEquals(200, reply.status(), reply.twiml());
                    }
                    assertEquals("Your accounts:\n1 Folder" + i, replies.get(0).text());
                    assertEquals("Folder" + i + ":\n1 docs/\n2 note-" + i + ".txt 2B 2026-11-30", replies.get(1).text());
                    assertEquals("Folder" + i + "/docs:\n1 inner-" + i + ".txt 2B 2026-11-30", replies.get(2).text());
                    assertEquals(replies.get(1).text(), replies.get(3).text());
                    assertTrue(replies.get(4).text().startsWith("note-" + i + ".txt (2B)\n" + TestServer.PUBLIC_URL + "/d/"),
                            replies.get(4).text());
                }
            } finally {
                threads.shutdownNow();
            }

            long expected = (long) PHONES * SCRIPT.size();
            assertEquals(expected, count(server, "SELECT COUNT(*) FROM messages WHERE direction = 'inbound'"));
            assertEquals(expected, count(server,
                    "SELECT COUNT(*) FROM messages WHERE direction = 'inbound' AND status = 'handled'"));
            assertEquals(expected, count(server, "SELECT COUNT(*) FROM messages WHERE purpose = 'reply'"));
            assertEquals(PHONES, count(server, "SELECT COUNT(*) FROM links"));
            assertEquals(1, count(server, "SELECT COUNT(*) FROM settings WHERE key = 'test.lock_holder'"));
        }
    }

    /**
     * Takes the write lock on a connection of its own and holds it for about a second once every phone is
     * sending, then commits. Returns how many requests completed while the lock was held.
     */
    private static int holdWriteLock(TestServer server, CountDownLatch locked, CountDownLatch sending,
                                     AtomicInteger completed) throws Exception {
        Path file = server.app().database().file();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.executeUpdate("INSERT INTO settings (key, value) VALUES ('test.lock_holder', 'held')");
            locked.countDown();
            if (!sending.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("The phones did not start sending.");
            }
            // The scenario, not a timing check: a second is long enough for every first request to be waiting.
            Thread.sleep(1_000);
            int whileLocked = completed.get();
            statement.execute("COMMIT");
            return whileLocked;
        }
    }

    private static long count(TestServer server, String sql) {
        return server.app().database().read(connection -> Sql.count(connection, sql));
    }

    private static String phone(int index) {
        return "+1415555020" + index;
    }
}
