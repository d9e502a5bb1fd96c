package dev.textdrive.gui.phones;

import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.app.TextDrive;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneLabels;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.storage.StorageAccount;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The phones screen's state: the number being added with its parsed forms, the table of phones, the selected
 * phone and its verification.
 */
public final class PhonesViewModel {

    /** The actor recorded in the audit log for changes made in the desktop app. */
    static final String ACTOR = "desktop";

    private final Supplier<TextDrive> app;
    private final Background background;
    private final StatusReporter status;
    private final VerificationViewModel verification;

    private final StringProperty number = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper numberInternational = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper numberNational = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper numberProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper numberHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper numberExample = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper numberValid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper labelProblem = new ReadOnlyStringWrapper("");
    private final BooleanProperty adding = new SimpleBooleanProperty(false);
    private final ObservableList<PhoneRow> phones = FXCollections.observableArrayList();
    private final ObjectProperty<PhoneRow> selected = new SimpleObjectProperty<>();
    private String selectAfterLoad;
    private long generation;

    /**
     * @param app the running core, read each time because the settings screen may restart it
     * @param clock the time for cooldowns and the local times shown
     */
    public PhonesViewModel(Supplier<TextDrive> app, Clock clock, Background background, StatusReporter status) {
        this.app = app;
        this.background = background;
        this.status = status;
        this.verification = new VerificationViewModel(app, clock, background, status, this::refresh);
        number.addListener((observable, old, value) -> parseNumber());
        label.addListener((observable, old, value) -> checkLabel());
        selected.addListener((observable, old, row) -> verification.show(row));
    }

    /** Reloads the phones, keeping the selection, then the hint and example of the current default region. */
    public void refresh() {
        long requested = ++generation;
        background.run("Loading phones", this::load, rows -> {
            // A slower, older load must not overwrite a newer one, such as after a code check and a live event.
            if (requested == generation) {
                apply(rows);
            }
        }, error -> status.error(failure("The phones could not be loaded", error)));
    }

    /** Reloads when phones, grants or messages changed, such as a texter's STOP. */
    public void activity(List<ActivityEvent> events) {
        boolean relevant = events.stream().anyMatch(event -> event.kind() != ActivityEvent.Kind.SESSION);
        if (relevant) {
            refresh();
        }
    }

    /** Adds the typed number as a pending phone and selects it. */
    public void add() {
        PhoneNumbers numbers = numbers();
        Optional<String> problem = NumberProblems.problem(numbers, number.get());
        if (problem.isEmpty()) {
            problem = duplicate(numbers.parse(number.get()).e164());
        }
        if (problem.isPresent()) {
            numberProblem.set(problem.get());
            numberValid.set(false);
            status.error(problem.get());
            return;
        }
        if (!labelProblem.get().isEmpty()) {
            status.error(labelProblem.get());
            return;
        }
        if (adding.get()) {
            return;
        }
        String e164 = numbers.parse(number.get()).e164();
        String international = PhoneNumbers.international(e164);
        String labelText = label.get().strip();
        adding.set(true);
        background.run("Adding " + international, () -> app.get().phones().add(e164, labelText, false, ACTOR), phone -> {
            adding.set(false);
            number.set("");
            label.set("");
            status.info("Added " + international + ". Send it a code to verify it.");
            selectAfterLoad = phone.e164();
            refresh();
        }, error -> {
            adding.set(false);
            didFailToAdd(international, error);
        });
    }

    /** Shows why the core rejected a phone in the status line, and next to the number when it is a duplicate. */
    private void didFailToAdd(String international, Exception error) {
        if (error instanceof IllegalStateException) {
            // Another window or the admin CLI added the number since the table was loaded.
            String message = international + " is already in the list.";
            numberProblem.set(message);
            numberValid.set(false);
            status.error(message);
            refresh();
        } else {
            status.error(failure("The phone could not be added", error));
        }
    }

    /** Removes a phone with its grants and session; the view confirms with the operator first. */
    public void remove(PhoneRow row) {
        String international = row.international();
        background.run("Removing " + international, () -> app.get().phones().remove(row.e164(), ACTOR), removed -> {
            status.info(removed ? "Removed " + international + "." : international + " was already removed.");
            refresh();
        }, error -> status.error(failure("The phone could not be removed", error)));
    }

    /**
     * Returns a failure as two sentences, such as "The phone could not be added. The label is 41 characters long:
     * use at most 40.", so the core's message keeps its capital letter.
     */
    static String failure(String summary, Exception error) {
        String message = error.getMessage() == null ? "" : error.getMessage().strip();
        if (message.isEmpty()) {
            return summary + ".";
        }
        return summary + ". " + message + (message.endsWith(".") ? "" : ".");
    }

