package dev.textdrive.storage.kloudless;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.sms.SmsText;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.testing.FakeKloudless;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages a Kloudless folder of 2,500 items by SMS through the real webhook, reading only the API pages each
 * reply needs, then links a file from a late page.
 */
class KloudlessPagingTest {

    private static final String PHONE = "+14155550123";
    private static final String ACCOUNT_ID = "acc-ann";
    private static final String TOKEN = "tok-ann-0123456789";
    private static final int ITEMS = 2500;
    private static final int API_PAGES = ITEMS / KloudlessProvider.PAGE_SIZE;
    private static final Instant MODIFIED = Instant.parse("2026-11-30T09:00:00Z");
    private static final Pattern FILE_LINE = Pattern.compile("(\\d+) (file-\\d{4}\\.txt) (\\d+B) 2026-11-30");
    private static final Pattern FOLDER_LINE = Pattern.compile("(\\d+) (dir-\\d{4})/");

    @TempDir
    Path directory;

    @Test
    void lsPagesLargeFolderLazily() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-04T12:00:00Z");
        try (FakeKloudless fake = new FakeKloudless();
             TestServer server = TestServer.start(directory, clock, null, "links:\n  expiry: 2h\n")) {
            fake.addAccount(ACCOUNT_ID, "dropbox", "ann@example.com", TOKEN);
            for (int i = 1; i <= ITEMS; i++) {
                if (i % 25 == 0) {
                    fake.addFolder(ACCOUNT_ID, "root", "folder-" + i, String.format("dir-%04d", i));
                } else {
                    fake.addFile(ACCOUNT_ID, "root", "file-" + i, name(i), content(i), MODIFIED);
                }
            }
            server.app().phones().add(PHONE, "", true, "test");
            StorageAccount account = server.app().kloudless().addWithToken("Cloud", TOKEN, Optional.of(ACCOUNT_ID),
                    fake.baseUrl(), "test");
            server.app().accounts().grant(PHONE, account.name(), "test");

            assertEquals("Your accounts:\n1 Cloud - Dropbox (ann@example.com)", server.text(PHONE, "ls").text());
            assertEquals(List.of(), fake.contentsRequests());

            Map<Integer, String> namesByNumber = new TreeMap<>();
            String reply = server.text(PHONE, "cd 1").text();
            assertEquals(new TreeSet<>(List.of(1)), pagesRequested(fake));
            int texts = 1;
            while (true) {
                assertTrue(SmsText.fits(reply, 2), "over budget: " + reply);
                boolean more = readPage(reply, namesByNumber);
                checkPagesRequested(fake, namesByNumber.size());
                if (!more) {
                    break;
                }
                assertTrue(texts <= ITEMS, "paging does not end");
                reply = server.text(PHONE, "more").text();
                texts++;
            }

            assertEquals(ITEMS, namesByNumber.size());
            for (int i = 1; i <= ITEMS; i++) {
                String expected = i % 25 == 0 ? String.format("dir-%04d", i) : name(i);
                assertEquals(expected, namesByNumber.get(i), "entry " + i);
            }
            assertEquals(rangeOfPages(API_PAGES), pagesRequested(fake));
            assertTrue(fake.contentsRequests().size() <= 2 * texts,
                    fake.contentsRequests().size() + " contents requests for " + texts + " texts");
            for (FakeKloudless.ContentsRequest request : fake.contentsRequests()) {
                assertEquals(KloudlessProvider.PAGE_SIZE, request.pageSize());
                assertEquals("root", request.folderId());
            }
            assertEquals("That was the end of the list. Send ls to see it again.", server.text(PHONE, "more").text());

            clock.advance(Duration.ofMinutes(5));
            String get = server.text(PHONE, "get 2345").text();

            assertEquals(1, fake.linkRequests().size());
            FakeKloudless.LinkRequest link = fake.linkRequests().get(0);
            assertEquals("file-2345", link.fileId());
            assertEquals(ACCOUNT_ID, link.accountId());
            assertTrue(link.direct());
            assertEquals(Instant.parse("2026-12-04T14:05:00Z"), link.expiration());
            assertEquals("file-2345.txt (" + content(2345).length + "B)\n" + link.url() + "\nExpires 4 Dec 14:05 Z", get);
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(link.url())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            assertArrayEquals(content(2345), download.body());
        }
    }

    /**
     * Checks that the fake served the API page of the next entry to show, and no page past the one after it: a
     * page may look one entry ahead to decide whether it needs the "more" footer.
     */
    private static void checkPagesRequested(FakeKloudless fake, int shown) {
        TreeSet<Integer> pages = pagesRequested(fake);
        int nextEntryPage = Math.min(API_PAGES, pageOf(shown + 1));
        int lookAheadPage = Math.min(API_PAGES, pageOf(shown + 2));
        assertTrue(pages.contains(nextEntryPage), "after " + shown + " entries, pages " + pages);
        assertTrue(pages.last() <= lookAheadPage, "after " + shown + " entries, pages " + pages);
    }

    /** Returns the 1-based API page that contains the 1-based entry number. */
    private static int pageOf(int entry) {
        return (entry - 1) / KloudlessProvider.PAGE_SIZE + 1;
    }

    private static TreeSet<Integer> pagesRequested(FakeKloudless fake) {
        TreeSet<Integer> pages = new TreeSet<>();
        fake.contentsRequests().forEach(request -> pages.add(request.page()));
        return pages;
    }

    private static TreeSet<Integer> rangeOfPages(int last) {
        TreeSet<Integer> pages = new TreeSet<>();
        for (int page = 1; page <= last; page++) {
            pages.add(page);
        }
        return pages;
    }

    /** Checks one page and records its entries by number. Returns whether the page ends with the "more" footer. */
    private static boolean readPage(String reply, Map<Integer, String> namesByNumber) {
        List<String> lines = reply.lines().toList();
        int next = namesByNumber.size() + 1;
        assertEquals(next == 1 ? "Cloud:" : "Cloud, from " + next + ":", lines.get(0));

        boolean footer = lines.get(lines.size() - 1).equals("Send more for the next page.");
        int entryLines = lines.size() - 1 - (footer ? 1 : 0);
        assertTrue(entryLines >= 1, "page without entries: " + reply);
        for (String line : lines.subList(1, 1 + entryLines)) {
            Matcher file = FILE_LINE.matcher(line);
            Matcher folder = FOLDER_LINE.matcher(line);
            Matcher matched = file.matches() ? file : folder;
            assertTrue(matched.matches(), "unexpected line: " + line);
            int number = Integer.parseInt(matched.group(1));
            assertEquals(next, number, "numbering in: " + reply);
            assertNull(namesByNumber.put(number, matched.group(2)), "shown twice: " + number);
            next++;
        }
        return footer;
    }

    private static String name(int i) {
        return String.format("file-%04d.txt", i);
    }

    private static byte[] content(int i) {
        return ("Kloudless file " + i + ".\n").getBytes(StandardCharsets.UTF_8);
    }
}
