package dev.textdrive.gui.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.storage.AccountStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountsViewModelTest {

    private static final String ALICE = "+12025550143";
    private static final String BOB = "+447400123456";

    @TempDir
    Path directory;

    private Services services;
    private final RecordingStatus status = new RecordingStatus();
    private final List<String> questions = new ArrayList<>();
    private boolean agree = true;
    private AccountsViewModel model;
    private Path photos;

    @BeforeEach
    void start() throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "server:\n  host: 127.0.0.1\n  port: 0\n  public_url: https://textdrive.example.test\n"
                + "database:\n  path: " + directory.resolve("textdrive.db") + "\n"
                + "sms:\n  default_region: US\n");
        Config config = new ConfigLoader(directory.resolve("data")).load(file);
        services = new Services(config, file, false);
        services.start();
        model = new AccountsViewModel(services, Background.direct(), status, (question, action) -> {
            questions.add(question);
            return agree;
        });
        photos = Files.createDirectories(directory.resolve("Photos"));
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void addFolderListsAccount() throws IOException {
        model.refresh();

        AccountRow row = addFolder("Photos", photos);

        assertEquals("Photos", row.name());
        assertEquals("Local folder", row.providerLabel());
        assertEquals(photos.toRealPath().toString(), row.location());
        assertTrue(row.reachable());
        assertEquals(List.of(), row.phones());
        assertEquals("No phones have access yet", row.phonesText());
        assertFalse(model.addingProperty().get());
        assertEquals("", model.newNameProperty().get());
        assertEquals(row, model.selectedProperty().get());
        assertTrue(status.infos.get(status.infos.size() - 1).startsWith("Added Photos for "));
    }

    @Test
    void emptyFormCannotAdd() {
        model.startAddingLocalFolder();

        assertTrue(model.addingProperty().get());
        assertFalse(model.canAddProperty().get());
        assertEquals("", model.nameProblemProperty().get());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'   '|The account name is empty: give a name such as Photos.",
        "12345678901234567890123456789012345678901|The account name is 41 characters long: use at most 40.",
        "Pho\ttos|The account name contains a control character: use letters, digits and spaces.",
    })
    void invalidNameShowsReason(String name, String reason) {
        model.startAddingLocalFolder();
        model.chooseFolder(photos.toString());

        model.newNameProperty().set(name);

        assertEquals(reason, model.nameProblemProperty().get());
        assertFalse(model.canAddProperty().get());
    }

    @Test
    void fortyCharacterNameAccepted() {
        model.startAddingLocalFolder();
        model.chooseFolder(photos.toString());

        model.newNameProperty().set("x".repeat(40));

        assertEquals("", model.nameProblemProperty().get());
        assertTrue(model.canAddProperty().get());
    }

    @Test
    void missingFolderShowsReason() {
        Path missing = directory.resolve("gone");
        model.startAddingLocalFolder();
        model.newNameProperty().set("Gone");

        model.chooseFolder(missing.toString());

        assertEquals("Folder " + missing + " does not exist: choose an existing folder.", model.folderProblemProperty().get());
        assertFalse(model.canAddProperty().get());
    }

    @Test
    void fileInsteadOfFolderShowsReason() throws IOException {
        Path file = Files.writeString(directory.resolve("notes.txt"), "hello");
        model.startAddingLocalFolder();
        model.newNameProperty().set("Notes");

        model.chooseFolder(file.toString());

        assertEquals(file + " is not a folder: choose a folder.", model.folderProblemProperty().get());
    }

    @Test
    void typedMissingFolderRejectedOnAdd() {
        Path missing = directory.resolve("typo");
        model.startAddingLocalFolder();
        model.newNameProperty().set("Typo");
        model.newFolderProperty().set(missing.toString());

        model.addLocalFolder();

        assertEquals("Folder " + missing + " does not exist: choose an existing folder.", model.folderProblemProperty().get());
        assertTrue(model.addingProperty().get());
        assertEquals(List.of(), services.app().accounts().list());
    }

    @Test
    void editingFolderClearsItsProblem() {
        model.startAddingLocalFolder();
        model.chooseFolder(directory.resolve("gone").toString());

        model.newFolderProperty().set(photos.toString());

        assertEquals("", model.folderProblemProperty().get());
    }

    @Test
    void duplicateNameRejectedAsTyped() {
        addFolder("Photos", photos);
        model.startAddingLocalFolder();
        model.chooseFolder(photos.toString());

        model.newNameProperty().set(" photos ");

        assertEquals("An account named 'Photos' already exists: choose another name.", model.nameProblemProperty().get());
        assertFalse(model.canAddProperty().get());
    }

    @Test
    void duplicateNameFromElsewhereRejectedOnAdd() throws IOException {
        model.refresh();
        model.startAddingLocalFolder();
        model.newNameProperty().set("Photos");
        model.chooseFolder(photos.toString());
        services.app().accounts().add("PHOTOS", "local", photos.toRealPath().toString(), null, "cli");

        model.addLocalFolder();

        assertEquals("An account named 'Photos' already exists: choose another name.", model.nameProblemProperty().get());
        assertEquals(1, services.app().accounts().list().size());
    }

    @Test
    void renameChangesName() {
        AccountRow row = addFolder("Photos", photos);

        model.rename(row, "  Pictures ");

        assertEquals(List.of("Pictures"), names());
        assertTrue(services.app().accounts().findByName("Pictures").isPresent());
        assertEquals("Renamed Photos to Pictures. Texters see the new name from their next command.",
                status.infos.get(status.infos.size() - 1));
    }

    @Test
    void renameToOwnNameInOtherCaseAllowed() {
        AccountRow row = addFolder("Photos", photos);

        assertTrue(model.renameProblem(row, "PHOTOS").isEmpty());
        model.rename(row, "PHOTOS");

        assertEquals(List.of("PHOTOS"), names());
    }

    @Test
    void renameToTakenNameRejected() throws IOException {
        AccountRow row = addFolder("Photos", photos);
        addFolder("Music", Files.createDirectories(directory.resolve("Music")));

        String reason = model.renameProblem(row, "music").orElse("");
        model.rename(row, "music");

        assertEquals("An account named 'Music' already exists: choose another name.", reason);
        assertEquals(reason, status.errors.get(status.errors.size() - 1));
        assertEquals(List.of("Music", "Photos"), names());
    }

    @Test
    void renameToInvalidNameRejected() {
        AccountRow row = addFolder("Photos", photos);

        assertEquals("The account name is empty: give a name such as Photos.", model.renameProblem(row, " ").orElse(""));
        model.rename(row, " ");

        assertEquals(List.of("Photos"), names());
    }

    @Test
    void removeNamesPhonesAndRevokesGrants() {
        AccountRow row = addFolder("Photos", photos);
        grant(ALICE, "Photos");
        grant(BOB, "Photos");
        model.refresh();

        model.requestRemove(row);

        assertEquals(List.of("Remove Photos? +1 202-555-0143 and +44 7400 123456 lose access. Its download links stop "
                + "working; the files themselves are not touched."), questions);
        assertEquals("Removed Photos; +1 202-555-0143 and +44 7400 123456 lost access.",
                status.infos.get(status.infos.size() - 1));
        AccountStore accounts = services.app().accounts();
        assertEquals(List.of(), accounts.grantedTo(ALICE));
        assertEquals(List.of(), accounts.grantedTo(BOB));
        assertEquals(List.of(), model.accounts());
        assertTrue(Files.isDirectory(photos));
    }

    @Test
    void removeWithoutPhonesSaysSo() {
        AccountRow row = addFolder("Photos", photos);

        model.requestRemove(row);

        assertEquals(List.of("Remove Photos? No phone has access to it. Its download links stop working; the files "
                + "themselves are not touched."), questions);
        assertEquals("Removed Photos.", status.infos.get(status.infos.size() - 1));
    }

    @Test
    void removeCancelledKeepsGrants() {
        AccountRow row = addFolder("Photos", photos);
        grant(ALICE, "Photos");
        agree = false;

        model.requestRemove(row);

        assertEquals(List.of("Remove Photos? +1 202-555-0143 loses access. Its download links stop working; the files "
                + "themselves are not touched."), questions);
        assertEquals(List.of("Photos"), names());
        assertEquals(1, services.app().accounts().grantedTo(ALICE).size());
    }

    @Test
    void listShowsGrantedPhones() {
        addFolder("Photos", photos);
        grant(BOB, "Photos");
        grant(ALICE, "Photos");

        model.refresh();

        AccountRow row = model.accounts().get(0);
        assertEquals(List.of(ALICE, BOB), row.phones());
        assertEquals("+1 202-555-0143 and +44 7400 123456", row.phonesText());
    }

    @Test
    void deletedFolderNotReachable() throws IOException {
        addFolder("Photos", photos);
        Files.delete(photos);

        model.refresh();

        assertFalse(model.accounts().get(0).reachable());
    }

    @Test
    void selectionKeptAcrossRefresh() throws IOException {
        addFolder("Music", Files.createDirectories(directory.resolve("Music")));
        AccountRow photosRow = addFolder("Photos", photos);
        model.selectedProperty().set(photosRow);

        model.refresh();

        assertEquals("Photos", model.selectedProperty().get().name());
    }

    @Test
    void phonesJoinedAsSentence() {
        assertEquals("+1 202-555-0143", AccountRow.joinPhones(List.of(ALICE)));
        assertEquals("+1 202-555-0143, +44 7400 123456 and +1 202-555-0144",
                AccountRow.joinPhones(List.of(ALICE, BOB, "+12025550144")));
    }

    private AccountRow addFolder(String name, Path folder) {
        model.startAddingLocalFolder();
        model.newNameProperty().set(name);
        model.chooseFolder(folder.toString());
        model.addLocalFolder();
        return model.accounts().stream().filter(row -> row.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No account " + name + " in " + model.accounts()
                        + "; errors: " + status.errors));
    }

    private void grant(String phone, String account) {
        if (services.app().phones().find(phone).isEmpty()) {
            services.app().phones().add(phone, null, true, "test");
        }
        services.app().accounts().grant(phone, account, "test");
    }

    private List<String> names() {
        return model.accounts().stream().map(AccountRow::name).toList();
    }

    /** Keeps the status messages, in order. */
    private static final class RecordingStatus implements StatusReporter {

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
    }
}
