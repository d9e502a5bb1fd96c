package dev.textdrive.command;

import dev.textdrive.storage.Entry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats entries for SMS: shortened names, compact sizes and dates. */
final class EntryText {

    private static final String ELLIPSIS = "...";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final int MAX_EXTENSION = 8;

    private EntryText() {
    }

    /**
     * How much of an entry a listing line shows; a page falls back to less detail when not even one entry
     * would fit the segment budget otherwise.
     *
     * @param maxName the maximum name length in code points
     * @param size whether file sizes are shown
     * @param date whether modification dates are shown
     */
    record Detail(int maxName, boolean size, boolean date) {
        static final Detail[] LEVELS = {
                new Detail(40, true, true), new Detail(24, true, false), new Detail(12, false, false)};
    }

    /** Returns the listing line of an entry, such as {@code "3 report.pdf 2.1MB 2026-12-03"}. */
    static String line(int number, Entry entry, Detail detail, ZoneId zone) {
        StringBuilder line = new StringBuilder().append(number).append(' ').append(shorten(entry.name(), detail.maxName()));
        if (entry.kind() != Entry.Kind.FILE) {
            return entry.kind() == Entry.Kind.FOLDER ? line.append('/').toString() : line.toString();
        }
        if (detail.size() && entry.size() != null) {
            line.append(' ').append(size(entry.size()));
        }
        if (detail.date() && entry.modified() != null) {
            line.append(' ').append(DATE.format(entry.modified().atZone(zone)));
        }
        return line.toString();
    }

    /** Returns a size such as 12B, 340KB or 2.1MB, in units of 1024. */
    static String size(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + "B";
        }
        // Rounding may reach the next unit: 1023.9KB is shown as 1.0MB, not 1024KB.
        if (Math.round(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        // Values below 9.95 show one decimal. From 9.95 up, one decimal would print 10.0, so whole numbers are shown.
        return (value < 9.95 ? String.format(Locale.ROOT, "%.1f", value) : Long.toString(Math.round(value))) + units[unit];
    }

    /**
     * Shortens a name to at most {@code max} code points, keeping a short extension. Control characters (a file
     * name may contain a newline) and characters that XML 1.0 forbids become spaces, so the name can go into a
     * TwiML reply.
     */
    static String shorten(String name, int max) {
        String clean = name.codePoints()
                .filter(c -> !isBidiControl(c))
                .map(c -> Character.isISOControl(c) || !allowedInXml(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        int length = clean.codePointCount(0, clean.length());
        if (length <= max) {
            return clean;
        }

        String extension = "";
        int dot = clean.lastIndexOf('.');
        if (dot > 0) {
            String candidate = clean.substring(dot);
            int extensionLength = candidate.codePointCount(0, candidate.length());
            if (extensionLength <= MAX_EXTENSION && extensionLength + ELLIPSIS.length() < max) {
                extension = candidate;
            }
        }
        int keep = Math.max(1, max - ELLIPSIS.length() - extension.codePointCount(0, extension.length()));
        return clean.substring(0, clean.offsetByCodePoints(0, keep)) + ELLIPSIS + extension;
    }

    /** Returns whether XML 1.0 allows a code point in text. The caller handles controls below U+0020. */
    /**
     * Returns whether a character changes the direction of the text around it; removed from names because a
     * right-to-left override can make {@code txt.exe} display as {@code exe.txt}.
     */
    static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static boolean allowedInXml(int codePoint) {
        return codePoint < Character.MIN_SURROGATE
                || (codePoint > Character.MAX_SURROGATE && codePoint < 0xFFFE)
                || codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT;
    }

    /** Shortens a location such as {@code Work/Projects/2026/Reports} from the left, keeping the deepest folders. */
    static String location(String path, int max) {
        int length = path.codePointCount(0, path.length());
        if (length <= max) {
            return path;
        }
        int start = path.offsetByCodePoints(0, length - (max - ELLIPSIS.length()));
        return ELLIPSIS + path.substring(start);
    }
}
