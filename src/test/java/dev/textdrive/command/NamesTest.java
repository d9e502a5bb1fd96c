package dev.textdrive.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.sms.SegmentCounter;
import dev.textdrive.sms.SmsText;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** File names with XML markup, emoji, great length or letters outside GSM-7, in listings and links. */
class NamesTest {

    private static final String PHONE = "+14155550123";
    private static final String MARKUP = "a&b <c> \"d\" 'e'.txt";
    private static final String EMOJI = "\uD83D\uDE00 party.jpg";
    private static final String LONG = "long-" + "x".repeat(191) + ".pdf";
    private static final String POLISH = "Zażółć gęślą jaźń.txt";
    private static final String JAPANESE = "報告書.pdf";
    private static final String LONG_JAPANESE = "議事録".repeat(26) + ".txt";

    @TempDir
    Path directory;

    @Test
    void namesSurviveListingAndLinks() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            Path folder = server.phoneWithFolder(PHONE, "Names");
            for (String name : List.of(MARKUP, EMOJI, LONG, POLISH, JAPANESE, LONG_JAPANESE)) {
                Path file = Files.writeString(folder.resolve(name), "hello");
                Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T09:00:00Z")));
            }
            assertEquals(200, LONG.length());

            List<String> lines = new ArrayList<>();
            TestServer.Reply page = server.text(PHONE, "cd 1");
            List<TestServer.Reply> pages = new ArrayList<>(List.of(page));
            while (page.text().endsWith(ListingPager.FOOTER)) {
                page = server.text(PHONE, "more");
                pages.add(page);
            }
            for (TestServer.Reply reply : pages) {
                String text = parsedText(reply.twiml());
                assertEquals(reply.text(), text);
                checkBudget(text);
                text.lines().skip(1).filter(line -> !line.equals(ListingPager.FOOTER)).forEach(lines::add);
            }

            assertEquals(6, lines.size(), String.join("\n", lines));
            assertEquals("1 " + MARKUP + " 5B 2026-11-30", lines.get(0));
            assertEquals("2 long-" + "x".repeat(28) + "....pdf 5B 2026-11-30", lines.get(1));
            assertEquals("3 " + POLISH + " 5B 2026-11-30", lines.get(2));
            assertEquals("4 " + JAPANESE + " 5B 2026-11-30", lines.get(3));
            assertEquals("5 " + "議事録".repeat(11) + "....txt 5B 2026-11-30", lines.get(4));
            assertEquals("6 " + EMOJI + " 5B 2026-11-30", lines.get(5));
            assertTrue(pages.get(0).twiml().contains("a&amp;b &lt;c&gt;"), pages.get(0).twiml());
            assertTrue(pages.stream().anyMatch(reply -> !SegmentCounter.isGsm7(reply.text())));

            List<String> expectedNames = List.of(MARKUP, "long-" + "x".repeat(48) + "....pdf", POLISH, JAPANESE,
                    "議事録".repeat(11) + "....txt", EMOJI);
            for (int i = 0; i < expectedNames.size(); i++) {
                TestServer.Reply get = server.text(PHONE, "get " + (i + 1));
                String text = parsedText(get.twiml());
                assertEquals(expectedNames.get(i) + " (5B)\n" + get.link() + "\nExpires 5 Dec 12:00 Z", text);
                checkBudget(text);
            }
        }
    }

    @Test
    void folderNameEscapedInHeader() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            Path folder = server.phoneWithFolder(PHONE, "Names");
            Path inner = Files.createDirectory(folder.resolve("Zdjęcia & <więcej>"));
            Path file = Files.writeString(inner.resolve("plaża.jpg"), "sand");
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T09:00:00Z")));
            server.text(PHONE, "cd 1");

            TestServer.Reply reply = server.text(PHONE, "cd 1");

            assertTrue(reply.twiml().contains("Names/Zdjęcia &amp; &lt;więcej&gt;:"), reply.twiml());
            assertEquals("Names/Zdjęcia & <więcej>:\n1 plaża.jpg 4B 2026-11-30", parsedText(reply.twiml()));
        }
    }

    @Test
    void newlineInNameStaysOneLine() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            Path folder = server.phoneWithFolder(PHONE, "Names");
            Path file = Files.writeString(folder.resolve("two\nlines.txt"), "hello");
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T09:00:00Z")));

            String listing = parsedText(server.text(PHONE, "cd 1").twiml());

            assertEquals("Names:\n1 two lines.txt 5B 2026-11-30", listing);
        }
    }

    @Test
    void xmlForbiddenCharacterReplaced() throws Exception {
        try (TestServer server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            Path folder = server.phoneWithFolder(PHONE, "Names");
            Path file = Files.writeString(folder.resolve("bad\uFFFE.txt"), "hello");
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T09:00:00Z")));

            TestServer.Reply reply = server.text(PHONE, "cd 1");

            assertEquals("Names:\n1 bad .txt 5B 2026-11-30", parsedText(reply.twiml()));
        }
    }

    /** Parses TwiML as a strict XML parser would, with no doctype, and returns the text of its one Message. */
    private static String parsedText(String twiml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Response", document.getDocumentElement().getTagName());
        NodeList messages = document.getElementsByTagName("Message");
        assertEquals(1, messages.getLength(), twiml);
        return messages.item(0).getTextContent();
    }

    /** Checks a reply against the 2-segment budget in the encoding its characters need. */
    private static void checkBudget(String text) {
        assertTrue(text.length() <= SmsText.MAX_BODY_CHARS, text);
        if (SegmentCounter.isGsm7(text)) {
            assertTrue(SegmentCounter.gsm7Segments(text) <= 2, "over budget as GSM-7: " + text);
        } else {
            assertTrue(SegmentCounter.ucs2Segments(text) <= 2, "over budget as UCS-2: " + text);
        }
        assertFalse(text.isEmpty());
    }
}
