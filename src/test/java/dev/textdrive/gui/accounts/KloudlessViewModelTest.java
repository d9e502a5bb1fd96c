package dev.textdrive.gui.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.chat.RecordingStatus;
import dev.textdrive.sms.SimulatedWebhook;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.kloudless.KloudlessCredentials;
import dev.textdrive.testing.FakeKloudless;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking Kloudless accounts from the accounts screen's view model, against a real core and a fake Kloudless
 * server: with a token, and by OAuth with a browser that the test plays.
 */
class KloudlessViewModelTest {

    private static final String APP_ID = "app-textdrive-1";
    private static final String API_KEY = "key-secret-9d8c7b6a";
    private static final String TOKEN = "tok-ann-1a2b3c4d";
    private static final String PHONE = "+12025550143";
    private static final String ANN = "Dropbox (ann@example.com)";

    @TempDir
    Path directory;

    private FakeKloudless fake;
    private Services services;
    private final RecordingStatus status = new RecordingStatus();
    private final TestBrowser browser = new TestBrowser();
    private final BlockingQueue<ActivityEvent> events = new LinkedBlockingQueue<>();
    private AccountsViewModel model;

    @BeforeEach
    void startFake() throws Exception {
        fake = new FakeKloudless();
        fake.addApp(APP_ID, API_KEY);
        fake.addAccount("acc-ann", "dropbox", "ann@example.com", TOKEN);
        fake.signInAs("acc-ann");
    }

