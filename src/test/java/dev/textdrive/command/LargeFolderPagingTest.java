package dev.textdrive.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.sms.SegmentCounter;
import dev.textdrive.sms.SmsText;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages a folder of 1,122 files from the first page to the end and downloads a file from far down the list. */
class LargeFolderPagingTest {

    private static final String PHONE = "+14155550123";
    private static final int FILES = 1122;
    private static final Pattern LINE = Pattern.compile("(\\d+) (file-\\d{4}\\.txt) (\\d+B) 2026-11-30");

    @TempDir
    Path directory;

    @Test
    void lsPagesLongFolder() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            pageToEndAndDownload(server, 2);
        }
    }

    @Test
    void lsPagesWithOneSegmentBudget() throws Exception {
        String oneSegment = "sms:\n  segment_budget: 1\n  default_region: US\n";
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"), null, oneSegment)) {
            pageToEndAndDownload(server, 1);
        }
    }

    private static void pageToEndAndDownload(TestServer server, int budget) throws Exception {
        Path folder = server.phoneWithFolder(PHONE, "Big");
        for (int i = 1; i <= FILES; i++) {
            String name = String.format("file-%04d.txt", i);
            Path file = Files.writeString(folder.resolve(name), "This is " + name + ", number " + i + ".\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T09:00:00Z")));
        }

        Map<Integer, String> namesByNumber = new TreeMap<>();
        List<String> replies = new ArrayList<>();
        String reply = server.text(PHONE, "cd 1").text();
        while (true) {
            replies.add(reply);
            checkBudget(reply, budget);
            boolean more = readPage(reply, namesByNumber);
            if (!more) {
                break;
            }
            assertTrue(replies.size() <= FILES, "paging does not end");
            reply = server.text(PHONE, "more").text();
        }

        assertEquals(FILES, namesByNumber.size());
        assertEquals(FILES, new HashSet<>(namesByNumber.values()).size());
        for (int i = 1; i <= FILES; i++) {
            assertEquals(String.format("file-%04d.txt", i), namesByNumber.get(i), "entry " + i);
        }
        String last = replies.get(replies.size() - 1);
        assertFalse(last.contains("more"), last);
        assertEquals(Replies.END_OF_LIST, server.text(PHONE, "more").text());

        TestServer.Reply get = server.text(PHONE, "get 1100");
        String expectedName = namesByNumber.get(1100);
        assertTrue(get.text().startsWith(expectedName + " ("), get.text());
        checkBudget(get.text(), budget);
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.local(get.link()))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(Files.readAllBytes(folder.resolve(expectedName)), download.body());
        assertEquals("This is file-1100.txt, number 1100.\n", new String(download.body(), StandardCharsets.UTF_8));
    }

    /** Checks one page and records its entries by number. Returns whether the page ends with the "more" footer. */
    private static boolean readPage(String reply, Map<Integer, String> namesByNumber) {
        List<String> lines = reply.lines().toList();
        int next = namesByNumber.size() + 1;
        String expectedHeader = next == 1 ? "Big:" : "Big, from " + next + ":";
        assertEquals(expectedHeader, lines.get(0));

        boolean footer = lines.get(lines.size() - 1).equals(ListingPager.FOOTER);
        int entryLines = lines.size() - 1 - (footer ? 1 : 0);
        assertTrue(entryLines >= 1, "page without entries: " + reply);
        for (String line : lines.subList(1, 1 + entryLines)) {
            Matcher matcher = LINE.matcher(line);
            assertTrue(matcher.matches(), "unexpected line: " + line);
            int number = Integer.parseInt(matcher.group(1));
            assertEquals(next, number, "numbering in: " + reply);
            assertNull(namesByNumber.put(number, matcher.group(2)), "shown twice: " + number);
            next++;
        }
        return footer;
    }

    private static void checkBudget(String reply, int budget) {
        assertTrue(reply.length() <= SmsText.MAX_BODY_CHARS, "over 1600 characters: " + reply.length());
        assertTrue(SegmentCounter.isGsm7(reply), reply);
        int segments = SegmentCounter.gsm7Segments(reply);
        assertTrue(segments <= budget, segments + " segments: " + reply);
        assertEquals(segments, SmsText.segments(reply));
    }
}
