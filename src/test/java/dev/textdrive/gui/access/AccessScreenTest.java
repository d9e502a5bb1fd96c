package dev.textdrive.gui.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.app.TextDrive;
import dev.textdrive.gui.GuiFixture;
import dev.textdrive.gui.phones.PhoneRow;
import dev.textdrive.storage.StorageAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
class AccessScreenTest {

    private static final String NUMBER = "+12015550123";

    @TempDir
    static Path directory;

    private GuiFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(directory, "access");
        fixture = GuiFixture.start(run, stage, "");
        TextDrive app = fixture.services().app();
        app.phones().add(NUMBER, "Ana", true, "test");
        app.accounts().add("Photos", StorageAccount.LOCAL, Files.createDirectories(run.resolve("Photos")).toString(), null, "test");
        app.accounts().add("Work", StorageAccount.LOCAL, Files.createDirectories(run.resolve("Work")).toString(), null, "test");
        fixture.window().show(3);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void grantShowsOnPhonesTable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> checkBox(robot, "Photos").isPresent());

        robot.clickOn(checkBox(robot, "Photos").orElseThrow());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> granted().equals(List.of("Photos")));
        robot.clickOn("Phones");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty()
                && table(robot).getItems().get(0).accountsText().equals("Photos"));

        assertEquals("+1 201-555-0123 may now use Photos.", fixture.window().statusText());
        assertTrue(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .anyMatch(cell -> "Photos".equals(cell.getText())));
    }

    @Test
    void revokeFromAccountSide(FxRobot robot) throws Exception {
        fixture.services().app().accounts().grant(NUMBER, "Work", "test");
        robot.clickOn("#by-account");
        robot.clickOn("Work");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> checkBox(robot, "+1 201-555-0123").map(CheckBox::isSelected).orElse(false));

        robot.clickOn(checkBox(robot, "+1 201-555-0123").orElseThrow());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> granted().isEmpty());

        assertEquals("Phones that may use Work", robot.lookup("#access-choices-title").queryAs(Label.class).getText());
        assertEquals("+1 201-555-0123 can no longer use Work.", fixture.window().statusText());
    }

    private List<String> granted() {
        return fixture.services().app().accounts().grantedTo(NUMBER).stream().map(StorageAccount::name).toList();
    }

    private static Optional<CheckBox> checkBox(FxRobot robot, String text) {
        return robot.lookup(".check-box").queryAllAs(CheckBox.class).stream()
                .filter(box -> text.equals(box.getText())).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static TableView<PhoneRow> table(FxRobot robot) {
        return robot.lookup("#phones-table").queryAs(TableView.class);
    }
}
