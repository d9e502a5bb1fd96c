package dev.textdrive.gui.chat;

import dev.textdrive.gui.StatusReporter;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds message text in which http(s) URLs are links that open when clicked. */
public final class LinkFlow {

    private static final Logger log = LoggerFactory.getLogger(LinkFlow.class);

    /** The style class of a link inside message text. */
    public static final String LINK_CLASS = "td-link";
    /** The style class of plain message text. */
    public static final String TEXT_CLASS = "td-message-text";

    private LinkFlow() {
    }

    /**
     * Returns the text as a flow of plain runs and links. Links are {@link Text} nodes rather than hyperlinks, so
     * that long URLs wrap inside a bubble.
     *
     * @param opener opens a clicked URL, such as in the browser
     */
    public static TextFlow of(String text, Consumer<String> opener) {
        TextFlow flow = new TextFlow();
        for (TextLinks.Span span : TextLinks.split(text)) {
            Text run = new Text(span.text());
            if (span.link()) {
                run.getStyleClass().add(LINK_CLASS);
                run.setCursor(Cursor.HAND);
                run.setAccessibleHelp("Opens " + span.text());
                String url = span.text();
                run.setOnMouseClicked(event -> {
                    if (event.getButton() == MouseButton.PRIMARY) {
                        event.consume();
                        opener.accept(url);
                    }
                });
            } else {
                run.getStyleClass().add(TEXT_CLASS);
            }
            flow.getChildren().add(run);
        }
        return flow;
    }

    /** The status message after a link was handed to the browser. */
    public static final String OPENING = "Opening the link in your browser; it is also copied.";
    /** The status message when the browser could not be started. */
    public static final String NOT_OPENED = "Could not open a browser; the link is copied.";

    /**
     * Returns an opener that hands the URL to {@code browser} and also copies it. The copy is the fallback the
     * operator can always use: {@code HostServices.showDocument} returns normally even when no browser starts.
     *
     * @param browser opens a URL, such as {@code HostServices::showDocument}; it may throw when it cannot
     */
    public static Consumer<String> browserOpener(Consumer<String> browser, StatusReporter status) {
        return url -> {
            copy(url);
            try {
                browser.accept(url);
            } catch (RuntimeException e) {
                log.warn("The browser could not be opened for a link.", e);
                status.error(NOT_OPENED);
                return;
            }
            status.info(OPENING);
        };
    }

    /** Returns an opener that copies the URL to the clipboard, for windows that cannot open a browser. */
    public static Consumer<String> copyingOpener(StatusReporter status) {
        return url -> {
            copy(url);
            status.info("Copied the link " + url + "; paste it into a browser.");
        };
    }

    /** Puts text on the system clipboard. */
    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
