package dev.textdrive.gui.access;

import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.app.TextDrive;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.storage.StorageAccount;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The access screen's state: which phones may use which storage accounts, seen from the phones (each phone
 * with its accounts) or from the accounts (each account with its phones), and grant or revoke from either.
 */
public final class AccessViewModel {

    /** The actor recorded in the audit log for changes made in the desktop app. */
    static final String ACTOR = "desktop";

    private final Supplier<TextDrive> app;
    private final Background background;
    private final StatusReporter status;

    private final ObjectProperty<Perspective> perspective = new SimpleObjectProperty<>(Perspective.BY_PHONE);
    private final ObservableList<Subject> subjects = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Subject> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper choicesTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper("");
    private final BooleanProperty applying = new SimpleBooleanProperty(false);
    private Snapshot snapshot = new Snapshot(List.of(), List.of(), Map.of());
    private String selectedKey;
    private long generation;

    /**
     * @param app the running core, read each time because the settings screen may restart it
     */
    public AccessViewModel(Supplier<TextDrive> app, Background background, StatusReporter status) {
        this.app = app;
        this.background = background;
        this.status = status;
        perspective.addListener((observable, old, value) -> {
            selectedKey = null;
            rebuild();
            refresh();
        });
    }

    /** Reloads phones, accounts and grants, keeping the selection. */
    public void refresh() {
        long requested = ++generation;
        background.run("Loading access", this::load, loadedSnapshot -> {
            // A slower, older load must not overwrite a newer one after quick changes.
            if (requested != generation) {
                return;
            }
            snapshot = loadedSnapshot;
            rebuild();
        }, error -> status.error("Phones and accounts could not be loaded: " + error.getMessage()));
    }

    /** Reloads when phones, accounts or grants may have changed. */
    public void activity(List<ActivityEvent> events) {
        if (events.stream().anyMatch(event -> event.kind() == ActivityEvent.Kind.DIRECTORY)) {
            refresh();
        }
    }

    /** Selects the phone or account whose grants the choices show. */
    public void select(Subject subject) {
        if (subject == null || subject.key().equals(selectedKey)) {
            return;
        }
        selectedKey = subject.key();
        rebuild();
    }

    /** Grants or revokes the selected subject's access to or from one choice. */
    public void setGranted(Choice choice, boolean granted) {
        Subject subject = selected.get();
        if (subject == null || choice.granted() == granted) {
            return;
        }
        boolean byPhone = perspective.get() == Perspective.BY_PHONE;
        String phone = byPhone ? subject.key() : choice.key();
        String account = byPhone ? choice.key() : subject.key();
        String phoneText = PhoneNumbers.international(phone);
        applying.set(true);
        background.run((granted ? "Granting " : "Revoking ") + account + (granted ? " to " : " from ") + phoneText, () -> granted
                ? app.get().accounts().grant(phone, account, ACTOR)
                : app.get().accounts().revoke(phone, account, ACTOR), changed -> {
                    applying.set(false);
                    status.info(granted ? phoneText + " may now use " + account + "." : phoneText + " can no longer use " + account + ".");
                    refresh();
                }, error -> {
                    applying.set(false);
                    // The core rejects a phone or an account that was removed meanwhile; its advice is for the CLI.
                    status.error(error instanceof IllegalArgumentException
                            ? phoneText + " or " + account + " no longer exists, so the lists were reloaded."
                            : (granted ? "Granting " : "Revoking ") + account + " failed: " + error.getMessage());
                    refresh();
                });
    }

