package dev.textdrive.storage.kloudless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.textdrive.storage.StorageAccount;
import dev.textdrive.testing.FakeKloudless;
import dev.textdrive.testing.FakeTwilio;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A texter's view of Kloudless accounts: their names in the account list, and moving in and out of them. */
class KloudlessNavigationTest {

    private static final String PHONE = "+14155550123";
    private static final Instant MODIFIED = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Cloud | dropbox     | ann@example.com | Cloud - Dropbox (ann@example.com)
                  | dropbox     | ann@example.com | Dropbox (ann@example.com)
                  | gdrive      | bob@example.com | Google Drive (bob@example.com)
                  | onedrivebiz | eve@example.com | OneDrive for Business (eve@example.com)
                  | nextbox     | kim@example.com | nextbox (kim@example.com)
            """)
    void accountListShowsServiceAndLogin(String name, String service, String login, String listed) throws Exception {
        try (FakeKloudless fake = new FakeKloudless();
             TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            fake.addAccount("acc-1", service, login, "tok-1");
            server.app().phones().add(PHONE, "", true, "test");
            StorageAccount account = server.app().kloudless().addWithToken(name, "tok-1", Optional.of("acc-1"),
                    fake.baseUrl(), "test");
            server.app().accounts().grant(PHONE, account.name(), "test");

            assertEquals(listed, account.displayName());
            assertEquals("Your accounts:\n1 " + listed, server.text(PHONE, "ls").text());
        }
    }

    @Test
    void cdMovesBetweenLocalAndKloudless() throws Exception {
        try (FakeKloudless fake = new FakeKloudless();
             TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            Path local = server.phoneWithFolder(PHONE, "Alpha");
            Path diary = Files.writeString(local.resolve("diary.txt"), "dear diary");
            Files.setLastModifiedTime(diary, FileTime.from(MODIFIED));
            fake.addAccount("acc-ann", "dropbox", "ann@example.com", "tok-ann");
            fake.addFolder("acc-ann", "root", "folder-reports", "Reports");
            fake.addFile("acc-ann", "folder-reports", "file-q4", "q4.pdf", new byte[2048], MODIFIED);
            fake.addFile("acc-ann", "root", "file-notes", "notes.txt", bytes("hello"), MODIFIED);
            server.app().kloudless().addWithToken("Cloud", "tok-ann", Optional.of("acc-ann"), fake.baseUrl(), "test");
            server.app().accounts().grant(PHONE, "Cloud", "test");
            String top = "Your accounts:\n1 Alpha\n2 Cloud - Dropbox (ann@example.com)";
            String cloudRoot = "Cloud:\n1 Reports/\n2 notes.txt 5B 2026-11-30";
            String alphaRoot = "Alpha:\n1 diary.txt 10B 2026-11-30";

            assertEquals(top, server.text(PHONE, "ls").text());
            assertEquals(cloudRoot, server.text(PHONE, "cd 2").text());
            assertEquals("Cloud/Reports:\n1 q4.pdf 2.0KB 2026-11-30", server.text(PHONE, "cd 1").text());
            assertEquals(cloudRoot, server.text(PHONE, "cd ..").text());
            assertEquals(top, server.text(PHONE, "cd ..").text());
            assertEquals(alphaRoot, server.text(PHONE, "cd 1").text());
            assertEquals("1 is a file: send get 1 for a link.", server.text(PHONE, "cd 1").text());
            assertEquals(top, server.text(PHONE, "cd ..").text());
            assertEquals(cloudRoot, server.text(PHONE, "cd 2").text());
            String get = server.text(PHONE, "get 2").text();
            assertEquals(1, fake.linkRequests().size());
            assertEquals("file-notes", fake.linkRequests().get(0).fileId());
            assertEquals("notes.txt (5B)\n" + fake.linkRequests().get(0).url() + "\nExpires 5 Dec 12:00 Z", get);
            assertEquals(top, server.text(PHONE, "cd ..").text());
            assertEquals("You are at the top already. Send ls for your accounts.", server.text(PHONE, "cd ..").text());
        }
    }

    @Test
    void sendTextsKloudlessLink() throws Exception {
        try (FakeKloudless fake = new FakeKloudless();
             FakeTwilio twilio = new FakeTwilio(TestServer.ACCOUNT_SID, TestServer.AUTH_TOKEN);
             TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"), twilio, "")) {
            fake.addAccount("acc-ann", "dropbox", "ann@example.com", "tok-ann");
            fake.addFile("acc-ann", "root", "file-notes", "notes.txt", bytes("hello"), MODIFIED);
            server.app().phones().add(PHONE, "", true, "test");
            server.app().kloudless().addWithToken("Cloud", "tok-ann", Optional.of("acc-ann"), fake.baseUrl(), "test");
            server.app().accounts().grant(PHONE, "Cloud", "test");
            server.text(PHONE, "cd 1");

            String reply = server.text(PHONE, "send 1 +12015550123").text();

            assertEquals("Sent notes.txt (5B) to +1 201-555-0123.", reply);
            assertEquals(1, fake.linkRequests().size());
            assertEquals(1, twilio.messages().size());
            assertEquals("+12015550123", twilio.messages().get(0).get("To"));
            assertEquals("+1 415-555-0123 sent you notes.txt (5B) by TextDrive:\n" + fake.linkRequests().get(0).url()
                    + "\nExpires 5 Dec 12:00 Z", twilio.messages().get(0).get("Body"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
