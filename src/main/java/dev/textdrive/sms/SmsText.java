package dev.textdrive.sms;

/**
 * Counts SMS segments as carriers do (3GPP TS 23.038 and 23.040).
 *
 * <p>A text made only of GSM-7 characters is sent in 7-bit units: 160 in one segment, or 153 per segment
 * when it is split, and each character of the extension table (such as {@code ] { } € ~}) takes two units
 * that are never split across segments. One character outside GSM-7 makes the whole text UCS-2, counted in
 * UTF-16 code units: 70 in one segment, or 67 per segment, never splitting a surrogate pair.
 */
public final class SmsText {

    /** Twilio rejects message bodies longer than this many characters. */
    public static final int MAX_BODY_CHARS = 1600;

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** GSM-7 units of each UTF-16 character: 1 in the basic table, 2 in the extension table, 0 outside GSM-7. */
    private static final byte[] GSM_UNITS = new byte[Character.MAX_VALUE + 1];

    static {
        GSM_BASIC.chars().forEach(c -> GSM_UNITS[c] = 1);
        GSM_EXTENSION.chars().forEach(c -> GSM_UNITS[c] = 2);
    }

    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;

    private SmsText() {
    }

    /** The character set a text is sent in. */
    public enum Encoding { GSM_7, UCS_2 }

    public static Encoding encoding(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (gsmUnits(text.charAt(i)) == 0) {
                return Encoding.UCS_2;
            }
        }
        return Encoding.GSM_7;
    }

    /** Returns the number of segments a text is sent in; an empty text takes one. */
    public static int segments(String text) {
        return encoding(text) == Encoding.GSM_7 ? gsmSegments(text) : ucs2Segments(text);
    }

    /** Returns whether a text fits in {@code budget} segments and Twilio's body limit. */
    public static boolean fits(String text, int budget) {
        return text.length() <= MAX_BODY_CHARS && segments(text) <= budget;
    }

    /** Returns whether a character is in the GSM-7 basic or extension table. */
    public static boolean isGsm(char c) {
        return gsmUnits(c) > 0;
    }

    private static int gsmUnits(char c) {
        return GSM_UNITS[c];
    }

    private static int gsmSegments(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += gsmUnits(text.charAt(i));
        }
        if (total <= GSM_SINGLE) {
            return 1;
        }

        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int units = gsmUnits(text.charAt(i));
            if (used + units > GSM_PART) {
                segments++;
                used = 0;
            }
            used += units;
        }
        return segments;
    }

    private static int ucs2Segments(String text) {
        if (text.length() <= UCS2_SINGLE) {
            return 1;
        }

        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int units = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + units > UCS2_PART) {
                segments++;
                used = 0;
            }
            used += units;
            i += units - 1;
        }
        return segments;
    }
}
