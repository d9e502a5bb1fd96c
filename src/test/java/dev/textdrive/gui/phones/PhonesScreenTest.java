package dev.textdrive.gui.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.Styles;
import dev.textdrive.gui.GuiFixture;
import dev.textdrive.sms.MessageLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
class PhonesScreenTest {

    private static final String NUMBER = "+12015550123";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern COOLDOWN = Pattern.compile("Send again in (\\d+) s");

    @TempDir
    static Path directory;

    private GuiFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = GuiFixture.start(Files.createTempDirectory(directory, "phones"), stage, "");
        fixture.window().show(1);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void verifyPhoneEndToEnd(FxRobot robot) throws Exception {
        robot.clickOn("#phone-number").write("201 555 0123");
        String feedback = robot.lookup("#phone-feedback").queryAs(Label.class).getText();
        robot.clickOn("#phone-label").write("Ana");
        robot.clickOn("#add-phone");
        waitFor(() -> table(robot).getItems().size() == 1 && selected(robot) != null);

        robot.clickOn("#send-code");
        waitFor(() -> !text(robot, "#simulator-hint").isEmpty());
        robot.clickOn("#code").write(sentCode());
        robot.clickOn("#verify-code");
        waitFor(() -> table(robot).getItems().get(0).state().equals("verified"));

        assertEquals("International: +1 201-555-0123    National: (201) 555-0123", feedback);
        assertEquals("Ana", table(robot).getItems().get(0).label());
        assertTrue(fixture.services().app().phones().find(NUMBER).orElseThrow().verified());
        assertEquals("+1 201-555-0123 is verified.", fixture.window().statusText());
        assertTrue(robot.lookup("verified").tryQuery().isPresent());
    }

    @Test
    void invalidNumberShowsReasonAndDisablesAdd(FxRobot robot) {
        robot.clickOn("#phone-number").write("+1 201");

        assertEquals("+1 201 is too short to be a valid US number.", text(robot, "#phone-feedback"));
        assertTrue(robot.lookup("#add-phone").queryButton().isDisabled());
    }

    @Test
    void longLabelShowsProblemBesideField(FxRobot robot) {
        robot.clickOn("#phone-number").write(NUMBER);
        robot.clickOn("#phone-label").write("x".repeat(41));

        assertEquals("The label is 41 characters long: use at most 40.", text(robot, "#label-feedback"));
        assertTrue(robot.lookup("#label-feedback").query().isVisible());
        assertTrue(robot.lookup("#add-phone").queryButton().isDisabled());
        assertTrue(robot.lookup("#phone-label").query().getPseudoClassStates().contains(Styles.STATE_DANGER));
    }

    @Test
    void removeAsksThenRemoves(FxRobot robot) throws Exception {
        robot.clickOn("#phone-number").write(NUMBER).type(KeyCode.ENTER);
        waitFor(() -> selected(robot) != null);

        robot.clickOn("#remove-phone");
        waitFor(() -> robot.lookup("#confirm-question").tryQuery().isPresent());
        String question = robot.lookup("#confirm-question").queryAs(Label.class).getText();
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button button) -> "Remove".equals(button.getText()))
                .queryButton());
        waitFor(() -> table(robot).getItems().isEmpty());

        assertEquals("Remove +1 201-555-0123? The phone can no longer use TextDrive, and its session is deleted.",
                question);
        assertTrue(fixture.services().app().phones().find(NUMBER).isEmpty());
        assertEquals("Removed +1 201-555-0123.", fixture.window().statusText());
    }

    @Test
    void fiveWrongCodesShowLockout(FxRobot robot) throws Exception {
        addPhoneAndSendCode(robot);
        String wrong = sentCode().equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt <= 5; attempt++) {
            String expected = attempt < 5 ? "Wrong code: " + (5 - attempt) + (attempt == 4 ? " try" : " tries") + " left."
                    : "Too many wrong codes";
            robot.clickOn("#code").push(KeyCode.CONTROL, KeyCode.A).write(wrong).type(KeyCode.ENTER);
            waitFor(() -> text(robot, "#code-outcome").startsWith(expected));
        }

        assertTrue(text(robot, "#code-outcome").startsWith("Too many wrong codes: this code no longer works. Send a new code."));
        assertEquals("The last code was entered wrong 5 times. Send a new code.", text(robot, "#code-state"));
        assertTrue(robot.lookup("#verify-code").queryButton().isDisabled());
        assertEquals("pending", table(robot).getItems().get(0).state());
    }

    @Test
    void sendButtonShowsResendCooldown(FxRobot robot) throws Exception {
        addPhoneAndSendCode(robot);

        Button send = robot.lookup("#send-code").queryButton();
        Matcher cooldown = COOLDOWN.matcher(send.getText());

        assertTrue(cooldown.matches(), send.getText());
        int seconds = Integer.parseInt(cooldown.group(1));
        assertTrue(seconds > 0, send.getText());
        assertTrue(seconds <= 60, send.getText());
        assertTrue(send.isDisabled());
        assertEquals("Simulator mode: the code is in the Simulator's outbox.", text(robot, "#simulator-hint"));
        assertTrue(robot.lookup("#code").queryAs(TextField.class).isFocused());
    }

    private void addPhoneAndSendCode(FxRobot robot) throws Exception {
        robot.clickOn("#phone-number").write(NUMBER).type(KeyCode.ENTER);
        waitFor(() -> selected(robot) != null);
        robot.clickOn("#send-code");
        waitFor(() -> !text(robot, "#simulator-hint").isEmpty());
        assertFalse(fixture.services().app().messages().outboundTo(NUMBER).isEmpty());
    }

    private String sentCode() {
        List<MessageLog.StoredMessage> outbox = fixture.services().app().messages().outboundTo(NUMBER);
        Matcher matcher = CODE.matcher(outbox.get(outbox.size() - 1).body());
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static TableView<PhoneRow> table(FxRobot robot) {
        return robot.lookup("#phones-table").queryAs(TableView.class);
    }

    private static PhoneRow selected(FxRobot robot) {
        return table(robot).getSelectionModel().getSelectedItem();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
    }
}
