package dev.textdrive.gui.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.app.TextDrive;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.access.AccessViewModel.Choice;
import dev.textdrive.gui.access.AccessViewModel.Perspective;
import dev.textdrive.gui.access.AccessViewModel.Subject;
import dev.textdrive.inbound.InboundListener;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessViewModelTest {

    private static final String ANA = "+12015550123";
    private static final String BEN = "+12015550124";

    @TempDir
    Path directory;

    private final List<String> infos = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private TextDrive app;
    private AccessViewModel model;

    @BeforeEach
    void open() throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "server:\n  host: 127.0.0.1\n  port: 0\n  public_url: https://textdrive.example.test\n"
                + "database:\n  path: " + directory.resolve("textdrive.db") + "\n");
        app = TextDrive.open(new ConfigLoader(directory.resolve("data")).load(file),
                MutableClock.at("2026-12-04T10:00:00Z"), InboundListener.NONE);
        StatusReporter status = new StatusReporter() {
            @Override
            public void info(String message) {
                infos.add(message);
            }

            @Override
            public void error(String message) {
                errors.add(message);
            }
        };
        model = new AccessViewModel(() -> app, Background.direct(), status);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void noPhonesNoAccountsSaysAddBoth() {
        model.refresh();

        assertEquals("Add a phone and a storage account first.", model.emptyMessageProperty().get());
        assertTrue(model.subjects().isEmpty());
    }

    @Test
    void noAccountsSaysAddAccount() {
        app.phones().add(ANA, "", false, "test");

        model.refresh();

        assertEquals("Add a storage account first, on the Storage accounts screen.", model.emptyMessageProperty().get());
    }

    @Test
    void noPhonesSaysAddPhone() {
        addAccounts();

        model.refresh();

        assertEquals("Add a phone first, on the Phones screen.", model.emptyMessageProperty().get());
    }

    @Test
    void byPhoneListsPhonesWithAccountChoices() {
        addPhonesAndAccounts();
        app.accounts().grant(ANA, "Work", "test");

        model.refresh();

        assertEquals("", model.emptyMessageProperty().get());
        assertEquals(List.of("+1 201-555-0123", "+1 201-555-0124"), model.subjects().stream().map(Subject::title).toList());
        assertEquals("Ana · verified · 1 account", model.subjects().get(0).detail());
        assertEquals("pending verification · no accounts", model.subjects().get(1).detail());
        assertEquals(ANA, model.selectedProperty().get().key());
        assertEquals("Accounts that +1 201-555-0123 may use", model.choicesTitleProperty().get());
        assertEquals(List.of("Photos", "Work"), model.choices().stream().map(Choice::title).toList());
        assertEquals(List.of(false, true), model.choices().stream().map(Choice::granted).toList());
    }

    @Test
    void grantFromPhoneSide() {
        addPhonesAndAccounts();
        model.refresh();
        model.select(model.subjects().get(1));

        model.setGranted(choice("Photos"), true);

        assertEquals(List.of("Photos"), granted(BEN));
        assertTrue(choice("Photos").granted());
        assertEquals(BEN, model.selectedProperty().get().key());
        assertEquals("pending verification · 1 account", model.subjects().get(1).detail());
        assertEquals("+1 201-555-0124 may now use Photos.", infos.get(infos.size() - 1));
    }

    @Test
    void revokeFromPhoneSide() {
        addPhonesAndAccounts();
        app.accounts().grant(ANA, "Work", "test");
        model.refresh();

        model.setGranted(choice("Work"), false);

        assertEquals(List.of(), granted(ANA));
        assertFalse(choice("Work").granted());
        assertEquals("+1 201-555-0123 can no longer use Work.", infos.get(infos.size() - 1));
    }

    @Test
    void byAccountListsAccountsWithPhoneChoices() {
        addPhonesAndAccounts();
        app.accounts().grant(BEN, "Work", "test");
        model.refresh();

        model.perspectiveProperty().set(Perspective.BY_ACCOUNT);

        assertEquals(List.of("Photos", "Work"), model.subjects().stream().map(Subject::title).toList());
        assertEquals("Local folder · 1 phone", model.subjects().get(1).detail());
        assertEquals("Photos", model.selectedProperty().get().key());
        assertEquals("Phones that may use Photos", model.choicesTitleProperty().get());
        assertEquals(List.of("+1 201-555-0123", "+1 201-555-0124"), model.choices().stream().map(Choice::title).toList());
        assertEquals("Ana · verified", model.choices().get(0).detail());
    }

    @Test
    void grantFromAccountSide() {
        addPhonesAndAccounts();
        model.refresh();
        model.perspectiveProperty().set(Perspective.BY_ACCOUNT);
        model.select(model.subjects().get(1));

        model.setGranted(choice("+1 201-555-0123"), true);

        assertEquals(List.of("Work"), granted(ANA));
        assertTrue(choice("+1 201-555-0123").granted());
        assertEquals("Work", model.selectedProperty().get().key());
        assertEquals("Local folder · 1 phone", model.subjects().get(1).detail());
    }

    @Test
    void revokeFromAccountSide() {
        addPhonesAndAccounts();
        app.accounts().grant(ANA, "Photos", "test");
        app.accounts().grant(BEN, "Photos", "test");
        model.refresh();
        model.perspectiveProperty().set(Perspective.BY_ACCOUNT);

        model.setGranted(choice("+1 201-555-0124"), false);

        assertEquals(List.of("Photos"), granted(ANA));
        assertEquals(List.of(), granted(BEN));
        assertEquals(List.of(true, false), model.choices().stream().map(Choice::granted).toList());
        assertEquals("Local folder · 1 phone", model.subjects().get(0).detail());
    }

    @Test
    void grantOfRemovedAccountSaysWhyAndReloads() {
        addPhonesAndAccounts();
        model.refresh();
        Choice photos = choice("Photos");
        app.accounts().remove("Photos", "test");

        model.setGranted(photos, true);

        assertEquals("+1 201-555-0123 or Photos no longer exists, so the lists were reloaded.",
                errors.get(errors.size() - 1));
        assertEquals(List.of("Work"), model.choices().stream().map(Choice::title).toList());
    }

    private void addPhonesAndAccounts() {
        app.phones().add(ANA, "Ana", true, "test");
        app.phones().add(BEN, "", false, "test");
        addAccounts();
    }

    private void addAccounts() {
        app.accounts().add("Work", "local", directory.toString(), null, "test");
        app.accounts().add("Photos", "local", directory.toString(), null, "test");
    }

    private Choice choice(String title) {
        return model.choices().stream().filter(choice -> choice.title().equals(title)).findFirst().orElseThrow();
    }

    private List<String> granted(String phone) {
        return app.accounts().grantedTo(phone).stream().map(StorageAccount::name).toList();
    }
}
