package dev.textdrive.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.storage.Entry;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryTextTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void shortNameUnchanged() {
        assertEquals("notes.txt", EntryText.shorten("notes.txt", 40));
    }

    @Test
    void shortenKeepsShortExtension() {
        String shortened = EntryText.shorten("quarterly-report-for-the-board.pdf", 20);

        assertEquals("quarterly-rep....pdf", shortened);
        assertEquals(20, shortened.codePointCount(0, shortened.length()));
    }

    @Test
    void shortenDropsLongExtension() {
        assertEquals("archive.tar.gzipp...", EntryText.shorten("archive.tar.gzippedbundle", 20));
        assertEquals("backup-of-the-whol...", EntryText.shorten("backup-of-the-whole-disk.superlongext", 21));
    }

    @Test
    void shortenWithoutExtensionEndsInEllipsis() {
        assertEquals("abcdefg...", EntryText.shorten("abcdefghijklmnop", 10));
    }

    @Test
    void shortenKeepsSurrogatePairs() {
        String emojiName = EMOJI.repeat(30);
        String shortened = EntryText.shorten(emojiName, 10);

        assertEquals(EMOJI.repeat(7) + "...", shortened);
        assertTrue(wellFormed(shortened));
    }

    @Test
    void shortenKeepsPairsBeforeExtension() {
        String shortened = EntryText.shorten("a" + EMOJI.repeat(20) + ".txt", 9);

        assertEquals("a" + EMOJI + "....txt", shortened);
        assertTrue(wellFormed(shortened));
    }

    @Test
    void shortenReplacesControlCharacters() {
        assertEquals("line one line two.txt", EntryText.shorten("line one\nline two.txt", 40));
        assertEquals("tab here.txt", EntryText.shorten("tab\there.txt", 40));
        assertEquals("a b c", EntryText.shorten("a\rb\u0000c", 40));
        assertEquals("next line", EntryText.shorten("next\u0085line", 40));
    }

    @Test
    void shortenReplacesXmlForbiddenCharacters() {
        assertEquals("bad .txt", EntryText.shorten("bad\uFFFE.txt", 40));
        assertEquals("bad .txt", EntryText.shorten("bad\uFFFF.txt", 40));
        assertEquals("lone  .txt", EntryText.shorten("lone \uD83D.txt", 40));
        assertEquals("keep \uFFFD" + EMOJI, EntryText.shorten("keep \uFFFD" + EMOJI, 40));
    }

    @Test
    void shortenedControlNameHasNoNewline() {
        String shortened = EntryText.shorten("first line\nsecond line\nthird line.txt", 16);

        assertFalse(shortened.contains("\n"));
        assertEquals("first lin....txt", shortened);
    }

    @ParameterizedTest(name = "{0} bytes is {1}")
    @CsvSource({
            "0, 0B",
            "1, 1B",
            "1023, 1023B",
            "1024, 1.0KB",
            "1536, 1.5KB",
            "10188, 9.9KB",
            "10239, 10KB",
            "1048575, 1.0MB",
            "1073741823, 1.0GB",
            "348160, 340KB",
            "2202010, 2.1MB",
            "5368709120, 5.0GB",
            "1099511627776, 1.0TB"})
    void sizeFormatsUnits(long bytes, String expected) {
        assertEquals(expected, EntryText.size(bytes));
    }

    @Test
    void lineShowsFileDetails() {
        Entry file = new Entry("report.pdf", "report.pdf", Entry.Kind.FILE, 2202010L, Instant.parse("2026-12-03T10:00:00Z"));

        String line = EntryText.line(3, file, EntryText.Detail.LEVELS[0], ZoneOffset.UTC);

        assertEquals("3 report.pdf 2.1MB 2026-12-03", line);
    }

    @Test
    void lineMarksFolderWithSlash() {
        Entry folder = new Entry("Projects", "Projects", Entry.Kind.FOLDER, null, Instant.parse("2026-12-03T10:00:00Z"));

        assertEquals("1 Projects/", EntryText.line(1, folder, EntryText.Detail.LEVELS[0], ZoneOffset.UTC));
    }

    @Test
    void lineWithLeastDetailDropsSizeAndDate() {
        Entry file = new Entry("a", "a-rather-long-file-name.txt", Entry.Kind.FILE, 100L, Instant.parse("2026-12-03T10:00:00Z"));
        EntryText.Detail least = EntryText.Detail.LEVELS[EntryText.Detail.LEVELS.length - 1];

        assertEquals("12 a-rat....txt", EntryText.line(12, file, least, ZoneOffset.UTC));
    }

    @Test
    void locationKeepsDeepestFolders() {
        assertEquals("Work/Projects", EntryText.location("Work/Projects", 30));
        assertEquals(".../2026/Reports", EntryText.location("Work/Projects/2026/Reports", 16));
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
