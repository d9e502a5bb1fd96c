package dev.textdrive.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.sms.SegmentCounter;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkReplyBudgetTest {

    private static final String PHONE = "+12025550143";

    @TempDir
    Path directory;

    @Test
    void ucs2NameKeepsOneSegmentGet() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"), null,
                "sms:\n  segment_budget: 1\n  default_region: US\n")) {
            Path folder = server.phoneWithFolder(PHONE, "Work");
            Files.writeString(folder.resolve("plaża.txt"), "sand");
            server.text(PHONE, "cd 1");

            TestServer.Reply reply = server.text(PHONE, "get 1");

            assertTrue(reply.text().startsWith("pla_a.txt (4B)\nhttps://textdrive.example.test/d/"), reply.text());
            assertEquals(1, SegmentCounter.segments(reply.text()), reply.text());
        }
    }

    @Test
    void japaneseNameFitsTwoSegments() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            Path folder = server.phoneWithFolder(PHONE, "Work");
            String name = "東京の四半期報告書と来年度の予算案の最終版をまとめた資料.pdf";
            Files.writeString(folder.resolve(name), "report");
            server.text(PHONE, "cd 1");

            TestServer.Reply reply = server.text(PHONE, "get 1");

            assertTrue(reply.text().contains("https://textdrive.example.test/d/"), reply.text());
            assertTrue(SegmentCounter.segments(reply.text()) <= 2, reply.text());
        }
    }

    @Test
    void gsmOnlyReplacesRuns() {
        assertEquals("_.pdf", FileSharer.gsmOnly("東京.pdf"));
        assertEquals("pla_a", FileSharer.gsmOnly("plaża"));
        assertEquals("Résumé", FileSharer.gsmOnly("Résumé"));
    }
}
