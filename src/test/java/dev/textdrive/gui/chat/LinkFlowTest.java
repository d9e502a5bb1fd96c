package dev.textdrive.gui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The link opener of the desktop app, which always copies the link and reports whether the browser started. */
@ExtendWith(ApplicationExtension.class)
class LinkFlowTest {

    private static final String URL = "https://textdrive.example.test/d/abc123";

    private final RecordingStatus status = new RecordingStatus();
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void openedLinkIsAlsoCopied(FxRobot robot) {
        Consumer<String> opener = LinkFlow.browserOpener(opened::add, status);

        robot.interact(() -> opener.accept(URL));

        assertEquals(List.of(URL), opened);
        assertEquals(URL, clipboardText(robot));
        assertEquals(List.of(LinkFlow.OPENING), status.infos);
        assertEquals(List.of(), status.errors);
    }

    @Test
    void failedBrowserLeavesLinkCopied(FxRobot robot) {
        Consumer<String> opener = LinkFlow.browserOpener(url -> {
            throw new UnsupportedOperationException("no browser");
        }, status);

        robot.interact(() -> opener.accept(URL));

        assertEquals(URL, clipboardText(robot));
        assertEquals(List.of("Could not open a browser; the link is copied."), status.errors);
        assertEquals(List.of(), status.infos);
    }

    @Test
    void copyingOpenerSaysWhereTheLinkIs(FxRobot robot) {
        Consumer<String> opener = LinkFlow.copyingOpener(status);

        robot.interact(() -> opener.accept(URL));

        assertEquals(URL, clipboardText(robot));
        assertEquals(List.of("Copied the link " + URL + "; paste it into a browser."), status.infos);
    }

    private static String clipboardText(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
