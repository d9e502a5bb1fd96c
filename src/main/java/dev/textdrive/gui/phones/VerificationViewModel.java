package dev.textdrive.gui.phones;

import dev.textdrive.app.TextDrive;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.verification.VerificationCode;
import dev.textdrive.verification.VerificationException;
import dev.textdrive.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The selected phone's verification: sending a one-time code, the resend cooldown, and checking the code the
 * texter reads back. The core enforces the limits, and this class shows them with the time to try again.
 */
public final class VerificationViewModel {

    private final Supplier<TextDrive> app;
    private final Clock clock;
    private final Background background;
    private final StatusReporter status;
    private final Runnable changed;

    private final ObjectProperty<PhoneRow> phone = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> nextCodeAllowedAt = new SimpleObjectProperty<>(Instant.MIN);
    private final StringProperty code = new SimpleStringProperty("");
    private final BooleanProperty sending = new SimpleBooleanProperty(false);
    private final BooleanProperty checking = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper sendLabel = new ReadOnlyStringWrapper("Send code");
    private final ReadOnlyBooleanWrapper sendAllowed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper verifyAllowed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper codeState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Tone> outcomeTone = new ReadOnlyObjectWrapper<>(Tone.NEUTRAL);
    private final ReadOnlyStringWrapper simulatorHint = new ReadOnlyStringWrapper("");
    private String shownE164;

    /**
     * @param changed reloads the phones table after a code was sent or checked
     */
    VerificationViewModel(Supplier<TextDrive> app, Clock clock, Background background, StatusReporter status,
                          Runnable changed) {
        this.app = app;
        this.clock = clock;
        this.background = background;
        this.status = status;
        this.changed = changed;
        code.addListener((observable, old, value) -> updateVerifyAllowed());
        checking.addListener((observable, old, value) -> updateVerifyAllowed());
        sending.addListener((observable, old, value) -> tick());
        nextCodeAllowedAt.addListener((observable, old, value) -> tick());
    }

    /**
     * Shows a phone, or none. The outcome of the last send or check stays while the same phone comes back, such
     * as after a reload that briefly cleared the table's selection.
     */
    void show(PhoneRow row) {
        phone.set(row);
        if (row != null && !row.e164().equals(shownE164)) {
            shownE164 = row.e164();
            code.set("");
            outcome.set("");
            outcomeTone.set(Tone.NEUTRAL);
            simulatorHint.set("");
            nextCodeAllowedAt.set(Instant.MIN);
        }
        if (row != null && row.nextCodeAllowedAt().isAfter(nextCodeAllowedAt.get())) {
            nextCodeAllowedAt.set(row.nextCodeAllowedAt());
        }
        codeState.set(row == null ? "" : describeCode(row));
        updateVerifyAllowed();
        tick();
    }

    /** Recomputes the Send code button from the clock; the view calls it every second. */
    public void tick() {
        PhoneRow row = phone.get();
        if (row == null || !row.pending()) {
            sendLabel.set("Send code");
            sendAllowed.set(false);
            return;
        }
        Instant now = clock.instant();
        Instant allowed = nextCodeAllowedAt.get();
        if (now.isBefore(allowed)) {
            Duration wait = Duration.between(now, allowed);
            sendLabel.set(wait.compareTo(Duration.ofHours(1)) < 0
                    ? "Send again in " + TimeText.wait(wait)
                    : "Send again " + TimeText.at(allowed, clock));
            sendAllowed.set(false);
            return;
        }
        sendLabel.set(row.code().isPresent() ? "Send new code" : "Send code");
        sendAllowed.set(!sending.get());
    }

    /** Texts a new code to the selected phone. */
    public void sendCode() {
        PhoneRow row = phone.get();
        if (row == null || sending.get()) {
            return;
        }
        String e164 = row.e164();
        sending.set(true);
        show(Tone.NEUTRAL, "Sending a code to " + row.international() + "...");
        background.run("Sending a code to " + row.international(), () -> {
            VerificationService verification = app.get().verification();
            Instant expiresAt = verification.requestCode(e164);
            return new Sent(expiresAt, verification.nextCodeAllowedAt(e164), app.get().gateway().simulated());
        }, sent -> {
            if (showing(e164)) {
                nextCodeAllowedAt.set(sent.nextCodeAllowedAt());
                show(Tone.SUCCESS, "Sent a code to " + row.international() + ".");
                simulatorHint.set(sent.simulated() ? "Simulator mode: the code is in the Simulator's outbox." : "");
            }
            // Cleared after the outcome is set, so the view sees a success when it moves focus to the code field.
            sending.set(false);
            status.info("Sent a code to " + row.international() + ". It expires " + TimeText.at(sent.expiresAt(), clock) + ".");
            changed.run();
        }, error -> {
            sending.set(false);
            String message = sendFailure(row, error);
            if (showing(e164)) {
                show(Tone.DANGER, message);
            }
            status.error(message);
        });
    }

    /** Checks the entered code against the selected phone's active code. */
    public void verify() {
        PhoneRow row = phone.get();
        if (row == null || checking.get()) {
            return;
        }
        String e164 = row.e164();
        String entered = code.get();
        checking.set(true);
        background.run("Checking the code", () -> {
            VerificationService verification = app.get().verification();
            VerificationService.Outcome result = verification.verifyCode(e164, entered, PhonesViewModel.ACTOR);
            return new Checked(result, verification.nextCodeAllowedAt(e164));
        }, checked -> {
            checking.set(false);
            if (showing(e164)) {
                nextCodeAllowedAt.set(checked.nextCodeAllowedAt());
                showOutcome(row, checked);
            }
            changed.run();
        }, error -> {
            checking.set(false);
            String message = PhonesViewModel.failure("The code could not be checked", error);
            if (showing(e164)) {
                show(Tone.DANGER, message);
            }
            status.error(message);
        });
    }

