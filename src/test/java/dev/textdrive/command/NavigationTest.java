package dev.textdrive.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A texter with two local accounts moving between them and their folders. */
class NavigationTest {

    private static final String PHONE = "+14155550123";
    private static final String TOP = "Your accounts:\n1 personal\n2 Work";
    private static final String WORK = """
            Work:
            1 Alpha/
            2 beta/
            3 Zeta/
            4 Apple.txt 1B 2026-11-30
            5 banana.txt 2B 2026-11-30
            6 README.txt 3B 2026-11-30
            7 readme.txt 4B 2026-11-30
            8 zebra.txt 5B 2026-11-30""";

    @TempDir
    Path directory;

    @Test
    void cdMovesBetweenAccounts() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            Path work = server.phoneWithFolder(PHONE, "Work");
            Path personal = server.phoneWithFolder(PHONE, "personal");
            for (String folder : new String[] {"beta", "Alpha", "Zeta", ".git", "Alpha/.cache"}) {
                Files.createDirectory(work.resolve(folder));
            }
            write(work.resolve("zebra.txt"), "zebra");
            write(work.resolve("Apple.txt"), "a");
            write(work.resolve("banana.txt"), "bb");
            write(work.resolve("readme.txt"), "rrrr");
            write(work.resolve("README.txt"), "RRR");
            write(work.resolve(".DS_Store"), "mac");
            write(work.resolve(".hidden.txt"), "hidden");
            write(work.resolve("Alpha").resolve("inside.txt"), "inside");
            write(work.resolve("Alpha").resolve(".secret"), "secret");
            write(personal.resolve("diary.txt"), "dear diary");

            assertEquals(TOP, server.text(PHONE, "ls").text());
            assertEquals(WORK, server.text(PHONE, "cd 2").text());
            assertEquals("Work/Alpha:\n1 inside.txt 6B 2026-11-30", server.text(PHONE, "cd 1").text());
            assertEquals("No item 2 here: choose 1, or send ls.", server.text(PHONE, "get 2").text());
            assertEquals(WORK, server.text(PHONE, "cd ..").text());
            assertEquals("No item 9 here: choose 1-8, or send ls.", server.text(PHONE, "get 9").text());
            assertEquals(TOP, server.text(PHONE, "cd ..").text());
            assertEquals("personal:\n1 diary.txt 10B 2026-11-30", server.text(PHONE, "cd 1").text());
            assertEquals(TOP, server.text(PHONE, "cd..").text());
            assertEquals("You are at the top already. Send ls for your accounts.", server.text(PHONE, "cd ..").text());
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T09:00:00Z")));
    }
}
