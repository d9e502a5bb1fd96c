package dev.textdrive.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Access checks on every command: a revoked account is left at once, and unregistered phones see no data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {

    private static final String NOT_REGISTERED =
            "This number is not registered with TextDrive. Ask the operator for access.";
    private static final String REVOKED = "You no longer have access to that account.\nYour accounts:\n1 Home";
    private static final String WORK = "Work:\n1 Reports/\n2 secret.txt 6B 2026-11-30";

    private final MutableClock clock = MutableClock.at("2026-12-04T12:00:00Z");
    private final AtomicInteger phones = new AtomicInteger();
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path directory) throws IOException {
        server = TestServer.start(directory, clock);
        Path home = server.phoneWithFolder("+14155550100", "Home");
        Path work = server.phoneWithFolder("+14155550100", "Work");
        write(home.resolve("recipes.txt"), "eggs");
        Files.createDirectory(work.resolve("Reports"));
        write(work.resolve("Reports").resolve("q4.txt"), "numbers");
        write(work.resolve("secret.txt"), "secret");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "\"{0}\" after the revoke")
    @ValueSource(strings = {"ls", "more", "get 2", "cd 1", "cd ..", "help", "send 2 +14155550199"})
    void revokedInsideAccountReturnsToList(String command) throws Exception {
        String phone = phoneWithBoth();
        assertEquals(WORK, server.text(phone, "cd 2").text());
        server.app().accounts().revoke(phone, "Work", "test");

        String reply = server.text(phone, command).text();

        assertEquals(REVOKED, reply);
        assertFalse(reply.contains("secret"), reply);
    }

    @Test
    void revokedAccountNeverReachableAgain() throws Exception {
        String phone = phoneWithBoth();
        server.text(phone, "cd 2");
        server.text(phone, "cd 1");
        server.app().accounts().revoke(phone, "Work", "test");

        assertEquals(REVOKED, server.text(phone, "get 1").text());
        assertEquals("Your accounts:\n1 Home", server.text(phone, "ls").text());
        assertEquals("No item 2 here: choose 1, or send ls.", server.text(phone, "cd 2").text());
        assertEquals("No item 2 here: choose 1, or send ls.", server.text(phone, "get 2").text());
        assertEquals("Home:\n1 recipes.txt 4B 2026-11-30", server.text(phone, "cd 1").text());
        assertEquals("Your accounts:\n1 Home", server.text(phone, "cd ..").text());
    }

    @Test
    void revokedAccountNotEnteredFromOldList() throws Exception {
        String phone = phoneWithBoth();
        assertEquals("Your accounts:\n1 Home\n2 Work", server.text(phone, "ls").text());
        server.app().accounts().revoke(phone, "Work", "test");

        String reply = server.text(phone, "cd 2").text();

        assertEquals(REVOKED, reply);
    }

    @Test
    void revokedLastAccountGetsNotRegistered() throws Exception {
        String phone = newPhone(true);
        server.app().accounts().grant(phone, "Work", "test");
        assertEquals(WORK, server.text(phone, "cd 1").text());
        server.app().accounts().revoke(phone, "Work", "test");

        String first = server.text(phone, "ls").text();
        String second = server.text(phone, "get 2").text();

        assertEquals(NOT_REGISTERED, first);
        assertEquals("", second);
    }

    @Test
    void unverifiedPhoneGetsNoData() throws Exception {
        String phone = newPhone(false);
        server.app().accounts().grant(phone, "Work", "test");

        String first = server.text(phone, "ls").text();
        String second = server.text(phone, "cd 1").text();
        String third = server.text(phone, "get 2").text();
        clock.advance(Duration.ofHours(1));
        String afterAnHour = server.text(phone, "cd 1").text();

        assertEquals(NOT_REGISTERED, first);
        assertEquals("", second);
        assertEquals("", third);
        assertEquals(NOT_REGISTERED, afterAnHour);
    }

    @Test
    void verifiedPhoneWithoutGrantsGetsNoData() throws Exception {
        String phone = newPhone(true);

        String first = server.text(phone, "ls").text();
        String second = server.text(phone, "cd 1").text();

        assertEquals(NOT_REGISTERED, first);
        assertEquals("", second);
    }

    private String phoneWithBoth() {
        String phone = newPhone(true);
        server.app().accounts().grant(phone, "Home", "test");
        server.app().accounts().grant(phone, "Work", "test");
        return phone;
    }

    private String newPhone(boolean verified) {
        String phone = String.format("+1415555%04d", 2000 + phones.incrementAndGet());
        server.app().phones().add(phone, "", verified, "test");
        return phone;
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T09:00:00Z")));
    }
}
