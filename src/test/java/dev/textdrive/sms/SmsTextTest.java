package dev.textdrive.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsTextTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @ParameterizedTest(name = "{0} GSM-7 characters take {1} segments")
    @CsvSource({"0, 1", "1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
    void gsm7SegmentsByLength(int length, int expected) {
        String text = "a".repeat(length);

        assertEquals(SmsText.Encoding.GSM_7, SmsText.encoding(text));
        assertEquals(expected, SmsText.segments(text));
        assertEquals(expected, SegmentCounter.gsm7Segments(text));
    }

    @ParameterizedTest(name = "extension character {0} takes two units")
    @ValueSource(strings = {"]", "{", "€", "~"})
    void extensionCharacterCountsTwo(String extension) {
        String fits = extension + "a".repeat(158);
        String overflows = extension + "a".repeat(159);

        assertEquals(SmsText.Encoding.GSM_7, SmsText.encoding(fits));
        assertEquals(1, SmsText.segments(fits));
        assertEquals(2, SmsText.segments(overflows));
    }

    @Test
    void extensionNotSplitAcrossSegments() {
        // 152 + 2 + 152 = 306 units would fill two parts exactly, but the escape and its character must share one.
        String atBoundary = "a".repeat(152) + "]" + "a".repeat(152);
        String beforeBoundary = "a".repeat(151) + "]" + "a".repeat(153);

        assertEquals(3, SmsText.segments(atBoundary));
        assertEquals(2, SmsText.segments(beforeBoundary));
    }

    @ParameterizedTest(name = "UCS-2 text of {0} units takes {1} segments")
    @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "201, 3", "202, 4"})
    void ucs2SegmentsByLength(int length, int expected) {
        String text = "ł" + "a".repeat(length - 1);

        assertEquals(SmsText.Encoding.UCS_2, SmsText.encoding(text));
        assertEquals(expected, SmsText.segments(text));
        assertEquals(expected, SegmentCounter.ucs2Segments(text));
    }

    @Test
    void emojiMakesTextUcs2() {
        String text = EMOJI + "a".repeat(68);

        assertEquals(SmsText.Encoding.UCS_2, SmsText.encoding(text));
        assertEquals(1, SmsText.segments(text));
        assertEquals(2, SmsText.segments(text + "a"));
    }

    @Test
    void surrogatePairNotSplitAcrossSegments() {
        // 66 + 2 + 66 = 134 units would fill two parts exactly, but a surrogate pair must stay in one part.
        String atBoundary = "ł".repeat(66) + EMOJI + "ł".repeat(66);
        String beforeBoundary = "ł".repeat(65) + EMOJI + "ł".repeat(67);

        assertEquals(3, SmsText.segments(atBoundary));
        assertEquals(2, SmsText.segments(beforeBoundary));
    }

    @ParameterizedTest(name = "{0} is outside GSM-7")
    @ValueSource(strings = {"ł", "ç", "`", "報", "\u00A0", "\u2019"})
    void nonGsmCharacterMakesUcs2(String character) {
        assertEquals(SmsText.Encoding.UCS_2, SmsText.encoding("ls " + character));
    }

    @ParameterizedTest(name = "{0} is in GSM-7")
    @ValueSource(strings = {"@", "£", "Δ", "é", "Ñ", "ß", "\n", "€", "|"})
    void gsmCharacterKeepsGsm7(String character) {
        assertEquals(SmsText.Encoding.GSM_7, SmsText.encoding("ls " + character));
    }

    @Test
    void fitsRejectsOverBodyLimit() {
        String limit = "a".repeat(SmsText.MAX_BODY_CHARS);
        String over = "a".repeat(SmsText.MAX_BODY_CHARS + 1);

        assertTrue(SmsText.fits(limit, 11));
        assertFalse(SmsText.fits(over, 11));
        assertFalse(SmsText.fits(over, 100));
    }

    @Test
    void fitsChecksSegmentBudget() {
        assertTrue(SmsText.fits("a".repeat(306), 2));
        assertFalse(SmsText.fits("a".repeat(307), 2));
        assertTrue(SmsText.fits("ł".repeat(70), 1));
        assertFalse(SmsText.fits("ł".repeat(71), 1));
    }
}
