package dev.textdrive.gui.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.gui.GuiFixture;
import dev.textdrive.storage.StorageAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AccountsScreenTest {

    private static final String PHONE = "+12025550143";

    @TempDir
    static Path directory;

    private GuiFixture fixture;
    private Path folder;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(directory, "run");
        folder = Files.createDirectories(run.resolve("Photos"));
        fixture = GuiFixture.start(run, stage, "");
        fixture.services().app().phones().add(PHONE, "Alice", true, "test");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void addFolderThenGrant(FxRobot robot) throws Exception {
        robot.clickOn("Storage accounts");
        waitFor(() -> robot.lookup(AccountsScreen.EMPTY_TEXT).tryQuery().isPresent());

        robot.clickOn("#add-account");
        robot.clickOn("Local folder");
        robot.clickOn("#account-name").write("Photos");
        // The native folder chooser cannot be driven headless, so the test fills its field instead.
        TextField folderField = robot.lookup("#account-folder").queryAs(TextField.class);
        robot.interact(() -> folderField.setText(folder.toString()));
        robot.clickOn("#add-account-confirm");
        waitFor(() -> accountList(robot).getItems().size() == 1);
        fixture.services().app().accounts().grant(PHONE, "Photos", "test");
        robot.clickOn("#refresh-accounts");
        waitFor(() -> !accountList(robot).getItems().get(0).phones().isEmpty());

        AccountRow row = accountList(robot).getItems().get(0);
        assertEquals("Photos", row.name());
        assertEquals(folder.toRealPath().toString(), row.location());
        assertTrue(row.reachable());
        assertTrue(robot.from(cell(robot, "Photos")).lookup("+1 202-555-0143").tryQuery().isPresent());
        List<StorageAccount> granted = fixture.services().app().accounts().grantedTo(PHONE);
        assertEquals(List.of("Photos"), granted.stream().map(StorageAccount::name).toList());
        assertTrue(fixture.window().statusText().startsWith("Added Photos for "), fixture.window().statusText());
    }

    @Test
    void removeRevokesGrants(FxRobot robot) throws Exception {
        fixture.services().app().accounts().add("Photos", StorageAccount.LOCAL, folder.toString(), null, "test");
        fixture.services().app().accounts().grant(PHONE, "Photos", "test");
        robot.clickOn("Storage accounts");
        waitFor(() -> accountList(robot).getItems().size() == 1);

        robot.clickOn(cell(robot, "Photos"));
        robot.clickOn("#remove-account");
        waitFor(() -> robot.lookup("Remove").tryQuery().isPresent());
        String question = robot.lookup("#confirm-question").queryAs(Label.class).getText();
        robot.clickOn("Remove");
        waitFor(() -> accountList(robot).getItems().isEmpty());

        assertTrue(question.startsWith("Remove Photos? +1 202-555-0143 loses access."), question);
        assertEquals(List.of(), fixture.services().app().accounts().grantedTo(PHONE));
        assertEquals("Removed Photos; +1 202-555-0143 lost access.", fixture.window().statusText());
        assertTrue(robot.lookup(AccountsScreen.EMPTY_TEXT).tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static ListView<AccountRow> accountList(FxRobot robot) {
        return robot.lookup("#account-list").queryAs(ListView.class);
    }

    /** Returns the shown cell of an account; the list also contains hidden cells that it uses for measuring. */
    private static ListCell<?> cell(FxRobot robot, String name) {
        return robot.lookup("#account-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.isVisible() && cell.getItem() instanceof AccountRow row && row.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No cell shows " + name));
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
