package dev.textdrive.gui.chat;

import dev.textdrive.gui.StatusReporter;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Builds message text in which http(s) URLs are links that open when clicked. */
public final class LinkFlow {

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
