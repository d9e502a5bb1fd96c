package dev.textdrive.sms;

/**
 * A segment count written apart from {@link SmsText}, straight from the GSM 03.38 tables and the
 * concatenated-SMS sizes of 3GPP TS 23.040, so tests can check replies without trusting the product's count.
 */
public final class SegmentCounter {

    /** The GSM 03.38 basic table, in table order from 0x00 to 0x7F, with the escape at 0x1B left out. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ" + "ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The GSM 03.38 extension table. Each of its characters is sent as the escape and a second septet. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SegmentCounter() {
    }

    /** Returns whether every character of the text is in the GSM 03.38 basic or extension table. */
    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
    }

    /** Returns the number of septets a GSM-7 text takes, two for each extension character. */
    public static int gsm7Units(String text) {
        int units = 0;
        for (char c : text.toCharArray()) {
            units += EXTENSION.indexOf(c) >= 0 ? 2 : 1;
        }
        return units;
    }

    /** Returns the number of segments of a GSM-7 text: one up to 160 septets, else 153 per part, escapes kept whole. */
    public static int gsm7Segments(String text) {
        if (gsm7Units(text) <= 160) {
            return 1;
        }
        int parts = 1;
        int free = 153;
        for (char c : text.toCharArray()) {
            int size = EXTENSION.indexOf(c) >= 0 ? 2 : 1;
            if (size > free) {
                parts++;
                free = 153;
            }
            free -= size;
        }
        return parts;
    }

    /** Returns the number of segments of a UCS-2 text: one up to 70 UTF-16 units, else 67 per part, pairs kept whole. */
    public static int ucs2Segments(String text) {
        if (text.length() <= 70) {
            return 1;
        }
        int parts = 1;
        int free = 67;
        int i = 0;
        while (i < text.length()) {
            int size = Character.charCount(text.codePointAt(i));
            if (size > free) {
                parts++;
                free = 67;
            }
            free -= size;
            i += size;
        }
        return parts;
    }

    /** Returns the number of segments of a text in the encoding it needs: GSM-7 when possible, otherwise UCS-2. */
    public static int segments(String text) {
        return isGsm7(text) ? gsm7Segments(text) : ucs2Segments(text);
    }
}