    /** Starts the core with the fake as the Kloudless server, and with the OAuth app when {@code oauth} is set. */
    private void start(boolean oauth) throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "server:\n  host: 127.0.0.1\n  port: 0\n  public_url: https://textdrive.example.test\n"
                + "database:\n  path: " + directory.resolve("textdrive.db") + "\n"
                + "sms:\n  default_region: US\n"
                + "kloudless:\n" + (oauth ? "  app_id: " + APP_ID + "\n  api_key: " + API_KEY + "\n" : "")
                + "  base_url: " + fake.baseUrl() + "\n");
        Config config = new ConfigLoader(directory.resolve("data")).load(file);
        services = new Services(config, file, false);
        services.start();
        services.activity().subscribe(events::add);
        model = new AccountsViewModel(services, Background.direct(), status, (question, action) -> true, browser);
        model.refresh();
    }

    @AfterEach
    void stop() throws Exception {
        if (services != null) {
            services.close();
        }
        fake.close();
    }

    @Test
    void tokenAddsAccount() throws IOException {
        start(false);
        TokenForm form = model.kloudless().newTokenForm();
        form.nameProperty().set("Work");
        form.tokenProperty().set(TOKEN);

        form.add();

        AccountRow row = only(model.accounts());
        assertEquals("Work", row.name());
        assertEquals("Kloudless", row.providerLabel());
        assertEquals(ANN, row.detail());
        assertEquals(fake.baseUrl(), row.location());
        assertEquals("Kloudless · " + ANN + " · " + fake.baseUrl(), row.whereText());
        assertTrue(row.reachable());
        assertFalse(row.needsRelink());
        assertEquals(row, model.selectedProperty().get());
        assertTrue(form.doneProperty().get());
        assertFalse(form.workingProperty().get());
        assertEquals("", form.errorProperty().get());
        assertEquals("", form.tokenProperty().get());
        assertEquals("Added Work (" + ANN + "). Grant it to phones on the Access screen.", lastInfo());
        KloudlessCredentials stored = KloudlessCredentials.fromJson(
                services.app().accounts().credentials(row.id()).orElseThrow());
        assertEquals("acc-ann", stored.accountId());
        assertEquals(TOKEN, stored.accessToken());
    }

    @Test
    void tokenFormStartsWithSettingsBaseUrl() throws IOException {
        start(false);

        TokenForm form = model.kloudless().newTokenForm();

        assertEquals(fake.baseUrl(), form.baseUrlProperty().get());
        assertEquals("", form.baseUrlProblemProperty().get());
        assertFalse(form.canAddProperty().get());
    }

    @Test
    void emptyNameTakesDetail() throws IOException {
        start(false);
        TokenForm form = model.kloudless().newTokenForm();
        form.tokenProperty().set(TOKEN);
        form.baseUrlProperty().set(fake.baseUrl() + "/");

        form.add();

        AccountRow row = only(model.accounts());
        assertEquals(ANN, row.name());
        assertEquals(fake.baseUrl(), row.location());
        assertEquals("Added " + ANN + ". Grant it to phones on the Access screen.", lastInfo());
    }

    @Test
    void rejectedTokenShowsReason() throws IOException {
        start(false);
        TokenForm form = tokenForm("tok-unknown");

        form.add();

        String error = form.errorProperty().get();
        assertTrue(error.startsWith("Kloudless at " + fake.baseUrl() + " did not accept the token: the token or code "
                + "was rejected (Kloudless error 401 (invalid_token), request req-"), error);
        assertTrue(error.endsWith(")."), error);
        assertEquals(List.of(error), status.errors);
        assertFalse(form.doneProperty().get());
        assertFalse(form.workingProperty().get());
        assertEquals("tok-unknown", form.tokenProperty().get());
        assertEquals(List.of(), services.app().accounts().list());
    }

    @Test
    void unknownAccountIdShowsReason() throws IOException {
        start(false);
        TokenForm form = tokenForm(TOKEN);
        form.accountIdProperty().set("acc-other");

        form.add();

        assertTrue(form.errorProperty().get().startsWith("Kloudless at " + fake.baseUrl() + " did not accept the token: "
                + "the account was not found (Kloudless error 404 (not_found), request req-"), form.errorProperty().get());
        assertEquals(List.of(), services.app().accounts().list());
    }

    @Test
    void tokenForTwoAccountsAsksForId() throws IOException {
        start(false);
        fake.addAccount("acc-bob", "box", "bob@example.com", "tok-bob");
        fake.addToken(TOKEN, "acc-bob");
        TokenForm form = tokenForm(TOKEN);

        form.add();
        String ambiguous = form.errorProperty().get();
        form.accountIdProperty().set("acc-bob");
        form.add();

        assertEquals("The token reaches 2 Kloudless accounts (acc-ann, acc-bob): enter the ID of the one to add under "
                + "Account ID.", ambiguous);
        assertEquals("Box (bob@example.com)", only(model.accounts()).detail());
        assertTrue(form.doneProperty().get());
    }

    @Test
    void unreachableServerShowsReason() throws IOException {
        start(false);
        String closed = "http://127.0.0.1:" + freePort();
        TokenForm form = tokenForm(TOKEN);
        form.baseUrlProperty().set(closed);

        form.add();

        assertEquals("Could not check the token with Kloudless at " + closed + ": Kloudless cannot be reached. Check "
                + "the base URL, or try again later.", form.errorProperty().get());
        assertEquals(List.of(), services.app().accounts().list());
    }

    @Test
    void serverErrorShowsReason() throws IOException {
        start(false);
        fake.fail(10, 503);
        TokenForm form = tokenForm(TOKEN);

        form.add();

        assertTrue(form.errorProperty().get().startsWith("Could not check the token with Kloudless at " + fake.baseUrl()
                + ": Kloudless error 503 (service_unavailable)"), form.errorProperty().get());
        assertTrue(form.errorProperty().get().endsWith(" Check the base URL, or try again later."),
                form.errorProperty().get());
        assertEquals(List.of(), services.app().accounts().list());
    }

    @Test
    void nameTakenByDetailShowsReason() throws IOException {
        start(false);
        Path folder = Files.createDirectories(directory.resolve("Dropbox"));
        services.app().accounts().add(ANN, StorageAccount.LOCAL, folder.toString(), null, "test");
        model.refresh();
        TokenForm form = tokenForm(TOKEN);

        form.add();

        assertEquals("An account named '" + ANN + "' already exists: choose another name.", form.errorProperty().get());
        assertEquals(1, services.app().accounts().list().size());
    }

    @Test
    void takenNameRejectedAsTyped() throws IOException {
        start(false);
        Path folder = Files.createDirectories(directory.resolve("Work"));
        services.app().accounts().add("Work", StorageAccount.LOCAL, folder.toString(), null, "test");
        model.refresh();
        TokenForm form = tokenForm(TOKEN);

        form.nameProperty().set("work");

        assertEquals("An account named 'Work' already exists: choose another name.", form.nameProblemProperty().get());
        assertFalse(form.canAddProperty().get());
    }

    @Test
    void invalidBaseUrlRejectedAsTyped() throws IOException {
        start(false);
        TokenForm form = tokenForm(TOKEN);

        form.baseUrlProperty().set("api.kloudless.com");
        String relative = form.baseUrlProblemProperty().get();
        boolean canAddRelative = form.canAddProperty().get();
        form.baseUrlProperty().set(" ");
        String empty = form.baseUrlProblemProperty().get();

        assertEquals("'api.kloudless.com' is not an http:// or https:// URL: enter one such as https://api.kloudless.com.",
                relative);
        assertFalse(canAddRelative);
        assertEquals("Enter the Kloudless API base URL, such as https://api.kloudless.com.", empty);
        assertFalse(form.canAddProperty().get());
    }

    @Test
    void editClearsError() throws IOException {
        start(false);
        TokenForm form = tokenForm("tok-unknown");
        form.add();

        form.tokenProperty().set(TOKEN);

        assertEquals("", form.errorProperty().get());
    }

    @Test
    void tokenNeverInStatusMessages() throws IOException {
        start(false);
        tokenForm("tok-unknown").add();
        tokenForm(TOKEN).add();

        List<String> messages = new ArrayList<>(status.infos);
        messages.addAll(status.errors);
        assertEquals(2, messages.size());
        assertEquals(List.of(), messages.stream().filter(message -> message.contains("tok-")).toList());
    }

    @Test
    void oauthLinksAccount() throws IOException {
        start(true);

        model.kloudless().link();
        deliverEvents();

        AccountRow row = only(model.accounts());
        assertEquals(ANN, row.name());
        assertEquals(ANN, row.detail());
        assertEquals("Kloudless · " + fake.baseUrl(), row.whereText());
        assertEquals(StorageAccount.KLOUDLESS, row.provider());
        assertEquals(row, model.selectedProperty().get());
        assertFalse(model.kloudless().waitingProperty().get());
        assertEquals(List.of("Opened the Kloudless sign-in page in your browser; the link is also copied.", "Linked " + ANN), status.infos);
        assertEquals(List.of(), status.errors);
        assertEquals(1, browser.opened().size());
        assertTrue(browser.opened().get(0).startsWith(fake.baseUrl() + "/v1/oauth?client_id=" + APP_ID + "&"),
                browser.opened().get(0));
        assertEquals(200, browser.pages().get(0).statusCode());
    }

    @Test
    void waitingUntilCancelled() throws IOException {
        start(true);
        List<String> opened = new ArrayList<>();
        model = new AccountsViewModel(services, Background.direct(), status, (question, action) -> true, opened::add);

        model.kloudless().link();
        boolean waiting = model.kloudless().waitingProperty().get();
        String text = model.kloudless().waitingTextProperty().get();
        String url = model.kloudless().authorizationUrlProperty().get();
        model.kloudless().openAgain();
        model.kloudless().cancel();

        assertTrue(waiting);
        assertEquals("Sign in and allow TextDrive access; the account appears here when you finish. The sign-in page "
                + "works for 10 minutes.", text);
        assertEquals(List.of(url, url), opened);
        assertFalse(model.kloudless().waitingProperty().get());
        assertEquals("Stopped waiting for the Kloudless sign-in.", lastInfo());
        assertEquals(List.of(), services.app().accounts().list());
    }

    @Test
    void restartEndsWait() throws IOException {
        start(true);
        List<String> opened = new ArrayList<>();
        model = new AccountsViewModel(services, Background.direct(), status, (question, action) -> true, opened::add);
        model.kloudless().link();
        services.restart(services.config());

        model.kloudless().serverRestarted();

        assertEquals(1, opened.size());
        assertFalse(model.kloudless().waitingProperty().get());
        assertEquals("The server restarted, so the Kloudless sign-in must start again.", lastInfo());
    }

    @Test
    void missingAppIdSaysWhereToSetIt() throws IOException {
        start(false);

        model.kloudless().link();

        assertTrue(model.kloudless().setupNeededProperty().get());
        assertFalse(model.kloudless().waitingProperty().get());
        assertEquals(List.of("Linking in the browser needs the Kloudless app ID and API key: set them in Settings, "
                + "or add the account with a token."), status.errors);
        assertEquals(List.of(), browser.opened());
    }

    @Test
    void rejectedTokenShowsRelinkMark() throws Exception {
        start(true);
        AccountRow row = addByToken("Work");
        services.app().phones().add(PHONE, "Alice", true, "test");
        services.app().accounts().grant(PHONE, "Work", "test");
        fake.rejectToken(TOKEN);

        SimulatedWebhook.Result reply = webhook().send(PHONE, "cd 1");
        model.refresh();

        AccountRow marked = only(model.accounts());
        assertEquals(200, reply.status());
        assertTrue(reply.reply().contains("Work"), reply.reply());
        assertEquals(row.id(), marked.id());
        assertTrue(marked.needsRelink());
        assertFalse(marked.reachable());
    }

    @Test
    void browserRelinkClearsMark() throws IOException {
        start(true);
        model.kloudless().link();
        deliverEvents();
        AccountRow linked = only(model.accounts());
        services.app().accounts().markNeedsRelink(linked.id());
        model.refresh();
        AccountRow marked = only(model.accounts());
        AtomicReference<TokenForm> asked = new AtomicReference<>();

        model.kloudless().relink(marked, asked::set);
        String text = model.kloudless().waitingTextProperty().get();
        deliverEvents();

        AccountRow relinked = only(model.accounts());
        assertTrue(marked.needsRelink());
        assertNull(asked.get());
        assertEquals("Sign in as " + ANN + " and allow TextDrive access; " + ANN + " is linked again when you finish. "
                + "The sign-in page works for 10 minutes.", text);
        assertEquals(linked.id(), relinked.id());
        assertFalse(relinked.needsRelink());
        assertTrue(relinked.reachable());
        assertEquals("Linked " + ANN, lastInfo());
    }

    @Test
    void tokenRelinkClearsMark() throws IOException {
        start(false);
        AccountRow row = addByToken("Work");
        services.app().accounts().markNeedsRelink(row.id());
        model.refresh();
        fake.addToken("tok-ann-new", "acc-ann");
        AtomicReference<TokenForm> asked = new AtomicReference<>();

        model.kloudless().relink(only(model.accounts()), asked::set);
        TokenForm form = asked.get();
        form.tokenProperty().set("tok-ann-new");
        form.add();

        assertNotNull(form);
        assertEquals("Work", form.nameProperty().get());
        assertEquals("acc-ann", form.accountIdProperty().get());
        assertEquals(fake.baseUrl(), form.baseUrlProperty().get());
        AccountRow relinked = only(model.accounts());
        assertEquals(row.id(), relinked.id());
        assertFalse(relinked.needsRelink());
        assertEquals("tok-ann-new", KloudlessCredentials.fromJson(
                services.app().accounts().credentials(row.id()).orElseThrow()).accessToken());
        assertEquals("Linked Work (" + ANN + ") again; texters can open it from their next command.", lastInfo());
    }

    @Test
    void relinkElsewhereNeedsToken() throws IOException {
        start(true);
        String elsewhere = "https://kloudless.example.test";
        AccountRow row = new AccountRow(7, "Work", StorageAccount.KLOUDLESS, elsewhere, ANN, List.of(), false, true);
        AccountRow here = new AccountRow(8, "Home", StorageAccount.KLOUDLESS, fake.baseUrl(), ANN, List.of(), false, true);

        assertFalse(model.kloudless().relinksInBrowser(row));
        assertTrue(model.kloudless().relinksInBrowser(here));
    }

    private TokenForm tokenForm(String token) {
        TokenForm form = model.kloudless().newTokenForm();
        form.nameProperty().set("");
        form.tokenProperty().set(token);
        return form;
    }

    private AccountRow addByToken(String name) {
        TokenForm form = tokenForm(TOKEN);
        form.nameProperty().set(name);
        form.add();
        return model.accounts().stream().filter(row -> row.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No account " + name + "; errors: " + status.errors));
    }

    /** Hands the events published so far to the model, as the screen does on the UI thread. */
    private void deliverEvents() {
        List<ActivityEvent> batch = new ArrayList<>();
        events.drainTo(batch);
        batch.forEach(model.kloudless()::linked);
        model.activity(batch);
    }

    private SimulatedWebhook webhook() {
        return new SimulatedWebhook(services.app().server().localUrl() + "/sms", services.config().webhookUrl(),
                services.app().signature(), SimulatedWebhook.SIMULATOR_ACCOUNT_SID, SimulatedWebhook.SIMULATOR_NUMBER);
    }

    private String lastInfo() {
        assertFalse(status.infos.isEmpty(), "errors: " + status.errors);
        return status.infos.get(status.infos.size() - 1);
    }

    private static AccountRow only(List<AccountRow> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
