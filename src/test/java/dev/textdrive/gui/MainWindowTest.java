package dev.textdrive.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
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

    @Test
    void mnemonicOpensScreen(FxRobot robot) {
        pressAlt(robot, KeyCode.P);
        String afterAltP = pageTitle(robot);
        String selectedAfterAltP = selectedNavigation(robot);
        pressAlt(robot, KeyCode.L);

        assertEquals("Phones", afterAltP);
        assertEquals("_Phones", selectedAfterAltP);
        assertEquals("Live sessions", pageTitle(robot));
        assertEquals("_Live sessions", selectedNavigation(robot));
    }

    @Test
    void clickOnSelectedItemKeepsScreen(FxRobot robot) {
        robot.clickOn("Phones");

        robot.clickOn("Phones");

        assertEquals("Phones", pageTitle(robot));
        assertEquals("_Phones", selectedNavigation(robot));
    }

    @Test
    void themeButtonNamesTheOtherTheme(FxRobot robot) {
        Button button = robot.lookup("#theme-toggle").queryButton();
        String light = button.getText();

        robot.clickOn(button);
        String dark = button.getText();
        String darkStylesheet = Application.getUserAgentStylesheet();
        robot.clickOn(button);

        assertEquals("Dar_k theme", light);
        assertEquals("L_ight theme", dark);
        assertEquals(new PrimerDark().getUserAgentStylesheet(), darkStylesheet);
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals("Dar_k theme", button.getText());
    }

    @Test
    void themeMnemonicsSwitchTheme(FxRobot robot) {
        Button button = robot.lookup("#theme-toggle").queryButton();

        pressAlt(robot, KeyCode.K);
        String afterAltK = button.getText();
        String stylesheetAfterAltK = Application.getUserAgentStylesheet();
        pressAlt(robot, KeyCode.I);

        assertEquals("L_ight theme", afterAltK);
        assertEquals(new PrimerDark().getUserAgentStylesheet(), stylesheetAfterAltK);
        assertEquals("Dar_k theme", button.getText());
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
    }

    private static void pressAlt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT, key).release(key, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String pageTitle(FxRobot robot) {
        return robot.lookup(".title-2").queryAllAs(Label.class).stream()
                .filter(Label::isVisible).map(Label::getText).findFirst().orElse("");
    }

    private static String selectedNavigation(FxRobot robot) {
        return robot.lookup(".td-nav").queryAllAs(ToggleButton.class).stream()
                .filter(ToggleButton::isSelected).map(ToggleButton::getText).findFirst().orElse("");
    }
}
