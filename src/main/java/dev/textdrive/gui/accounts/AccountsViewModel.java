package dev.textdrive.gui.accounts;

import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.storage.AccountNames;
import dev.textdrive.storage.AccountStore;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.local.LocalFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The storage accounts screen's state: the accounts with their phones and reachability, the form that adds a
 * local folder, renaming and removing accounts, and linking Kloudless accounts through {@link #kloudless()}.
 */
public final class AccountsViewModel {

    /** The actor recorded in the audit log for changes made in the desktop app. */
    static final String ACTOR = "desktop";

    /** Asks the operator to confirm a change that cannot be undone; called on the UI thread. */
    @FunctionalInterface
    public interface Confirmation {

        /**
         * Returns whether the operator agreed.
         *
         * @param question the question, which names what is lost
         * @param action the label of the button that agrees, such as "Remove"
         */
        boolean confirm(String question, String action);
    }

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private final Confirmation confirmation;
    private final KloudlessViewModel kloudless;

    private final ObservableList<AccountRow> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<AccountRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);

    private final BooleanProperty adding = new SimpleBooleanProperty(false);
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newFolder = new SimpleStringProperty("");
    private final StringProperty nameProblem = new SimpleStringProperty("");
    private final StringProperty folderProblem = new SimpleStringProperty("");
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final BooleanBinding canAdd;
    private long folderCheck;
    private long selectAfterLoad = -1;
    private String selectNameAfterLoad;

    /** Creates the model with a Kloudless sign-in that shows its URL in the status line instead of opening a browser. */
    public AccountsViewModel(Services services, Background background, StatusReporter status, Confirmation confirmation) {
        this(services, background, status, confirmation,
                url -> status.info("Open this address in your browser to sign in to Kloudless: " + url));
    }

    /** @param opener opens the Kloudless sign-in page in the operator's browser */
    public AccountsViewModel(Services services, Background background, StatusReporter status, Confirmation confirmation,
                             Consumer<String> opener) {
        this.services = services;
        this.background = background;
        this.status = status;
        this.confirmation = confirmation;
        this.kloudless = new KloudlessViewModel(services, background, status, opener, name -> nameProblem(name, -1),
                this::selectAndRefresh, this::selectByDisplayNameAndRefresh);

        newName.addListener((observable, old, name) -> nameProblem.set(typedNameProblem(name)));
        accounts.addListener((ListChangeListener<AccountRow>) change -> nameProblem.set(typedNameProblem(newName.get())));
        newFolder.addListener((observable, old, folder) -> folderProblem.set(""));
        canAdd = Bindings.createBooleanBinding(
                () -> !newName.get().isBlank() && nameProblem.get().isEmpty()
                        && !newFolder.get().isBlank() && folderProblem.get().isEmpty() && !working.get(),
                newName, nameProblem, newFolder, folderProblem, working);
    }

    /** Reloads the accounts, their phones and whether each can be reached; the checks run off the UI thread. */
    public void refresh() {
        if (!services.running()) {
            return;
        }
        background.run("Loading storage accounts", this::load, this::show,
                error -> status.error("The storage accounts could not be loaded: " + error.getMessage()));
    }

    /** Reloads when phones, accounts or grants changed elsewhere, such as on the Access screen. */
    public void activity(List<ActivityEvent> events) {
        if (events.stream().anyMatch(event -> event.kind() == ActivityEvent.Kind.DIRECTORY)) {
            refresh();
        }
    }

    /** Returns the linking of Kloudless accounts: in the browser, or with a token. */
    public KloudlessViewModel kloudless() {
        return kloudless;
    }

    /** Opens the form that adds a local folder, empty. */
    public void startAddingLocalFolder() {
        newName.set("");
        newFolder.set("");
        nameProblem.set("");
        folderProblem.set("");
        adding.set(true);
    }

    public void cancelAdding() {
        adding.set(false);
    }

    /** Sets the folder of the form, as the folder chooser does, and checks it off the UI thread. */
    public void chooseFolder(String folder) {
        newFolder.set(folder);
        long check = ++folderCheck;
        background.run("Checking the folder", () -> problemOf(folder), problem -> {
            // A later choice or edit makes this result stale.
            if (check == folderCheck && folder.equals(newFolder.get())) {
                folderProblem.set(problem);
            }
        }, error -> status.error("The folder could not be checked: " + error.getMessage()));
    }

    /** Adds the form's folder as an account after checking it exists and is readable; problems show at their field. */
    public void addLocalFolder() {
        String name = newName.get();
        String folder = newFolder.get();
        Optional<String> problem = nameProblem(name, -1);
        if (problem.isPresent()) {
            nameProblem.set(problem.get());
            return;
        }
        working.set(true);
        background.run("Adding account " + name.strip(), () -> add(name, folder), this::added, error -> {
            working.set(false);
            status.error("The account could not be added: " + error.getMessage());
        });
    }

    /** Returns why an account may not be renamed to {@code name}, or empty when it may. */
    public Optional<String> renameProblem(AccountRow row, String name) {
        return nameProblem(name, row.id());
    }

    /** Renames an account; another account's name, in any letter case, is rejected with the reason. */
    public void rename(AccountRow row, String requestedName) {
        Optional<String> problem = renameProblem(row, requestedName);
        if (problem.isPresent()) {
            status.error(problem.get());
            return;
        }
        String name = requestedName.strip();
        if (name.equals(row.name())) {
            return;
        }
        working.set(true);
        background.run("Renaming " + row.name(), () -> {
            services.app().accounts().rename(row.name(), name, ACTOR);
            return name;
        }, renamed -> {
            working.set(false);
            status.info("Renamed " + row.name() + " to " + renamed + ". Texters see the new name from their next command.");
            refresh();
        }, error -> {
            working.set(false);
            status.error("The account could not be renamed: " + error.getMessage());
            refresh();
        });
    }

    /** Asks which phones would lose access, confirms with the operator, then removes the account. */
    public void requestRemove(AccountRow row) {
        background.run("Checking who uses " + row.name(), () -> services.app().accounts().phonesOf(row.id()), phones -> {
            if (confirmation.confirm(removeQuestion(row.name(), phones), "Remove")) {
                remove(row);
            }
        }, error -> status.error("The account could not be checked: " + error.getMessage()));
    }

    /** Removes an account with its grants and links, and names the phones that lost access. */
    public void remove(AccountRow row) {
        working.set(true);
        background.run("Removing " + row.name(), () -> services.app().accounts().remove(row.name(), ACTOR), phones -> {
            working.set(false);
            if (phones.isEmpty()) {
                status.error(row.name() + " was already removed.");
            } else {
                status.info(removedMessage(row.name(), phones.get()));
            }
            refresh();
        }, error -> {
            working.set(false);
            status.error("The account could not be removed: " + error.getMessage());
            refresh();
        });
    }

    /** Returns the confirmation question, such as "Remove Photos? +1 202-555-0143 loses access. ...". */
    static String removeQuestion(String name, List<String> phones) {
        String access = switch (phones.size()) {
            case 0 -> "No phone has access to it.";
            case 1 -> AccountRow.joinPhones(phones) + " loses access.";
            default -> AccountRow.joinPhones(phones) + " lose access.";
        };
        return "Remove " + name + "? " + access + " Its download links stop working; the files themselves are not touched.";
    }

    static String removedMessage(String name, List<String> phones) {
        if (phones.isEmpty()) {
            return "Removed " + name + ".";
        }
        return "Removed " + name + "; " + AccountRow.joinPhones(phones) + " lost access.";
    }

    private List<AccountRow> load() {
        AccountStore store = services.app().accounts();
        List<AccountRow> rows = new ArrayList<>();
        for (StorageAccount account : store.list()) {
            rows.add(new AccountRow(account.id(), account.name(), account.provider(), account.location(),
                    account.detail(), store.phonesOf(account.id()), reachable(account), account.needsRelink()));
        }
        return rows;
    }

    /**
     * Returns whether an account's storage can be reached: a local folder is checked on disk. A Kloudless account
     * counts as reachable until the API rejects its token, because checking it would call the API on every load.
     */
    private static boolean reachable(StorageAccount account) {
        return switch (account.provider()) {
            case StorageAccount.LOCAL -> LocalFolders.reachable(account.location());
            case StorageAccount.KLOUDLESS -> !account.needsRelink();
            default -> false;
        };
    }

    private void show(List<AccountRow> rows) {
        long selectedId = selectAfterLoad >= 0 ? selectAfterLoad : selected.get() == null ? -1 : selected.get().id();
        String selectedName = selectNameAfterLoad;
        selectAfterLoad = -1;
        selectNameAfterLoad = null;
        accounts.setAll(rows);
        Optional<AccountRow> linked = rows.stream().filter(row -> row.displayName().equals(selectedName)).findFirst();
        selected.set(linked.orElseGet(() -> rows.stream().filter(row -> row.id() == selectedId).findFirst().orElse(null)));
        loaded.set(true);
    }

    private void selectAndRefresh(long id) {
        selectAfterLoad = id;
        refresh();
    }

    private void selectByDisplayNameAndRefresh(String displayName) {
        selectNameAfterLoad = displayName;
        refresh();
    }

    private AddOutcome add(String name, String folder) {
        Path real;
        try {
            real = LocalFolders.check(folder);
        } catch (IllegalArgumentException e) {
            return new AddOutcome(null, "", e.getMessage());
        }
        try {
            StorageAccount account = services.app().accounts().add(name, StorageAccount.LOCAL, real.toString(), null, ACTOR);
            return new AddOutcome(account, "", "");
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The store rejects a name that another window or the CLI took since the list was loaded.
            return new AddOutcome(null, e.getMessage(), "");
        }
    }

    private void added(AddOutcome outcome) {
        working.set(false);
        if (outcome.account() == null) {
            nameProblem.set(outcome.nameProblem());
            folderProblem.set(outcome.folderProblem());
            return;
        }
        StorageAccount account = outcome.account();
        adding.set(false);
        newName.set("");
        newFolder.set("");
        status.info("Added " + account.name() + " for " + account.location()
                + ". Grant it to phones on the Access screen.");
        selectAfterLoad = account.id();
        refresh();
    }

    /** Returns why a name cannot be used, or empty when it can; the account {@code exceptId} may keep its own name. */
    private Optional<String> nameProblem(String name, long exceptId) {
        Optional<String> rule = AccountNames.problem(name);
        if (rule.isPresent()) {
            return rule;
        }
        String stripped = name.strip();
        String key = stripped.toLowerCase(Locale.ROOT);
        return accounts.stream()
                .filter(row -> row.id() != exceptId && row.name().toLowerCase(Locale.ROOT).equals(key))
                .findFirst()
                .map(row -> "An account named '" + row.name() + "' already exists: choose another name.");
    }

    /** Returns the name's problem for display as typed; an empty field shows none, because Add stays disabled. */
    private String typedNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return nameProblem(name, -1).orElse("");
    }

    private static String problemOf(String folder) {
        try {
            LocalFolders.check(folder);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The result of adding: the new account, or the problem to show at the name or the folder field. */
    private record AddOutcome(StorageAccount account, String nameProblem, String folderProblem) {
    }

    public ObservableList<AccountRow> accounts() {
        return accounts;
    }

    /** Returns the selected account, kept across reloads by its id. */
    public ObjectProperty<AccountRow> selectedProperty() {
        return selected;
    }

    /** Returns whether the list has been loaded once, so the empty state is not shown before that. */
    public BooleanProperty loadedProperty() {
        return loaded;
    }

    /** Returns whether the add form is open. */
    public BooleanProperty addingProperty() {
        return adding;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newFolderProperty() {
        return newFolder;
    }

    public StringProperty nameProblemProperty() {
        return nameProblem;
    }

    public StringProperty folderProblemProperty() {
        return folderProblem;
    }

    /** Returns whether an add, rename or remove is running. */
    public BooleanProperty workingProperty() {
        return working;
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }
}