    /** Shows the result of a check in the panel and in the status line, so the two never disagree. */
    private void showOutcome(PhoneRow row, Checked checked) {
        VerificationService.Outcome result = checked.outcome();
        switch (result.result()) {
            case VERIFIED -> {
                code.set("");
                simulatorHint.set("");
                String message = row.international() + " is verified.";
                show(Tone.SUCCESS, message);
                status.info(message);
            }
            case LOCKED -> {
                Instant allowed = checked.nextCodeAllowedAt();
                String retry = allowed.isAfter(clock.instant())
                        ? " The next code can be sent " + TimeText.at(allowed, clock) + "."
                        : "";
                show(Tone.DANGER, result.message() + retry);
                status.error(result.message() + retry);
            }
            case INVALID_FORMAT -> {
                show(Tone.WARNING, result.message());
                status.error(result.message());
            }
            default -> {
                show(Tone.DANGER, result.message());
                status.error(result.message());
            }
        }
    }

    private String sendFailure(PhoneRow row, Exception error) {
        if (error instanceof VerificationException refusal) {
            Instant retryAt = refusal.retryAt();
            if (retryAt == null) {
                return refusal.getMessage();
            }
            if (retryAt.isAfter(nextCodeAllowedAt.get()) && showing(row.e164())) {
                nextCodeAllowedAt.set(retryAt);
            }
            return refusal.getMessage() + " Try again " + TimeText.at(retryAt, clock) + ".";
        }
        return PhonesViewModel.failure("The code could not be sent to " + row.international(), error);
    }

    private String describeCode(PhoneRow row) {
        if (row.phone().optedOutAt().isPresent()) {
            return "Opted out by texting STOP " + TimeText.at(row.phone().optedOutAt().get(), clock)
                    + ". It must text START before it can get a code.";
        }
        if (row.phone().verified()) {
            return "Verified " + TimeText.at(row.phone().verifiedAt().orElseThrow(), clock) + ".";
        }
        if (row.code().isEmpty()) {
            return "No code sent yet. Send one, then enter the " + VerificationCode.DIGITS + " digits the texter reads back.";
        }
        VerificationCode active = row.code().get();
        if (active.lockedOut()) {
            return "The last code was entered wrong " + VerificationCode.MAX_ATTEMPTS + " times. Send a new code.";
        }
        if (active.expired(clock.instant())) {
            return "The last code expired " + TimeText.at(active.expiresAt(), clock) + ". Send a new code.";
        }
        int left = VerificationCode.MAX_ATTEMPTS - active.attempts();
        return "Code sent " + TimeText.at(active.createdAt(), clock) + ". It expires " + TimeText.at(active.expiresAt(), clock)
                + "; " + left + (left == 1 ? " try" : " tries") + " left.";
    }

    /** Allows Verify while the phone has a code that still takes entries and the operator typed one. */
    private void updateVerifyAllowed() {
        PhoneRow row = phone.get();
        boolean usableCode = row != null && row.pending() && row.code().isPresent() && !row.code().get().lockedOut();
        verifyAllowed.set(usableCode && !code.get().isBlank() && !checking.get());
    }

    private boolean showing(String e164) {
        PhoneRow row = phone.get();
        return row != null && row.e164().equals(e164);
    }

    private void show(Tone tone, String message) {
        outcomeTone.set(tone);
        outcome.set(message);
    }

    /** The colour of the outcome line. */
    public enum Tone { NEUTRAL, SUCCESS, WARNING, DANGER }

    private record Sent(Instant expiresAt, Instant nextCodeAllowedAt, boolean simulated) {
    }

    private record Checked(VerificationService.Outcome outcome, Instant nextCodeAllowedAt) {
    }

    public ReadOnlyObjectProperty<PhoneRow> phoneProperty() {
        return phone;
    }

    /** Returns the code the operator typed. */
    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    /** Returns "Send code", or the cooldown, such as "Send again in 42 s". */
    public ReadOnlyStringProperty sendLabelProperty() {
        return sendLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendAllowedProperty() {
        return sendAllowed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifyAllowedProperty() {
        return verifyAllowed.getReadOnlyProperty();
    }

    /** Returns when the next code may be sent, as last loaded or reported by the core; {@link Instant#MIN} when now. */
    public ReadOnlyObjectProperty<Instant> nextCodeAllowedAtProperty() {
        return nextCodeAllowedAt;
    }

    /** Returns the state of the selected phone's code, such as "Code sent at 14:02:10. It expires at 14:12:10; 4 tries left." */
    public ReadOnlyStringProperty codeStateProperty() {
        return codeState.getReadOnlyProperty();
    }

    /** Returns the result of the last send or check, such as "Wrong code: 4 tries left." */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> outcomeToneProperty() {
        return outcomeTone.getReadOnlyProperty();
    }

    /** Returns where to find the code in simulator mode, empty otherwise. */
    public ReadOnlyStringProperty simulatorHintProperty() {
        return simulatorHint.getReadOnlyProperty();
    }
}
