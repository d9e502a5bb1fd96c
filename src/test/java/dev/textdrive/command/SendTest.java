package dev.textdrive.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.sms.MessageLog;
import dev.textdrive.store.Sql;
import dev.textdrive.testing.FakeTwilio;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code send N PHONE} end to end: a signed webhook in, the production Twilio client out to a local fake of
 * the Messages resource, and the send limits in between.
 */
class SendTest {

    private static final String GB_SENDER = "+447400123001";
    private static final String US_SENDER = "+14155550123";
    private static final String US_DESTINATION = "+12015550123";
    private static final String GB_CONFIG = "sms:\n  default_region: GB\nsend:\n  allowed_countries: [GB]\n";

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-12-04T12:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sendTextsLinkToNationalNumber() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
             TestServer server = TestServer.start(directory, clock, twilio, GB_CONFIG)) {
            Files.writeString(server.phoneWithFolder(GB_SENDER, "Work").resolve("notes.txt"), "hello");
            server.text(GB_SENDER, "cd 1");

            TestServer.Reply reply = server.text(GB_SENDER, "send 1 07700 123456");

            assertEquals("Sent notes.txt (5B) to +44 7700 123456.", reply.text());
            assertEquals(1, twilio.messages().size());
            Map<String, String> sent = twilio.messages().get(0);
            assertEquals("+447700123456", sent.get("To"));
            assertEquals(TestServer.TWILIO_NUMBER, sent.get("From"));
            String body = sent.get("Body");
            assertTrue(body.startsWith("+44 7400 123001 sent you notes.txt (5B) by TextDrive:\n"), body);
            String link = body.lines().filter(line -> line.startsWith("http")).findFirst().orElseThrow();
            assertTrue(link.startsWith(TestServer.PUBLIC_URL + "/d/"), link);
            HttpResponse<String> download = http.send(HttpRequest.newBuilder(URI.create(server.local(link))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, download.statusCode());
            assertEquals("hello", download.body());
        }
    }

    @Test
    void sendRecordsQueuedMessage() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
             TestServer server = startWithFile(twilio, "")) {
            server.text(US_SENDER, "send 1 " + US_DESTINATION);

            List<MessageLog.StoredMessage> stored = server.app().messages().outboundTo(US_DESTINATION);
            assertEquals(1, stored.size());
            assertEquals("queued", stored.get(0).status());
            assertEquals("send", stored.get(0).purpose());
            assertEquals("SM00000000000000000000000000000001", stored.get(0).messageSid());
        }
    }

    @Test
    void sendRejectsDisallowedCountry() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
             TestServer server = startWithFile(twilio, "")) {
            TestServer.Reply reply = server.text(US_SENDER, "send 1 +1 787 234 5678");

            assertEquals("Sending to +1 787-234-5678 (PR) is not allowed. Allowed: US.", reply.text());
            assertEquals(List.of(), twilio.messages());
            assertEquals(List.of(), server.app().messages().outboundTo("+17872345678"));
        }
    }

    @Test
    void sendRejectsNumberThatTextedStop() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
             TestServer server = startWithFile(twilio, "")) {
            TestServer.Reply stop = server.text(US_DESTINATION, "STOP");

            TestServer.Reply reply = server.text(US_SENDER, "send 1 " + US_DESTINATION);

            assertEquals("", stop.text());
            assertEquals("+1 201-555-0123 has opted out of texts from TextDrive.", reply.text());
            assertEquals(List.of(), twilio.messages());
            assertEquals(List.of(), server.app().messages().outboundTo(US_DESTINATION));
        }
    }

    @Test
    void twilioOptOutErrorRecordsOptOut() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
             TestServer server = startWithFile(twilio, "")) {
            twilio.failFor(US_DESTINATION, 21610);

            TestServer.Reply first = server.text(US_SENDER, "send 1 " + US_DESTINATION);
            TestServer.Reply second = server.text(US_SENDER, "send 1 " + US_DESTINATION);

            String optedOut = "+1 201-555-0123 has opted out of texts from TextDrive.";
            assertEquals(optedOut, first.text());
            assertEquals(optedOut, second.text());
            assertTrue(server.app().phones().isOptedOut(US_DESTINATION));
            // The gateway stores a failed row for each attempt, so one row means the second send never reached it.
            List<MessageLog.StoredMessage> stored = server.app().messages().outboundTo(US_DESTINATION);
            assertEquals(1, stored.size());
            assertEquals("failed", stored.get(0).status());
            assertEquals(Optional.of(21610L), errorCode(server, stored.get(0).id()));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            21211 | That is not a valid phone number. Use the international form, such as send 3 +12015550123.
            21408 | Texts to that country are not enabled. Ask the operator.
            30001 | The message could not be sent. Try again later.
            """)
    void twilioErrorGetsMatchingReply(int code, String expected) throws Exception {
        try (FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
             TestServer server = startWithFile(twilio, "")) {
            twilio.failFor(US_DESTINATION, code);

            TestServer.Reply reply = server.text(US_SENDER, "send 1 " + US_DESTINATION);

            assertEquals(expected, reply.text());
            assertFalse(server.app().phones().isOptedOut(US_DESTINATION));
            List<MessageLog.StoredMessage> stored = server.app().messages().outboundTo(US_DESTINATION);
            assertEquals(1, stored.size());
            assertEquals("failed", stored.get(0).status());
            assertEquals(Optional.of((long) code), errorCode(server, stored.get(0).id()));
        }
    }

    @Test
    void invalidNumberShowsInternationalForm() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
             TestServer server = TestServer.start(directory, clock, twilio, GB_CONFIG)) {
            Files.writeString(server.phoneWithFolder(GB_SENDER, "Work").resolve("notes.txt"), "hello");
            server.text(GB_SENDER, "cd 1");

            TestServer.Reply reply = server.text(GB_SENDER, "send 1 12");

            assertEquals("That is not a valid phone number. Use the international form, such as send 3 +447400123456.",
                    reply.text());
            assertEquals(List.of(), twilio.messages());
        }
    }

    @Test
    void dailyLimitRefusesUntilWindowPasses() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
             TestServer server = startWithFile(twilio, "send:\n  daily_limit: 2\n")) {
            String send = "send 1 " + US_DESTINATION;
            TestServer.Reply first = server.text(US_SENDER, send);
            clock.advance(Duration.ofHours(1));
            TestServer.Reply second = server.text(US_SENDER, send);
            clock.advance(Duration.ofHours(1));
            TestServer.Reply third = server.text(US_SENDER, send);
            int sentBeforeWindowPassed = twilio.messages().size();
            // The first send, at 12:00 on 4 Dec, leaves the 24-hour window at 12:00 on 5 Dec.
            clock.advance(Duration.ofHours(22));
            TestServer.Reply afterWindow = server.text(US_SENDER, send);

            assertTrue(first.text().startsWith("Sent notes.txt"), first.text());
            assertTrue(second.text().startsWith("Sent notes.txt"), second.text());
            assertEquals("You reached the limit of 2 sends a day. Try again after 5 Dec 12:00 Z.", third.text());
            assertEquals(2, sentBeforeWindowPassed);
            assertTrue(afterWindow.text().startsWith("Sent notes.txt"), afterWindow.text());
            assertEquals(3, twilio.messages().size());
        }
    }

    @Test
    void simulatorKeepsSendInOutbox() throws Exception {
        try (TestServer server = startWithFile(null, "")) {
            TestServer.Reply reply = server.text(US_SENDER, "send 1 " + US_DESTINATION);

            assertEquals("Sent notes.txt (5B) to +1 201-555-0123.", reply.text());
            assertTrue(server.app().gateway().simulated());
            List<MessageLog.StoredMessage> stored = server.app().messages().outboundTo(US_DESTINATION);
            assertEquals(1, stored.size());
            assertEquals("simulated", stored.get(0).status());
            assertEquals("send", stored.get(0).purpose());
            assertTrue(stored.get(0).body().startsWith("+1 415-555-0123 sent you notes.txt (5B) by TextDrive:\n"),
                    stored.get(0).body());
        }
    }

    @Test
    void wrongAuthTokenFailsSend() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, "00000000000000000000000000000000");
             TestServer server = startWithFile(twilio, "")) {
            TestServer.Reply reply = server.text(US_SENDER, "send 1 " + US_DESTINATION);

            assertEquals("The message could not be sent. Try again later.", reply.text());
            assertEquals(List.of(), twilio.messages());
            List<MessageLog.StoredMessage> stored = server.app().messages().outboundTo(US_DESTINATION);
            assertEquals(1, stored.size());
            assertEquals("failed", stored.get(0).status());
            assertFalse(reply.twiml().contains(TestServer.AUTH_TOKEN));
        }
    }

    /** Starts a US server whose sender has one account containing notes.txt, and opens that account. */
    private TestServer startWithFile(FakeTwilio twilio, String extraYaml) throws Exception {
        TestServer server = TestServer.start(directory, clock, twilio, extraYaml);
        Files.writeString(server.phoneWithFolder(US_SENDER, "Work").resolve("notes.txt"), "hello");
        server.text(US_SENDER, "cd 1");
        return server;
    }

    private static Optional<Long> errorCode(TestServer server, long messageId) {
        return server.app().database().read(connection -> Sql.one(connection,
                "SELECT error_code FROM messages WHERE id = ?", row -> row.getLong(1), messageId));
    }
}
