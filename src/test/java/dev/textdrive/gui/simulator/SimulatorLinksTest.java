package dev.textdrive.gui.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.textdrive.gui.DesktopApp;
import dev.textdrive.gui.FxBackground;
import dev.textdrive.gui.chat.ChatMessage;
import dev.textdrive.gui.chat.LinkFlow;
import dev.textdrive.gui.chat.LiveCore;
import dev.textdrive.gui.chat.RecordingStatus;
import dev.textdrive.gui.chat.TextLinks;
import dev.textdrive.gui.simulator.SimulatorViewModel.OutboxEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The simulator screen on its own, with a link opener that records what it was asked to open. */
@ExtendWith(ApplicationExtension.class)
class SimulatorLinksTest {

    @TempDir
    static Path directory;

    private LiveCore core;
    private FxBackground background;
    private final RecordingStatus status = new RecordingStatus();
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        core = LiveCore.start(Files.createTempDirectory(directory, "run"));
        background = new FxBackground();
        SimulatorScreen screen = new SimulatorScreen(core.services(), background, status, opened::add);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene((Parent) screen.view(), 960, 640);
        scene.getStylesheets().add(Objects.requireNonNull(DesktopApp.class.getResource("textdrive.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        screen.shown();
    }

    @AfterEach
    void close() {
        background.close();
        core.close();
    }

    private static ListView<ChatMessage> chat(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<ChatMessage> chat = robot.lookup("#simulator-chat").queryAs(ListView.class);
        return chat;
    }

    private void textAndWait(FxRobot robot, String body, int expectedMessages) throws Exception {
        robot.clickOn("#simulator-message").write(body).type(KeyCode.ENTER);
        javafx.scene.Node sending = robot.lookup("#simulator-sending").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> chat(robot).getItems().size() == expectedMessages && !sending.isVisible());
    }

    @Test
    void clickedLinkInReplyOpens(FxRobot robot) throws Exception {
        textAndWait(robot, "cd 1", 2);
        textAndWait(robot, "get 4", 4);
        String link = TextLinks.firstLink(chat(robot).getItems().get(3).body());
        assertTrue(link.startsWith(LiveCore.PUBLIC_URL + "/d/"), link);

        Text linkText = robot.lookup("#simulator-chat ." + LinkFlow.LINK_CLASS).queryAs(Text.class);
        assertEquals(link, linkText.getText());
        clickLinkUntilOpened(robot, "#simulator-chat");

        assertEquals(List.of(link), opened);
    }

    @Test
    void enterOnSelectedMessageOpensLink(FxRobot robot) throws Exception {
        textAndWait(robot, "cd 1", 2);
        textAndWait(robot, "get 4", 4);
        ListView<ChatMessage> chat = chat(robot);

        robot.interact(() -> {
            chat.requestFocus();
            chat.getSelectionModel().select(3);
        });
        robot.type(KeyCode.ENTER);

        assertEquals(List.of(TextLinks.firstLink(chat.getItems().get(3).body())), opened);
    }

    @Test
    void sentLinkShowsInOutbox(FxRobot robot) throws Exception {
        textAndWait(robot, "cd 1", 2);
        textAndWait(robot, "send 4 +12015550123", 4);
        @SuppressWarnings("unchecked")
        ListView<OutboxEntry> outbox = robot.lookup("#simulator-outbox").queryAs(ListView.class);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> outbox.getItems().size() == 1);

        OutboxEntry entry = outbox.getItems().get(0);
        assertEquals("+1 201-555-0123", entry.to());
        assertEquals("shared link", entry.purpose());
        assertTrue(entry.body().contains(LiveCore.PUBLIC_URL + "/d/"), entry.body());
        // The list draws the new entry's cell on a later pulse than the one that added the entry.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#simulator-outbox ." + LinkFlow.LINK_CLASS).tryQuery().isPresent());
        clickLinkUntilOpened(robot, "#simulator-outbox");
        assertEquals(List.of(TextLinks.firstLink(entry.body())), opened);
        assertEquals(List.of(), status.errors);
    }

    @Test
    void texterOnRightTextDriveOnLeft(FxRobot robot) throws Exception {
        textAndWait(robot, "help", 2);
        ListView<ChatMessage> chat = chat(robot);
        WaitForAsyncUtils.waitForFxEvents();

        Bounds list = chat.localToScene(chat.getLayoutBounds());
        Bounds texter = bubbleBounds(robot, "td-bubble-in");
        Bounds reply = bubbleBounds(robot, "td-bubble-out");

        assertTrue(list.getMaxX() - texter.getMaxX() < list.getWidth() / 10, texter + " in " + list);
        assertTrue(reply.getMinX() - list.getMinX() < list.getWidth() / 10, reply + " in " + list);
        assertTrue(texter.getMinX() > reply.getMinX(), texter + " and " + reply);
    }

    @Test
    void newestReplyShownToItsLastLine(FxRobot robot) throws Exception {
        for (int sent = 1; sent <= 4; sent++) {
            textAndWait(robot, "help", sent * 2);
        }
        WaitForAsyncUtils.waitForFxEvents();
        ListView<ChatMessage> chat = chat(robot);
        int newest = chat.getItems().size() - 1;

        Node viewport = robot.from(chat).lookup(".clipped-container").query();
        IndexedCell<?> cell = robot.from(chat).lookup(".list-cell").queryAllAs(IndexedCell.class).stream()
                .filter(candidate -> candidate.getIndex() == newest && candidate.isVisible()).findFirst().orElseThrow();
        double hidden = cell.localToScene(cell.getLayoutBounds()).getMaxY()
                - viewport.localToScene(viewport.getLayoutBounds()).getMaxY();

        assertTrue(hidden <= 0.5, "the newest reply's last " + hidden + " pixels are hidden");
    }

    /**
     * Clicks the first link in a list until the opener was called. A live reload can redraw the list between
     * finding the link and the click landing, and a click that lands beside the link opens nothing.
     */
    private void clickLinkUntilOpened(FxRobot robot, String list) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            clickFirstCharacter(robot, robot.lookup(list + " ." + LinkFlow.LINK_CLASS).queryAs(Text.class));
            return !opened.isEmpty();
        });
    }

    /**
     * Clicks the middle of a link's first character. A link that wraps starts inside one line and ends inside
     * the next, so the middle of its bounds can lie beside the link, where a click misses it.
     */
    private static void clickFirstCharacter(FxRobot robot, Text link) throws Exception {
        Point2D middle = WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(() -> {
            Bounds first = new javafx.scene.shape.Path(link.rangeShape(0, 1)).getBoundsInLocal();
            return link.localToScreen(first.getCenterX(), first.getCenterY());
        }));
        robot.clickOn(middle);
    }

    private static Bounds bubbleBounds(FxRobot robot, String styleClass) {
        Node bubble = robot.lookup("#simulator-chat ." + styleClass).query();
        return bubble.localToScene(bubble.getLayoutBounds());
    }

    @Test
    void emptyConversationExplainsWhatToType(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup(SimulatorViewModel.TRY_DEMO_COMMANDS).tryQuery().isPresent());

        assertEquals(0, chat(robot).getItems().size());
    }
}
