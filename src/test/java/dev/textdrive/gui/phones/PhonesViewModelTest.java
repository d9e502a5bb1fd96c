package dev.textdrive.gui.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.inbound.InboundListener;
import dev.textdrive.sms.MessageLog;
import dev.textdrive.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhonesViewModelTest {

    private static final String NUMBER = "+12015550123";
    private static final String EXAMPLE = ": use the international form, such as +1 201-555-0123.";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-12-04T10:00:00Z");
    private final RecordingStatus status = new RecordingStatus();
    private TextDrive app;
    private PhonesViewModel model;
    private VerificationViewModel verification;

    @BeforeEach
    void open() throws IOException {
        app = TextDrive.open(config(directory), clock, InboundListener.NONE);
        model = new PhonesViewModel(() -> app, clock, Background.direct(), status);
        verification = model.verification();
        model.refresh();
    }

    @AfterEach
    void close() {
        app.close();
    }

    static Config config(Path directory) throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "server:\n  host: 127.0.0.1\n  port: 0\n  public_url: https://textdrive.example.test\n"
                + "database:\n  path: " + directory.resolve("textdrive.db") + "\n"
                + "sms:\n  default_region: US\n");
        return new ConfigLoader(directory.resolve("data")).load(file);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hello                 | Not a phone number" + EXAMPLE,
            "+1 201                | +1 201 is too short to be a valid US number.",
            "555-0123              | 555-0123 is too short to be a valid US number" + EXAMPLE,
            "+1 201-555-01234      | +1 201-555-01234 is too long to be a valid US number.",
            "+999 1234567          | Unknown country code" + EXAMPLE,
            "+1 123 456 7890       | +1 123 456 7890 is not a valid US number.",
            "+44 7400 12345        | +44 7400 12345 is not a valid GB number.",
            "+1 201 555 0123 ext 5 | An SMS cannot reach extension 5: remove it from the number.",
    })
    void invalidNumberShowsReason(String typed, String problem) {
        model.numberProperty().set(typed);

        assertEquals(problem, model.numberProblemProperty().get());
        assertFalse(model.numberValidProperty().get());
        assertEquals("", model.numberInternationalProperty().get());
    }

    @Test
    void validNumberShowsBothForms() {
        model.numberProperty().set("201 555 0123");

        assertTrue(model.numberValidProperty().get());
        assertEquals("", model.numberProblemProperty().get());
        assertEquals("+1 201-555-0123", model.numberInternationalProperty().get());
        assertEquals("(201) 555-0123", model.numberNationalProperty().get());
    }

    @Test
    void emptyNumberShowsHintNotProblem() {
        model.numberProperty().set("x");
        model.numberProperty().set("");

        assertEquals("", model.numberProblemProperty().get());
        assertEquals("Use the international form, such as +1 201-555-0123. Numbers without a country code are read "
                + "as US numbers.", model.numberHintProperty().get());
    }

    @Test
    void addStoresPendingPhoneAndSelectsIt() {
        model.numberProperty().set("(201) 555-0123");
        model.labelProperty().set("  Ana's phone ");

        model.add();

        assertEquals(1, model.phones().size());
        PhoneRow row = model.phones().get(0);
        assertEquals(NUMBER, row.e164());
        assertEquals("Ana's phone", row.label());
        assertEquals("pending", row.state());
        assertEquals("—", row.accountsText());
        assertEquals(row, model.selectedProperty().get());
        assertEquals("", model.numberProperty().get());
        assertEquals("", model.labelProperty().get());
        assertEquals("Added +1 201-555-0123. Send it a code to verify it.", status.lastInfo());
        assertTrue(app.phones().find(NUMBER).isPresent());
    }

    @Test
    void addInvalidNumberStoresNothing() {
        model.numberProperty().set("12");

        model.add();

        assertTrue(app.phones().list().isEmpty());
        assertEquals("12 is too short to be a valid US number" + EXAMPLE, status.lastError());
    }

    @Test
    void addWithExtensionStoresNothing() {
        model.numberProperty().set("+1 201 555 0123 x 12");

        model.add();

        assertTrue(app.phones().list().isEmpty());
        assertEquals("An SMS cannot reach extension 12: remove it from the number.", status.lastError());
    }

    @Test
    void addSameNumberTwiceSaysAlreadyInList() {
        app.phones().add(NUMBER, "", false, "test");
        model.numberProperty().set("+1 201 555 0123");

        model.add();

        assertEquals("+1 201-555-0123 is already in the list.", status.lastError());
        assertEquals("+1 201-555-0123 is already in the list.", model.numberProblemProperty().get());
        assertEquals(1, app.phones().list().size());
    }

    @Test
    void listedNumberRejectedAsTyped() {
        app.phones().add(NUMBER, "", false, "test");
        model.refresh();

        model.numberProperty().set("201-555-0123");

        assertEquals("+1 201-555-0123 is already in the list.", model.numberProblemProperty().get());
        assertFalse(model.numberValidProperty().get());
    }

    @Test
    void longLabelRejectedAsTyped() {
        model.numberProperty().set(NUMBER);

        model.labelProperty().set("x".repeat(41));

        assertEquals("The label is 41 characters long: use at most 40.", model.labelProblemProperty().get());
        assertTrue(model.numberValidProperty().get());
    }

    @Test
    void controlCharacterInLabelRejected() {
        model.labelProperty().set("Ana\tphone");

        assertEquals("The label contains a control character: use letters, digits and spaces.",
                model.labelProblemProperty().get());
    }

    @Test
    void fixedLabelClearsProblem() {
        model.labelProperty().set("x".repeat(41));

        model.labelProperty().set("x".repeat(40));

        assertEquals("", model.labelProblemProperty().get());
    }

    @Test
    void addWithBadLabelStoresNothing() {
        model.numberProperty().set(NUMBER);
        model.labelProperty().set("x".repeat(41));

        model.add();

        assertTrue(app.phones().list().isEmpty());
        assertEquals("The label is 41 characters long: use at most 40.", status.lastError());
        assertEquals(NUMBER, model.numberProperty().get());
    }

    @Test
    void exampleFollowsDefaultRegion() throws IOException {
        Path other = Files.createDirectories(directory.resolve("gb"));
        Files.writeString(other.resolve("config.yml"), "server:\n  host: 127.0.0.1\n  port: 0\n"
                + "database:\n  path: " + other.resolve("textdrive.db") + "\n"
                + "sms:\n  default_region: GB\n");
        String usExample = model.numberExampleProperty().get();
        try (TextDrive british = TextDrive.open(new ConfigLoader(other.resolve("data")).load(other.resolve("config.yml")),
                clock, InboundListener.NONE)) {
            PhonesViewModel gb = new PhonesViewModel(() -> british, clock, Background.direct(), status);

            gb.refresh();

            assertEquals("+1 201-555-0123", usExample);
            assertEquals("+44 7400 123456", gb.numberExampleProperty().get());
            assertTrue(gb.numberHintProperty().get().contains("such as +44 7400 123456"), gb.numberHintProperty().get());
            assertTrue(gb.numberHintProperty().get().endsWith("read as GB numbers."), gb.numberHintProperty().get());
        }
    }

    @Test
    void failureKeepsCapitalOfCoreMessage() {
        String withMessage = PhonesViewModel.failure("The phone could not be added",
                new IllegalArgumentException("The label is 41 characters long: use at most 40."));
        String withoutStop = PhonesViewModel.failure("The phones could not be loaded",
                new IllegalStateException("The database is locked"));
        String withoutMessage = PhonesViewModel.failure("The phone could not be removed", new IllegalStateException());

        assertEquals("The phone could not be added. The label is 41 characters long: use at most 40.", withMessage);
        assertEquals("The phones could not be loaded. The database is locked.", withoutStop);
        assertEquals("The phone could not be removed.", withoutMessage);
    }

    @Test
    void tableShowsGrantedAccounts() {
        app.phones().add(NUMBER, "", false, "test");
        app.accounts().add("Work", "local", directory.toString(), null, "test");
        app.accounts().add("Photos", "local", directory.toString(), null, "test");
        app.accounts().grant(NUMBER, "Work", "test");
        app.accounts().grant(NUMBER, "Photos", "test");

        model.refresh();

        assertEquals("Photos, Work", model.phones().get(0).accountsText());
    }

    @Test
    void sendCodePutsCodeInSimulatorOutbox() {
        selectNewPhone();

        verification.sendCode();

        assertEquals("Sent a code to +1 201-555-0123.", verification.outcomeProperty().get());
        assertEquals("Sent a code to +1 201-555-0123. It expires at 10:10:00.", status.lastInfo());
        assertEquals(VerificationViewModel.Tone.SUCCESS, verification.outcomeToneProperty().get());
        assertEquals("Simulator mode: the code is in the Simulator's outbox.", verification.simulatorHintProperty().get());
        assertTrue(CODE.matcher(lastOutboxBody()).find());
        assertEquals("Code sent at 10:00:00. It expires at 10:10:00; 5 tries left.", verification.codeStateProperty().get());
        assertFalse(verification.sendingProperty().get());
    }

    @Test
    void wrongCodeSaysTriesLeft() {
        selectNewPhone();
        verification.sendCode();

        verification.codeProperty().set(wrongCode());
        verification.verify();

        assertEquals("Wrong code: 4 tries left.", verification.outcomeProperty().get());
        assertEquals("Wrong code: 4 tries left.", status.lastError());
        assertTrue(verification.verifyAllowedProperty().get());
        assertEquals(VerificationViewModel.Tone.DANGER, verification.outcomeToneProperty().get());
        assertEquals("Code sent at 10:00:00. It expires at 10:10:00; 4 tries left.", verification.codeStateProperty().get());
        assertEquals("pending", model.selectedProperty().get().state());
    }

    @Test
    void fiveWrongCodesLockTheCode() {
        selectNewPhone();
        verification.sendCode();
        String right = sentCode();

        for (int attempt = 1; attempt <= 5; attempt++) {
            clock.advance(Duration.ofSeconds(5));
            verification.codeProperty().set(wrongCode());
            verification.verify();
        }
        String lockedMessage = verification.outcomeProperty().get();
        verification.codeProperty().set(right);
        boolean verifyAllowedWhenLocked = verification.verifyAllowedProperty().get();
        verification.verify();

        assertEquals("Too many wrong codes: this code no longer works. Send a new code. "
                + "The next code can be sent at 10:01:00.", lockedMessage);
        assertEquals(verification.outcomeProperty().get(), status.lastError());
        assertFalse(verifyAllowedWhenLocked);
        assertTrue(verification.outcomeProperty().get().startsWith("Too many wrong codes"));
        assertEquals("pending", app.phones().find(NUMBER).orElseThrow().state());
        assertEquals("The last code was entered wrong 5 times. Send a new code.", verification.codeStateProperty().get());
    }

    @Test
    void resendCooldownCountsDownAndLifts() {
        selectNewPhone();
        assertEquals("Send code", verification.sendLabelProperty().get());
        assertTrue(verification.sendAllowedProperty().get());

        verification.sendCode();
        String afterSend = verification.sendLabelProperty().get();
        clock.advance(Duration.ofSeconds(18));
        verification.tick();
        String after18Seconds = verification.sendLabelProperty().get();
        boolean allowedDuringCooldown = verification.sendAllowedProperty().get();
        clock.advance(Duration.ofSeconds(42));
        verification.tick();

        assertEquals("Send again in 60 s", afterSend);
        assertEquals("Send again in 42 s", after18Seconds);
        assertFalse(allowedDuringCooldown);
        assertEquals("Send new code", verification.sendLabelProperty().get());
        assertTrue(verification.sendAllowedProperty().get());
    }

    @Test
    void sendDuringCooldownSaysWhenToRetry() {
        selectNewPhone();
        verification.sendCode();
        clock.advance(Duration.ofSeconds(30));

        verification.sendCode();

        assertEquals("A code was sent less than a minute ago: wait before sending another. Try again at 10:01:00.",
                verification.outcomeProperty().get());
        assertEquals(verification.outcomeProperty().get(), status.lastError());
        assertEquals(1, app.messages().outboundTo(NUMBER).size());
    }

    @Test
    void dailyCapSaysWhenToRetry() {
        selectNewPhone();
        for (int code = 1; code <= 5; code++) {
            verification.sendCode();
            clock.advance(Duration.ofMinutes(61));
            verification.tick();
        }
        String label = verification.sendLabelProperty().get();

        verification.sendCode();

        assertEquals("Send again tomorrow at 10:00:00", label);
        assertFalse(verification.sendAllowedProperty().get());
        assertEquals("Five codes were sent to this number today: wait before sending another. "
                + "Try again tomorrow at 10:00:00.", verification.outcomeProperty().get());
        assertEquals(5, app.messages().outboundTo(NUMBER).size());
    }

    @Test
    void rightCodeVerifiesPhone() {
        selectNewPhone();
        verification.sendCode();

        verification.codeProperty().set(sentCode());
        verification.verify();

        assertEquals("+1 201-555-0123 is verified.", verification.outcomeProperty().get());
        assertEquals(VerificationViewModel.Tone.SUCCESS, verification.outcomeToneProperty().get());
        assertEquals("verified", model.selectedProperty().get().state());
        assertEquals("verified", model.phones().get(0).state());
        assertTrue(app.phones().find(NUMBER).orElseThrow().verified());
        assertEquals("", verification.codeProperty().get());
        assertFalse(verification.sendAllowedProperty().get());
        assertFalse(verification.verifyAllowedProperty().get());
        assertEquals("Verified at 10:00:00.", verification.codeStateProperty().get());
    }

    @Test
    void shortCodeAsksForSixDigits() {
        selectNewPhone();
        verification.sendCode();

        verification.codeProperty().set("123");
        verification.verify();

        assertEquals("Enter the 6 digits of the code.", verification.outcomeProperty().get());
        assertEquals("Enter the 6 digits of the code.", status.lastError());
        assertEquals(VerificationViewModel.Tone.WARNING, verification.outcomeToneProperty().get());
    }

    @Test
    void verifyBeforeSendingSaysSendFirst() {
        selectNewPhone();

        verification.codeProperty().set("123456");
        verification.verify();

        assertEquals("No code was sent to this phone: send a code first.", verification.outcomeProperty().get());
    }

    @Test
    void otherPhoneClearsOutcome() {
        selectNewPhone();
        verification.sendCode();
        app.phones().add("+12015550124", "", false, "test");
        model.refresh();

        model.selectedProperty().set(model.phones().get(1));

        assertEquals("", verification.outcomeProperty().get());
        assertEquals("", verification.simulatorHintProperty().get());
        assertEquals("Send code", verification.sendLabelProperty().get());
    }

    @Test
    void removeDeletesPhoneAndSelection() {
        selectNewPhone();

        model.remove(model.selectedProperty().get());

        assertTrue(model.phones().isEmpty());
        assertNull(model.selectedProperty().get());
        assertTrue(app.phones().list().isEmpty());
        assertEquals("Removed +1 201-555-0123.", status.lastInfo());
    }

    @Test
    void removalConsequenceNamesAccounts() {
        app.phones().add(NUMBER, "", false, "test");
        app.accounts().add("Work", "local", directory.toString(), null, "test");
        app.accounts().grant(NUMBER, "Work", "test");
        model.refresh();

        String consequence = PhonesViewModel.removalConsequence(model.phones().get(0));

        assertEquals("The phone can no longer use TextDrive, and its session is deleted. It loses access to Work.",
                consequence);
    }

    private void selectNewPhone() {
        model.numberProperty().set(NUMBER);
        model.add();
    }

    private String lastOutboxBody() {
        List<MessageLog.StoredMessage> outbox = app.messages().outboundTo(NUMBER);
        return outbox.get(outbox.size() - 1).body();
    }

    private String sentCode() {
        Matcher matcher = CODE.matcher(lastOutboxBody());
        assertTrue(matcher.find(), "no code in " + lastOutboxBody());
        return matcher.group(1);
    }

    private String wrongCode() {
        String right = sentCode();
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertNotEquals(right, wrong);
        return wrong;
    }

    /** Keeps the messages shown in the status line. */
    static final class RecordingStatus implements StatusReporter {

        final List<String> infos = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void error(String message) {
            errors.add(message);
        }

        String lastInfo() {
            return infos.isEmpty() ? null : infos.get(infos.size() - 1);
        }

        String lastError() {
            return errors.isEmpty() ? null : errors.get(errors.size() - 1);
        }
    }
}
