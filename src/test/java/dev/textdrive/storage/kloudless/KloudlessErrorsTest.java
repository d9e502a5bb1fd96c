package dev.textdrive.storage.kloudless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.testing.FakeKloudless;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The replies a texter gets when the Kloudless API fails, through the real webhook: each reply says what to do
 * next, and the account's token appears in no reply and no log line.
 */
class KloudlessErrorsTest {

    private static final String PHONE = "+14155550123";
    private static final String ACCOUNT_ID = "acc-ann";
    private static final String TOKEN = "tok-secret-7f3a9c1e5b";
    private static final Instant MODIFIED = Instant.parse("2026-11-30T09:00:00Z");
    private static final String TOP = "Your accounts:\n1 Cloud - Dropbox (ann@example.com)";
    private static final String ROOT = "Cloud:\n1 Reports/\n2 notes.txt 5B 2026-11-30";
    private static final String RELINK_INSIDE = "Cloud must be linked again by the operator. Send cd .. for your other accounts.";
    private static final String RELINK_AT_TOP = "Cloud must be linked again by the operator. Send ls for your other accounts.";
    private static final String GONE = "That item is no longer there. Send ls to list again, or cd .. to go up.";
    private static final String UNAVAILABLE = "Storage is not answering. Try again in a minute.";

    @TempDir
    Path directory;

    private FakeKloudless fake;
    private TestServer server;
    private StorageAccount account;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        rootLogger().addAppender(logs);
        logs.start();
        fake = new FakeKloudless();
        fake.addAccount(ACCOUNT_ID, "dropbox", "ann@example.com", TOKEN);
        fake.addFolder(ACCOUNT_ID, "root", "folder-reports", "Reports");
        fake.addFile(ACCOUNT_ID, "folder-reports", "file-q4", "q4.pdf", new byte[2048], MODIFIED);
        fake.addFile(ACCOUNT_ID, "root", "file-notes", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), MODIFIED);
        server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"));
        server.app().phones().add(PHONE, "", true, "test");
        account = server.app().kloudless().addWithToken("Cloud", TOKEN, Optional.of(ACCOUNT_ID), fake.baseUrl(), "test");
        server.app().accounts().grant(PHONE, "Cloud", "test");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        fake.close();
        rootLogger().detachAppender(logs);
        logs.stop();
    }

    @Test
    void rejectedTokenInsideAccountAsksRelink() throws Exception {
        assertEquals(ROOT, text("cd 1"));
        fake.rejectToken(TOKEN);

        String reply = text("ls");

        assertEquals(RELINK_INSIDE, reply);
        assertTrue(server.app().accounts().find(account.id()).orElseThrow().needsRelink());
        assertTokenNotLogged();
    }

    @Test
    void rejectedTokenOnEnteringAccountAsksRelink() throws Exception {
        assertEquals(TOP, text("ls"));
        fake.rejectToken(TOKEN);

        String reply = text("cd 1");

        assertEquals(RELINK_AT_TOP, reply);
        assertTrue(server.app().accounts().find(account.id()).orElseThrow().needsRelink());
        assertEquals(TOP, text("ls"));
        assertTokenNotLogged();
    }

    @Test
    void relinkClearsMark() throws Exception {
        fake.rejectToken(TOKEN);
        assertEquals(RELINK_AT_TOP, text("cd 1"));
        fake.addToken("tok-new-4d2b", ACCOUNT_ID);

        StorageAccount relinked = server.app().kloudless().addWithToken("Cloud", "tok-new-4d2b",
                Optional.of(ACCOUNT_ID), fake.baseUrl(), "test");

        assertEquals(account.id(), relinked.id());
        assertFalse(relinked.needsRelink());
        assertEquals(ROOT, text("cd 1"));
    }

    @Test
    void missingFolderSaysSendLs() throws Exception {
        assertEquals(ROOT, text("cd 1"));
        fake.makeMissing("folder-reports");

        assertEquals(GONE, text("cd 1"));
        assertEquals(ROOT, text("ls"));
    }

    @Test
    void missingFileSaysSendLs() throws Exception {
        assertEquals(ROOT, text("cd 1"));
        fake.makeMissing("file-notes");

        assertEquals(GONE, text("get 2"));
        assertEquals(0, fake.linkRequests().size());
    }

    @Test
    void shortRetryAfterIsRetried() throws Exception {
        int before = fake.apiRequests();
        fake.rateLimit(1, 1);

        long started = System.nanoTime();
        String reply = text("cd 1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(ROOT, reply);
        assertEquals(before + 2, fake.apiRequests());
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "retried after " + took);
    }

    @Test
    void longRetryAfterFailsQuickly() throws Exception {
        int before = fake.apiRequests();
        fake.rateLimit(1, 30);

        long started = System.nanoTime();
        String reply = text("cd 1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(UNAVAILABLE, reply);
        assertEquals(before + 1, fake.apiRequests());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "answered after " + took);
        assertEquals(ROOT, text("cd 1"));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorSaysNotAnswering(int status) throws Exception {
        fake.fail(1, status);

        assertEquals(UNAVAILABLE, text("cd 1"));
        assertEquals(ROOT, text("cd 1"));
        assertTokenNotLogged();
    }

    @Test
    void serverErrorOnLinkSaysNotAnswering() throws Exception {
        assertEquals(ROOT, text("cd 1"));
        fake.fail(1, 500);

        assertEquals(UNAVAILABLE, text("get 2"));
    }

    @Test
    void closedPortSaysNotAnswering() throws Exception {
        assertEquals(ROOT, text("cd 1"));
        fake.close();

        long started = System.nanoTime();
        String reply = text("ls");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(UNAVAILABLE, reply);
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "answered after " + took);
        assertTokenNotLogged();
    }

    @Test
    void slowResponseSaysNotAnswering() throws Exception {
        assertEquals(ROOT, text("cd 1"));
        fake.delay(KloudlessClient.CALL_DEADLINE.plusSeconds(5));

        long started = System.nanoTime();
        String reply = text("ls");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(UNAVAILABLE, reply);
        assertTrue(took.compareTo(KloudlessClient.CALL_DEADLINE.plusSeconds(2)) < 0, "answered after " + took);
        assertTokenNotLogged();
    }

    @Test
    void tokenNotInStoredAccountOrReplies() throws Exception {
        fake.rejectToken(TOKEN);

        String reply = text("cd 1");

        assertFalse(reply.contains(TOKEN), reply);
        assertFalse(account.toString().contains(TOKEN), account.toString());
        String credentials = server.app().accounts().credentials(account.id()).orElseThrow();
        assertFalse(KloudlessCredentials.fromJson(credentials).toString().contains(TOKEN));
        assertTokenNotLogged();
    }

    private String text(String body) throws Exception {
        String reply = server.text(PHONE, body).text();
        assertFalse(reply.contains(TOKEN), reply);
        return reply;
    }

    /** Checks every captured log line and the messages of every logged exception and its causes. */
    private void assertTokenNotLogged() {
        assertFalse(logs.list.isEmpty(), "no log lines were captured");
        for (ILoggingEvent event : logs.list) {
            assertFalse(event.getFormattedMessage().contains(TOKEN), event.getFormattedMessage());
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                String message = String.valueOf(thrown.getMessage());
                assertFalse(message.contains(TOKEN), message);
            }
        }
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
