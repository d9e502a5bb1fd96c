package dev.textdrive.gui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.gui.GuiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
class SettingsScreenTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "s3cret-token";

    @TempDir
    static Path directory;

    private GuiFixture fixture;
    private Path run;

    @Start
    void start(Stage stage) throws Exception {
        run = Files.createTempDirectory(directory, "run");
        fixture = GuiFixture.start(run, stage, "");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void typedSettingsSavedAndReadBack(FxRobot robot) throws Exception {
        robot.clickOn("Settings");
        replaceText(robot, "#settings-link-expiry", "2h");
        replaceText(robot, "#settings-segment-budget", "3");
        replaceText(robot, "#settings-allowed-countries", "US, CA");
        replaceText(robot, "#settings-account-sid", SID);
        replaceText(robot, "#settings-auth-token", TOKEN);
        replaceText(robot, "#settings-twilio-number", "+14155550123");

        robot.clickOn("#save-settings");
        waitFor(() -> fixture.window().statusText().startsWith("Saved;"));

        Config saved = new ConfigLoader(run.resolve("data")).load(run.resolve("config.yml"));
        assertEquals(Duration.ofHours(2), saved.linkExpiry());
        assertEquals(3, saved.segmentBudget());
        assertEquals(List.of("US", "CA"), saved.send().allowedCountries());
        assertEquals(SID, saved.twilio().orElseThrow().accountSid());
        assertEquals(TOKEN, saved.twilio().orElseThrow().authToken());
        assertEquals("+14155550123", saved.twilio().orElseThrow().phoneNumber());
        assertEquals(saved, fixture.services().config());
        assertEquals("Saved; the server restarted on " + fixture.services().app().server().localUrl() + ".",
                fixture.window().statusText());
        assertTrue(robot.lookup("#save-settings").queryAs(Button.class).isDisabled());
    }

    @Test
    void invalidValueShownAndBlocksSave(FxRobot robot) throws Exception {
        robot.clickOn("Settings");

        replaceText(robot, "#settings-segment-budget", "12");

        Label problem = robot.lookup("#sms-segment_budget-problem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("Invalid value '12' for 'sms.segment_budget': expected a whole number from 1 to 10.", problem.getText());
        assertTrue(robot.lookup("#save-settings").queryAs(Button.class).isDisabled());
    }

    @Test
    void tokenMaskedUntilShown(FxRobot robot) throws Exception {
        robot.clickOn("Settings");
        replaceText(robot, "#settings-auth-token", TOKEN);
        TextField plain = robot.lookup("#settings-auth-token-shown").queryAs(TextField.class);
        assertFalse(plain.isVisible());

        robot.clickOn("#settings-show-token");

        assertTrue(plain.isVisible());
        assertEquals(TOKEN, plain.getText());
        assertFalse(robot.lookup("#settings-auth-token").queryAs(TextField.class).isVisible());
    }

    @Test
    void kloudlessKeyMaskedAndSaved(FxRobot robot) throws Exception {
        robot.clickOn("Settings");
        replaceText(robot, "#settings-kloudless-app-id", "app-textdrive-1");
        replaceText(robot, "#settings-kloudless-api-key", "key-secret-9d8c7b6a");
        replaceText(robot, "#settings-kloudless-base-url", "https://kl.example.test");
        TextField plain = robot.lookup("#settings-kloudless-api-key-shown").queryAs(TextField.class);
        boolean shownBeforeToggle = plain.isVisible();
        robot.clickOn("#settings-show-api-key");
        String shownText = plain.getText();

        robot.clickOn("#save-settings");
        waitFor(() -> fixture.window().statusText().startsWith("Saved;"));

        Config saved = new ConfigLoader(run.resolve("data")).load(run.resolve("config.yml"));
        assertFalse(shownBeforeToggle);
        assertEquals("key-secret-9d8c7b6a", shownText);
        assertEquals("app-textdrive-1", saved.kloudless().appId().orElseThrow());
        assertEquals("key-secret-9d8c7b6a", saved.kloudless().apiKey().orElseThrow());
        assertEquals("https://kl.example.test", saved.kloudless().baseUrl());
        assertFalse(fixture.window().statusText().contains("key-secret"));
        robot.clickOn("Storage accounts");
        robot.clickOn("Settings");
        assertFalse(plain.isVisible());
    }

    @Test
    void mnemonicsFocusFieldsOnSecondVisit(FxRobot robot) {
        robot.clickOn("Settings");
        robot.clickOn("Storage accounts");
        robot.clickOn("Settings");
        robot.clickOn("Storage accounts");
        robot.clickOn("Settings");

        robot.push(KeyCode.ALT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        Node afterNumber = robot.lookup("#settings-twilio-number").query().getScene().getFocusOwner();
        robot.push(KeyCode.ALT, KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        Node afterSid = robot.lookup("#settings-account-sid").query().getScene().getFocusOwner();

        assertEquals("settings-twilio-number", afterNumber.getId());
        assertEquals("settings-account-sid", afterSid.getId());
    }

    /** Focuses a field, which scrolls it into view, then selects its text and types over it as a person would. */
    private static void replaceText(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(field::requestFocus);
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.BACK_SPACE);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, robot.lookup(query).queryAs(TextField.class).getText());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
