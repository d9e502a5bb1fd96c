package dev.textdrive.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.store.Sql;
import dev.textdrive.testing.FakeTwilio;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyTest {

    private static final String PHONE = "+14155550123";
    private static final String DESTINATION = "+12025550143";

    @TempDir
    Path directory;

    private FakeTwilio twilio;
    private TestServer server;
    private Path folder;

    @BeforeEach
    void start() throws Exception {
        twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
        server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"), twilio, "");
        folder = server.phoneWithFolder(PHONE, "Work");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        twilio.close();
    }

    @Test
    void repeatedSendTextsOnce() throws Exception {
        Map<String, List<String>> send = sendForm();

        TestServer.Reply first = server.post(send);
        TestServer.Reply second = server.post(send);

        assertEquals(200, first.status());
        assertTrue(first.text().startsWith("Sent report.pdf"), first.text());
        assertEquals(first.twiml(), second.twiml());
        assertEquals(1, twilio.messages().size());
        assertEquals(DESTINATION, twilio.messages().get(0).get("To"));
        assertTrue(twilio.messages().get(0).get("Body").contains(TestServer.PUBLIC_URL + "/d/"),
                twilio.messages().get(0).get("Body"));
        assertEquals(1, countMessages(send));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void concurrentSendTextsOnce(int copies) throws Exception {
        Map<String, List<String>> send = sendForm();
        ExecutorService threads = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch ready = new CountDownLatch(copies);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestServer.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                replies.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return server.post(send);
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();

            List<String> bodies = new ArrayList<>();
            for (Future<TestServer.Reply> reply : replies) {
                TestServer.Reply result = reply.get(30, TimeUnit.SECONDS);
                assertEquals(200, result.status());
                bodies.add(result.twiml());
            }

            assertTrue(bodies.get(0).contains("Sent report.pdf"), bodies.get(0));
            for (String body : bodies) {
                assertEquals(bodies.get(0), body);
            }
            assertEquals(1, twilio.messages().size());
            assertEquals(1, countMessages(send));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void repeatedLsKeepsPaging() throws Exception {
        for (int i = 1; i <= 60; i++) {
            Files.writeString(folder.resolve(String.format("file-%02d.txt", i)), "x");
        }
        server.text(PHONE, "cd 1");
        Map<String, List<String>> ls = TestServer.form(PHONE, "ls");
        TestServer.Reply firstPage = server.post(ls);
        TestServer.Reply secondPage = server.text(PHONE, "more");

        TestServer.Reply repeated = server.post(ls);
        TestServer.Reply thirdPage = server.text(PHONE, "more");

        assertEquals(firstPage.twiml(), repeated.twiml());
        int secondStart = firstItem(secondPage.text());
        int thirdStart = firstItem(thirdPage.text());
        int secondCount = items(secondPage.text());
        assertEquals(secondStart + secondCount, thirdStart, secondPage.text() + "\n---\n" + thirdPage.text());
    }

    @Test
    void repeatedMoreKeepsPaging() throws Exception {
        for (int i = 1; i <= 60; i++) {
            Files.writeString(folder.resolve(String.format("file-%02d.txt", i)), "x");
        }
        server.text(PHONE, "cd 1");
        Map<String, List<String>> more = TestServer.form(PHONE, "more");
        TestServer.Reply secondPage = server.post(more);

        TestServer.Reply repeated = server.post(more);
        TestServer.Reply thirdPage = server.text(PHONE, "more");

        assertEquals(secondPage.twiml(), repeated.twiml());
        int secondStart = firstItem(secondPage.text());
        int thirdStart = firstItem(thirdPage.text());
        int secondCount = items(secondPage.text());
        assertEquals(secondStart + secondCount, thirdStart, secondPage.text() + "\n---\n" + thirdPage.text());
    }

    /** Lists the folder and returns a send of its only file, as one form so it can be delivered again. */
    private Map<String, List<String>> sendForm() throws Exception {
        Files.write(folder.resolve("report.pdf"), new byte[] {1, 2, 3});
        server.text(PHONE, "cd 1");
        return TestServer.form(PHONE, "send 1 " + DESTINATION);
    }

    private long countMessages(Map<String, List<String>> form) {
        String messageSid = form.get("MessageSid").get(0);
        return server.app().database().read(connection ->
                Sql.count(connection, "SELECT COUNT(*) FROM messages WHERE message_sid = ?", messageSid));
    }

    /** Returns the number of numbered item lines in a page. */
    private static int items(String page) {
        return (int) page.lines().filter(line -> line.matches("\\d+ .*")).count();
    }

    /** Returns the number in a "Work, from N:" header. */
    private static int firstItem(String page) {
        String header = page.lines().findFirst().orElseThrow();
        return Integer.parseInt(header.replaceAll("^Work, from (\\d+):$", "$1"));
    }
}
