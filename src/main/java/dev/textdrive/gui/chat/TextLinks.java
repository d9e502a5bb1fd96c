package dev.textdrive.gui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits message text into plain runs and http(s) URLs, so that views can make the URLs clickable. */
public final class TextLinks {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    /** Characters that end a sentence around a URL more often than they end the URL itself. */
    private static final String TRAILING = ".,;:!?)'";

    private TextLinks() {
    }

    /**
     * A run of text.
     *
     * @param text the characters
     * @param link whether the run is a URL
     */
    public record Span(String text, boolean link) {
    }

    /** Returns the runs of {@code text} in order, whose texts joined are {@code text} again. */
    public static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int position = 0;
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end <= text.indexOf("://", matcher.start()) + 3) {
                continue;
            }
            if (matcher.start() > position) {
                spans.add(new Span(text.substring(position, matcher.start()), false));
            }
            spans.add(new Span(text.substring(matcher.start(), end), true));
            position = end;
        }
        if (position < text.length()) {
            spans.add(new Span(text.substring(position), false));
        }
        return spans;
    }

    /** Returns the first URL in {@code text}, or null when it has none. */
    public static String firstLink(String text) {
        return split(text).stream().filter(Span::link).map(Span::text).findFirst().orElse(null);
    }
}
