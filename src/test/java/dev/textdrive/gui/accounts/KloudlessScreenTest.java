package dev.textdrive.gui.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.gui.GuiFixture;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.testing.FakeKloudless;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Linking Kloudless accounts in the real window: the browser flow with a test browser that follows the sign-in,
 * the token dialog, the relink warning, and the note shown when OAuth is not set up.
 */
@ExtendWith(ApplicationExtension.class)
class KloudlessScreenTest {

    private static final String APP_ID = "app-textdrive-1";
    private static final String API_KEY = "key-secret-9d8c7b6a";
    private static final String TOKEN = "tok-ann-1a2b3c4d";
    private static final String ANN = "Dropbox (ann@example.com)";

    @TempDir
    static Path directory;

    private Stage stage;
    private FakeKloudless fake;
    private GuiFixture fixture;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final TestBrowser browser = new TestBrowser();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startFake() throws Exception {
        fake = new FakeKloudless();
        fake.addApp(APP_ID, API_KEY);
        fake.addAccount("acc-ann", "dropbox", "ann@example.com", TOKEN);
        fake.signInAs("acc-ann");
    }

    @AfterEach
    void close() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        fake.close();
    }

    @Test
    void browserSignInListsAccount(FxRobot robot) throws Exception {
        show(robot, true);
        robot.clickOn("Storage accounts");
        waitFor(() -> robot.lookup(AccountsScreen.EMPTY_TEXT).tryQuery().isPresent());

        robot.clickOn("#add-account");
        robot.clickOn("Kloudless…");
        waitFor(() -> opened.size() == 1);
        boolean waitingShown = robot.lookup("#kloudless-waiting-card").query().isVisible();
        String waitingTitle = robot.lookup("#kloudless-waiting").queryAs(Label.class).getText();
        String statusWhileWaiting = fixture.window().statusText();
        browser.accept(opened.get(0));
        waitFor(() -> accountList(robot).getItems().size() == 1);
        waitFor(() -> !robot.lookup("#kloudless-waiting-card").query().isVisible());

        assertTrue(waitingShown);
        assertEquals("Finish signing in in your browser…", waitingTitle);
        assertEquals("Opened the Kloudless sign-in page in your browser; the link is also copied.", statusWhileWaiting);
        assertEquals("Linked " + ANN, fixture.window().statusText());
        AccountRow row = accountList(robot).getItems().get(0);
        assertEquals(ANN, row.name());
        assertEquals(row, accountList(robot).getSelectionModel().getSelectedItem());
        ListCell<?> cell = cell(robot, ANN);
        assertTrue(robot.from(cell).lookup("Kloudless · " + fake.baseUrl()).tryQuery().isPresent());
        assertTrue(robot.from(cell).lookup("Linked").tryQuery().isPresent());
        assertEquals(200, browser.pages().get(0).statusCode());
    }

    @Test
    void escapeStopsWaiting(FxRobot robot) throws Exception {
        show(robot, true);
        robot.clickOn("Storage accounts");
        robot.clickOn("#add-account");
        robot.clickOn("Kloudless…");
        waitFor(() -> robot.lookup("#kloudless-waiting-card").query().isVisible());

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(robot.lookup("#kloudless-waiting-card").query().isVisible());
        assertEquals("Stopped waiting for the Kloudless sign-in.", fixture.window().statusText());
    }

    @Test
    void tokenDialogAddsAccount(FxRobot robot) throws Exception {
        show(robot, false);
        robot.clickOn("Storage accounts");
        robot.clickOn("#add-account");
        robot.clickOn("Kloudless with a token…");
        waitFor(() -> robot.lookup("#token-name").tryQuery().isPresent());

        robot.clickOn("#token-name").write("Work");
        robot.clickOn("#token-value").write("tok-wrong");
        boolean plainShown = robot.lookup("#token-value-shown").query().isVisible();
        String baseUrl = robot.lookup("#token-base-url").queryAs(TextField.class).getText();
        robot.clickOn("#token-save");
        waitFor(() -> robot.lookup("#token-error").query().isVisible());
        String error = robot.lookup("#token-error").queryAs(Label.class).getText();
        robot.clickOn("#token-value");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(TOKEN);
        robot.clickOn("#token-save");
        waitFor(() -> accountList(robot).getItems().size() == 1);
        waitFor(() -> robot.lookup("#token-name").tryQuery().isEmpty());

        assertFalse(plainShown);
        assertEquals(fake.baseUrl(), baseUrl);
        assertTrue(error.startsWith("Kloudless at " + fake.baseUrl() + " did not accept the token"), error);
        assertEquals("Work", accountList(robot).getItems().get(0).name());
        assertEquals("Added Work (" + ANN + "). Grant it to phones on the Access screen.", fixture.window().statusText());
    }

    @Test
    void relinkWarningThenLinkAgain(FxRobot robot) throws Exception {
        show(robot, true);
        StorageAccount work = fixture.services().app().kloudless()
                .addWithToken("Work", TOKEN, Optional.empty(), fake.baseUrl(), "test");
        fixture.services().app().accounts().markNeedsRelink(work.id());
        robot.clickOn("Storage accounts");
        waitFor(() -> accountList(robot).getItems().size() == 1);

        ListCell<?> cell = cell(robot, "Work");
        boolean warningShown = robot.from(cell).lookup("Must be linked again").tryQuery().map(Node::isVisible).orElse(false);
        Node linkAgain = robot.from(cell).lookup("Link again…").query();
        robot.clickOn(linkAgain);
        waitFor(() -> opened.size() == 1);
        browser.accept(opened.get(0));
        waitFor(() -> !accountList(robot).getItems().get(0).needsRelink());

        assertTrue(warningShown);
        assertEquals("Linked Work - " + ANN, fixture.window().statusText());
        assertEquals(work.id(), accountList(robot).getItems().get(0).id());
        assertTrue(robot.from(cell(robot, "Work")).lookup("Linked").tryQuery().isPresent());
        assertTrue(robot.from(cell(robot, "Work")).lookup("Must be linked again").tryQuery().isEmpty());
    }

    @Test
    void missingAppIdOffersSettings(FxRobot robot) throws Exception {
        show(robot, false);
        robot.clickOn("Storage accounts");
        robot.clickOn("#add-account");
        robot.clickOn("Kloudless…");
        waitFor(() -> robot.lookup("#kloudless-setup-needed").query().isVisible());
        String status = fixture.window().statusText();

        robot.clickOn("#kloudless-open-settings");
        waitFor(() -> robot.lookup("#settings-kloudless-app-id").tryQuery().map(Node::isVisible).orElse(false));

        assertEquals(KloudlessViewModel.SETUP_NEEDED, status);
        assertEquals(List.of(), opened);
    }

    /** Starts the core with the fake as its Kloudless server, with the OAuth app when {@code oauth} is set. */
    private void show(FxRobot robot, boolean oauth) throws Exception {
        Path run = Files.createTempDirectory(directory, "run");
        String yaml = "kloudless:\n" + (oauth ? "  app_id: " + APP_ID + "\n  api_key: " + API_KEY + "\n" : "")
                + "  base_url: " + fake.baseUrl() + "\n";
        robot.interact(() -> {
            try {
                fixture = GuiFixture.start(run, stage, yaml, opened::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
