package dev.textdrive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSmokeTest {

    @TempDir
    Path directory;

    @Test
    void lsListsGrantedFolder() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            Path folder = server.phoneWithFolder("+14155550123", "Work");
            Path notes = Files.writeString(folder.resolve("notes.txt"), "hello");
            Files.setLastModifiedTime(notes, FileTime.from(Instant.parse("2026-11-30T09:00:00Z")));

            TestServer.Reply top = server.text("+14155550123", "ls");
            TestServer.Reply inside = server.text("+14155550123", "cd 1");

            assertEquals(200, top.status());
            assertEquals("Your accounts:\n1 Work", top.text());
            assertEquals("Work:\n1 notes.txt 5B 2026-11-30", inside.text());
        }
    }
}
