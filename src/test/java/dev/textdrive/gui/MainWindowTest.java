package dev.textdrive.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
class MainWindowTest {

    @TempDir
    static Path directory;

    private GuiFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = GuiFixture.start(directory, stage, "");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void dashboardShowsSimulatorMode(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("Simulator mode").tryQuery().isPresent());

        Label number = robot.lookup("Simulator mode").queryAs(Label.class);

        assertEquals("Simulator mode", number.getText());
    }

    @Test
    void navigationOpensPhonesScreen(FxRobot robot) {
        robot.clickOn("Phones");

        assertEquals(1, robot.lookup(".title-2").queryAllAs(Label.class).stream()
                .filter(label -> label.getText().equals("Phones")).count());
    }
}
