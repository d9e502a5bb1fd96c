package dev.textdrive.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.store.Sql;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnregisteredTest {

    private static final String REGISTERED = "+14155550123";
    private static final String STRANGER = "+14155550199";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-12-04T12:00:00Z");
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(directory, clock);
        Path folder = server.phoneWithFolder(REGISTERED, "Work");
        Files.writeString(folder.resolve("salaries.xlsx"), "secret numbers");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void strangerToldOncePerHour() throws Exception {
        TestServer.Reply first = server.text(STRANGER, "ls");
        TestServer.Reply second = server.text(STRANGER, "ls");
        clock.advance(Duration.ofMinutes(59));
        TestServer.Reply withinHour = server.text(STRANGER, "help");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        TestServer.Reply afterHour = server.text(STRANGER, "ls");

        assertEquals(InboundService.NOT_REGISTERED, first.text());
        assertEquals(200, second.status());
        assertEquals(EMPTY_TWIML, second.twiml());
        assertEquals(EMPTY_TWIML, withinHour.twiml());
        assertEquals(InboundService.NOT_REGISTERED, afterHour.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ls", "cd 1", "get 1", "send 1 +12025550143", "more", "help", "reset"})
    void strangerNeverGetsData(String command) throws Exception {
        TestServer.Reply notice = server.text(STRANGER, command);
        TestServer.Reply again = server.text(STRANGER, command);

        assertEquals(InboundService.NOT_REGISTERED, notice.text());
        assertEquals(EMPTY_TWIML, again.twiml());
        assertEquals(0, count("SELECT COUNT(*) FROM links"));
        assertEquals(0, count("SELECT COUNT(*) FROM sessions WHERE phone = ?", STRANGER));
        assertEquals(0, count("SELECT COUNT(*) FROM listing_items WHERE phone = ?", STRANGER));
        assertEquals(0, count("SELECT COUNT(*) FROM messages WHERE purpose = 'send'"));
    }

    @Test
    void unverifiedPhoneNotServed() throws Exception {
        String unverified = "+14155550177";
        server.app().phones().add(unverified, "", false, "test");
        server.app().accounts().grant(unverified, "Work", "test");

        TestServer.Reply reply = server.text(unverified, "cd 1");

        assertEquals(InboundService.NOT_REGISTERED, reply.text());
        assertEquals(0, count("SELECT COUNT(*) FROM listing_items WHERE phone = ?", unverified));
    }

    @Test
    void phoneWithoutGrantsNotServed() throws Exception {
        String ungranted = "+14155550178";
        server.app().phones().add(ungranted, "", true, "test");

        TestServer.Reply reply = server.text(ungranted, "ls");

        assertEquals(InboundService.NOT_REGISTERED, reply.text());
    }

    @ParameterizedTest
    @CsvSource({
        STRANGER + ", STOP",
        REGISTERED + ", STOP",
        STRANGER + ", Unsubscribe",
        REGISTERED + ", '  quit '",
        REGISTERED + ", stopall",
    })
    void stopRecordedForAnyNumber(String phone, String keyword) throws Exception {
        TestServer.Reply stop = server.text(phone, keyword);
        TestServer.Reply ignored = server.text(phone, "ls");

        assertEquals(200, stop.status());
        assertEquals(EMPTY_TWIML, stop.twiml());
        assertTrue(server.app().phones().isOptedOut(phone));
        assertEquals(EMPTY_TWIML, ignored.twiml());
    }

    @Test
    void startClearsOptOut() throws Exception {
        server.text(REGISTERED, "stop");

        TestServer.Reply start = server.text(REGISTERED, "Start");
        TestServer.Reply ls = server.text(REGISTERED, "ls");

        assertFalse(server.app().phones().isOptedOut(REGISTERED));
        assertEquals("You will get messages from TextDrive again. Send help for the commands.", start.text());
        assertEquals("Your accounts:\n1 Work", ls.text());
    }

    @Test
    void startClearsStrangerOptOut() throws Exception {
        server.text(STRANGER, "STOP");

        TestServer.Reply start = server.text(STRANGER, "START");

        assertFalse(server.app().phones().isOptedOut(STRANGER));
        assertEquals(InboundService.NOT_REGISTERED, start.text());
    }

    private long count(String sql, Object... parameters) {
        return server.app().database().read(connection -> Sql.count(connection, sql, parameters));
    }
}