    /** Returns what removing a phone takes away, for the confirmation dialog. */
    public static String removalConsequence(PhoneRow row) {
        String accounts = switch (row.accounts().size()) {
            case 0 -> "";
            case 1 -> " It loses access to " + row.accounts().get(0) + ".";
            default -> " It loses access to " + row.accounts().size() + " accounts: " + String.join(", ", row.accounts()) + ".";
        };
        return "The phone can no longer use TextDrive, and its session is deleted." + accounts;
    }

    private List<PhoneRow> load() {
        TextDrive core = app.get();
        return core.phones().list().stream().map(phone -> row(core, phone)).toList();
    }

    private static PhoneRow row(TextDrive core, Phone phone) {
        List<String> accounts = core.accounts().grantedTo(phone.e164()).stream().map(StorageAccount::name).toList();
        return new PhoneRow(phone, accounts, core.verification().find(phone.e164()),
                core.verification().nextCodeAllowedAt(phone.e164()));
    }

    private void apply(List<PhoneRow> rows) {
        String keep = selectAfterLoad != null ? selectAfterLoad : selected.get() == null ? null : selected.get().e164();
        selectAfterLoad = null;
        phones.setAll(rows);
        selected.set(rows.stream().filter(row -> row.e164().equals(keep)).findFirst().orElse(null));
        // The default region may have changed in Settings, which restarts the core, and with it the example, the
        // hint and the parse.
        parseNumber();
    }

    private void parseNumber() {
        PhoneNumbers numbers = numbers();
        String example = PhoneNumbers.international(numbers.example());
        numberExample.set(example);
        numberHint.set("Use the international form, such as " + example
                + ". Numbers without a country code are read as " + numbers.defaultRegion() + " numbers.");
        String text = number.get();
        if (text == null || text.isBlank()) {
            numberInternational.set("");
            numberNational.set("");
            numberProblem.set("");
            numberValid.set(false);
            return;
        }
        Optional<String> problem = NumberProblems.problem(numbers, text);
        if (problem.isEmpty()) {
            problem = duplicate(numbers.parse(text).e164());
        }
        numberValid.set(problem.isEmpty());
        numberProblem.set(problem.orElse(""));
        if (problem.isPresent()) {
            numberInternational.set("");
            numberNational.set("");
            return;
        }
        String e164 = numbers.parse(text).e164();
        numberInternational.set(PhoneNumbers.international(e164));
        numberNational.set(PhoneNumbers.national(e164));
    }

    /** Returns that a number is already in the table, as loaded last. */
    private Optional<String> duplicate(String e164) {
        boolean listed = phones.stream().anyMatch(row -> row.e164().equals(e164));
        return listed ? Optional.of(PhoneNumbers.international(e164) + " is already in the list.") : Optional.empty();
    }

    private void checkLabel() {
        try {
            PhoneLabels.check(label.get());
            labelProblem.set("");
        } catch (IllegalArgumentException e) {
            labelProblem.set(e.getMessage());
        }
    }

    private PhoneNumbers numbers() {
        return new PhoneNumbers(app.get().config().defaultRegion());
    }

    /** Returns the number being typed. */
    public StringProperty numberProperty() {
        return number;
    }

    /** Returns the optional label of the number being typed. */
    public StringProperty labelProperty() {
        return label;
    }

    /** Returns the typed number in international form, empty while it is not valid. */
    public ReadOnlyStringProperty numberInternationalProperty() {
        return numberInternational.getReadOnlyProperty();
    }

    /** Returns the typed number in the national form of its country, empty while it is not valid. */
    public ReadOnlyStringProperty numberNationalProperty() {
        return numberNational.getReadOnlyProperty();
    }

    /** Returns why the typed number is not valid, empty while it is valid or empty. */
    public ReadOnlyStringProperty numberProblemProperty() {
        return numberProblem.getReadOnlyProperty();
    }

    /** Returns how to type a number, with an example of the default region. */
    public ReadOnlyStringProperty numberHintProperty() {
        return numberHint.getReadOnlyProperty();
    }

    /** Returns an example number of the default region in international form, such as "+1 201-555-0123". */
    public ReadOnlyStringProperty numberExampleProperty() {
        return numberExample.getReadOnlyProperty();
    }

    /** Returns why the typed label cannot be stored, such as too long; empty while it can. */
    public ReadOnlyStringProperty labelProblemProperty() {
        return labelProblem.getReadOnlyProperty();
    }

    /** Returns whether the typed number is valid and not yet in the list. */
    public ReadOnlyBooleanProperty numberValidProperty() {
        return numberValid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty addingProperty() {
        return adding;
    }

    public ObservableList<PhoneRow> phones() {
        return phones;
    }

    /** Returns the phone selected in the table; the view sets it. */
    public ObjectProperty<PhoneRow> selectedProperty() {
        return selected;
    }

    public VerificationViewModel verification() {
        return verification;
    }
}
