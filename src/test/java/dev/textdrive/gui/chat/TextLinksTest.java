package dev.textdrive.gui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TextLinksTest {

    /** Writes spans as text with links in brackets, such as "see [http://a.test/x]." */
    private static String bracketed(List<TextLinks.Span> spans) {
        return spans.stream().map(span -> span.link() ? "[" + span.text() + "]" : span.text())
                .collect(Collectors.joining());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no link here                                  | no link here",
            "https://example.test/d/abc                    | [https://example.test/d/abc]",
            "Link: http://127.0.0.1:15456/d/x1 expires     | Link: [http://127.0.0.1:15456/d/x1] expires",
            "see https://example.test/d/abc.               | see [https://example.test/d/abc].",
            "(https://example.test/a)                      | ([https://example.test/a])",
            "https:// alone                                | https:// alone",
            "two http://a.test/1 and https://b.test/2!     | two [http://a.test/1] and [https://b.test/2]!",
    })
    void splitMarksUrls(String text, String expected) {
        List<TextLinks.Span> spans = TextLinks.split(text);

        assertEquals(expected, bracketed(spans));
        assertEquals(text, spans.stream().map(TextLinks.Span::text).collect(Collectors.joining()));
    }

    @Test
    void splitKeepsLineBreaks() {
        String reply = "Welcome.txt (1KB)\nhttps://textdrive.example.test/d/tok\nExpires 5 Dec 12:00 UTC";

        assertEquals("Welcome.txt (1KB)\n[https://textdrive.example.test/d/tok]\nExpires 5 Dec 12:00 UTC",
                bracketed(TextLinks.split(reply)));
    }

    @Test
    void firstLinkOfTextWithoutLinkIsNull() {
        assertNull(TextLinks.firstLink("Your accounts:\n1 Demo"));
        assertEquals("https://a.test/x", TextLinks.firstLink("get https://a.test/x or https://b.test/y"));
    }
}