    private Snapshot load() {
        TextDrive core = app.get();
        List<Phone> phones = core.phones().list();
        List<StorageAccount> accounts = core.accounts().list();
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        for (Phone phone : phones) {
            grants.put(phone.e164(), core.accounts().grantedTo(phone.e164()).stream()
                    .map(StorageAccount::name).collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        return new Snapshot(phones, accounts, grants);
    }

    private void rebuild() {
        emptyMessage.set(emptyMessage(snapshot));
        boolean byPhone = perspective.get() == Perspective.BY_PHONE;
        List<Subject> newSubjects = byPhone
                ? snapshot.phones().stream().map(this::phoneSubject).toList()
                : snapshot.accounts().stream().map(this::accountSubject).toList();
        if (!newSubjects.equals(subjects)) {
            subjects.setAll(newSubjects);
        }
        Subject subject = newSubjects.stream().filter(item -> item.key().equals(selectedKey)).findFirst()
                .orElse(newSubjects.isEmpty() ? null : newSubjects.get(0));
        selectedKey = subject == null ? null : subject.key();
        selected.set(subject);

        List<Choice> newChoices = subject == null ? List.of() : byPhone
                ? snapshot.accounts().stream().map(account -> accountChoice(subject.key(), account)).toList()
                : snapshot.phones().stream().map(phone -> phoneChoice(subject.key(), phone)).toList();
        if (!newChoices.equals(choices)) {
            choices.setAll(newChoices);
        }
        choicesTitle.set(subject == null ? "" : byPhone
                ? "Accounts that " + subject.title() + " may use"
                : "Phones that may use " + subject.title());
    }

    private Subject phoneSubject(Phone phone) {
        int count = snapshot.grants().getOrDefault(phone.e164(), Set.of()).size();
        String accounts = count(count, "account");
        return new Subject(phone.e164(), PhoneNumbers.international(phone.e164()), describe(phone) + " · " + accounts);
    }

    private Subject accountSubject(StorageAccount account) {
        long count = snapshot.grants().values().stream().filter(names -> names.contains(account.name())).count();
        String phones = count(count, "phone");
        String provider = StorageAccount.LOCAL.equals(account.provider()) ? "Local folder" : account.provider();
        return new Subject(account.name(), account.name(), provider + " · " + phones);
    }

    private Choice accountChoice(String phone, StorageAccount account) {
        boolean granted = snapshot.grants().getOrDefault(phone, Set.of()).contains(account.name());
        return new Choice(account.name(), account.name(), account.location(), granted);
    }

    private Choice phoneChoice(String account, Phone phone) {
        boolean granted = snapshot.grants().getOrDefault(phone.e164(), Set.of()).contains(account);
        return new Choice(phone.e164(), PhoneNumbers.international(phone.e164()), describe(phone), granted);
    }

    /** Returns a phone's label, if any, and its state, such as "Ana · pending verification". */
    private static String describe(Phone phone) {
        String state = phone.verified() || phone.optedOutAt().isPresent() ? phone.state() : "pending verification";
        return phone.label().isEmpty() ? state : phone.label() + " · " + state;
    }

    /** Returns a count with its noun, such as "no accounts", "1 account" or "3 accounts". */
    private static String count(long count, String noun) {
        if (count == 0) {
            return "no " + noun + "s";
        }
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String emptyMessage(Snapshot snapshot) {
        if (snapshot.phones().isEmpty() && snapshot.accounts().isEmpty()) {
            return "Add a phone and a storage account first.";
        }
        if (snapshot.phones().isEmpty()) {
            return "Add a phone first, on the Phones screen.";
        }
        if (snapshot.accounts().isEmpty()) {
            return "Add a storage account first, on the Storage accounts screen.";
        }
        return "";
    }

    /** The side that the screen lists on the left: phones or accounts. */
    public enum Perspective { BY_PHONE, BY_ACCOUNT }

    /**
     * A phone or an account on the left.
     *
     * @param key the phone's E.164 number or the account's name
     * @param title the number in international form or the account's name
     * @param detail a second line: label, state and the number of grants
     */
    public record Subject(String key, String title, String detail) {
    }

    /**
     * An account or a phone on the right, checked when the selected subject has access to or from it.
     *
     * @param key the account's name or the phone's E.164 number
     * @param title the account's name or the number in international form
     * @param detail a second line: the account's location, or the phone's label and state
     * @param granted whether the grant exists
     */
    public record Choice(String key, String title, String detail, boolean granted) {
    }

    private record Snapshot(List<Phone> phones, List<StorageAccount> accounts, Map<String, Set<String>> grants) {
    }

    public ObjectProperty<Perspective> perspectiveProperty() {
        return perspective;
    }

    public ObservableList<Subject> subjects() {
        return subjects;
    }

    public ReadOnlyObjectProperty<Subject> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    /** Returns the heading of the choices, such as "Accounts that +1 201-555-0123 may use". */
    public ReadOnlyStringProperty choicesTitleProperty() {
        return choicesTitle.getReadOnlyProperty();
    }

    /** Returns what to add before access can be granted, empty when there are phones and accounts. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying;
    }
}
