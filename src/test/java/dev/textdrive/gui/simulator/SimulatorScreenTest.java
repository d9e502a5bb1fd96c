package dev.textdrive.gui.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.textdrive.gui.GuiFixture;
import dev.textdrive.gui.chat.ChatMessage;
import dev.textdrive.gui.sessions.SessionsViewModel.SessionRow;
import dev.textdrive.storage.StorageAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The simulator in the real main window, through to the live sessions screen. */
@ExtendWith(ApplicationExtension.class)
class SimulatorScreenTest {

    private static final String PHONE = "+15555550100";

    @TempDir
    static Path directory;

    private GuiFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(directory, "run");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        fixture = GuiFixture.start(run, stage, "");
        Path folder = Files.createDirectories(run.resolve("Work"));
        Files.writeString(folder.resolve("notes.txt"), "hello");
        var app = fixture.services().app();
        app.phones().add(PHONE, "Ada", true, "test");
        app.accounts().add("Work", StorageAccount.LOCAL, folder.toString(), null, "test");
        app.accounts().grant(PHONE, "Work", "test");
    }

    @AfterEach
    void close() {
        // Stopping the core first makes event batches still on their way skip their reloads.
        fixture.services().close();
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private static <T> ListView<T> listView(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ListView.class);
    }

    @Test
    void simulatedTextsAppearInLiveSessions(FxRobot robot) throws Exception {
        robot.clickOn("Simulator");
        ComboBox<?> phone = robot.lookup("#simulator-phone").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> phone.getValue() != null);
        ListView<ChatMessage> chat = listView(robot, "#simulator-chat");

        robot.clickOn("#simulator-message").write("ls").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chat.getItems().size() == 2);
        robot.write("cd 1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chat.getItems().size() == 4);

        assertEquals("Your accounts:\n1 Work", chat.getItems().get(1).body());
        assertTrue(chat.getItems().get(3).body().startsWith("Work:\n1 notes.txt"), chat.getItems().get(3).body());

        robot.clickOn("Live sessions");
        @SuppressWarnings("unchecked")
        TableView<SessionRow> table = robot.lookup("#sessions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> table.getItems().size() == 1 && table.getItems().get(0).lastCommand().equals("cd 1"));
        SessionRow row = table.getItems().get(0);
        assertEquals("Work", row.account());
        assertEquals("/", row.folder());
        assertEquals("Ada", row.label());

        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        ListView<ChatMessage> conversation = listView(robot, "#conversation");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> conversation.getItems().size() == 4);

        assertEquals(List.of("ls", "Your accounts:\n1 Work", "cd 1"),
                conversation.getItems().subList(0, 3).stream().map(ChatMessage::body).toList());
        assertEquals("+1 555-555-0100 · Ada", robot.lookup("#conversation-title").queryAs(Label.class).getText());
        assertEquals(2, robot.lookup("#conversation .td-bubble-out").queryAll().size());
    }

    @Test
    void sendButtonNeedsText(FxRobot robot) throws Exception {
        robot.clickOn("Simulator");
        ComboBox<?> phone = robot.lookup("#simulator-phone").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> phone.getValue() != null);
        Button send = robot.lookup("#simulator-send").queryButton();

        assertTrue(send.isDisabled());
        robot.clickOn("#simulator-message").write("help");
        assertFalse(send.isDisabled());
        robot.clickOn(send);

        ListView<ChatMessage> chat = listView(robot, "#simulator-chat");
        javafx.scene.Node sending = robot.lookup("#simulator-sending").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chat.getItems().size() == 2 && !sending.isVisible());
        assertEquals("help", chat.getItems().get(0).body());
        assertTrue(send.isDisabled());
    }

    @Test
    void textsTypedQuicklyArriveInOrder(FxRobot robot) throws Exception {
        robot.clickOn("Simulator");
        ComboBox<?> phone = robot.lookup("#simulator-phone").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> phone.getValue() != null);

        robot.clickOn("#simulator-message").write("ls").type(KeyCode.ENTER).write("cd 1").type(KeyCode.ENTER)
                .write("help").type(KeyCode.ENTER);

        ListView<ChatMessage> chat = listView(robot, "#simulator-chat");
        javafx.scene.Node sending = robot.lookup("#simulator-sending").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chat.getItems().size() == 6 && !sending.isVisible());
        assertEquals(List.of("ls", "cd 1", "help"), chat.getItems().stream().filter(message -> !message.outbound())
                .map(ChatMessage::body).toList());
    }
}
