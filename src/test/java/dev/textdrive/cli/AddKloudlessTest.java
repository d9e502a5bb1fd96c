package dev.textdrive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.storage.kloudless.KloudlessCredentials;
import dev.textdrive.store.Database;
import dev.textdrive.store.Sql;
import dev.textdrive.testing.FakeKloudless;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code account add-kloudless} against a fake Kloudless server and a real SQLite file. */
class AddKloudlessTest {

    private static final String TOKEN = "tok-cli-5e6f7a8b9c";
    private static final String NO_ACCOUNTS = "No accounts yet: add one with 'account add-local NAME DIR'.\n";

    @TempDir
    Path directory;

    private Path config;
    private Path database;
    private FakeKloudless fake;

    @BeforeEach
    void start() throws Exception {
        database = directory.resolve("textdrive.db");
        config = Files.writeString(directory.resolve("config.yml"), "server:\n  port: 0\ndatabase:\n  path: "
                + database + "\nsms:\n  default_region: US\n");
        fake = new FakeKloudless();
        fake.addAccount("acc-ann", "dropbox", "ann@example.com", TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    @Test
    void addPrintsDetail() {
        Result added = cli("account", "add-kloudless", "Work", "--token", TOKEN, "--account-id", "acc-ann",
                "--base-url", fake.baseUrl());
        Result listed = cli("account", "list");

        assertEquals(0, added.exitCode(), added.err());
        assertEquals("Added account 'Work' (Dropbox (ann@example.com)) at " + fake.baseUrl()
                + ". Let a phone use it with: grant E164 'Work'\n", added.out());
        assertEquals("", added.err());
        assertEquals(List.of("Work", "kloudless", "Dropbox (ann@example.com) at " + fake.baseUrl(), "(no phones)"),
                List.of(listed.out().strip().split("\\s{2,}")));
        assertFalse(listed.out().contains(TOKEN), listed.out());
    }

    @Test
    void addWithoutAccountIdUsesOnlyAccount() {
        Result added = cli("account", "add-kloudless", "Work", "--token", TOKEN, "--base-url", fake.baseUrl() + "/");

        assertEquals(0, added.exitCode(), added.err());
        KloudlessCredentials credentials = KloudlessCredentials.fromJson(storedCredentials().get(0));
        assertEquals("acc-ann", credentials.accountId());
        assertEquals(TOKEN, credentials.accessToken());
        assertEquals(fake.baseUrl(), credentials.baseUrl());
    }

    @Test
    void tokenForTwoAccountsNeedsAccountId() {
        fake.addAccount("acc-bob", "box", "bob@example.com", "tok-bob");
        fake.addToken(TOKEN, "acc-bob");

        Result ambiguous = cli("account", "add-kloudless", "Work", "--token", TOKEN, "--base-url", fake.baseUrl());
        Result chosen = cli("account", "add-kloudless", "Work", "--token", TOKEN, "--account-id", "acc-bob",
                "--base-url", fake.baseUrl());

        assertEquals(2, ambiguous.exitCode());
        assertEquals("Error: The token reaches 2 accounts: give the one to add with --account-id.\n", ambiguous.err());
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertTrue(chosen.out().startsWith("Added account 'Work' (Box (bob@example.com))"), chosen.out());
        assertEquals(1, storedCredentials().size());
    }

    @Test
    void baseUrlDefaultsToConfig() throws IOException {
        Files.writeString(config, "kloudless:\n  base_url: " + fake.baseUrl() + "\n", StandardOpenOption.APPEND);

        Result added = cli("account", "add-kloudless", "Work", "--token", TOKEN);

        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().startsWith("Added account 'Work' (Dropbox (ann@example.com)) at " + fake.baseUrl() + "."),
                added.out());
    }

    @Test
    void tokenReadFromStandardInput() {
        InputStream original = System.in;
        Result added;
        try {
            System.setIn(new ByteArrayInputStream((TOKEN + "\n").getBytes(StandardCharsets.UTF_8)));
            added = cli("account", "add-kloudless", "Work", "--token", "-", "--base-url", fake.baseUrl());
        } finally {
            System.setIn(original);
        }

        assertEquals(0, added.exitCode(), added.err());
        assertEquals(TOKEN, KloudlessCredentials.fromJson(storedCredentials().get(0)).accessToken());
    }

    @Test
    void badTokenExitsTwo() {
        Result result = cli("account", "add-kloudless", "Work", "--token", "tok-wrong-1234", "--base-url", fake.baseUrl());

        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("Error: Kloudless at " + fake.baseUrl() + " did not accept the token: "
                + "the token or code was rejected (Kloudless error 401 (invalid_token)"), result.err());
        assertFalse(result.err().contains("tok-wrong-1234"), result.err());
        assertEquals(NO_ACCOUNTS, cli("account", "list").out());
    }

    @Test
    void unknownAccountIdExitsTwo() {
        Result result = cli("account", "add-kloudless", "Work", "--token", TOKEN, "--account-id", "acc-nobody",
                "--base-url", fake.baseUrl());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("Error: Kloudless at " + fake.baseUrl() + " did not accept the token: "
                + "the account was not found (Kloudless error 404 (not_found)"), result.err());
        assertEquals(NO_ACCOUNTS, cli("account", "list").out());
    }

    @Test
    void unreachableServerExitsTwo() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        Result result = cli("account", "add-kloudless", "Work", "--token", TOKEN, "--base-url", closed);

        assertEquals(2, result.exitCode());
        assertEquals("Error: Could not check the token with Kloudless at " + closed + ": Kloudless cannot be reached. "
                + "Check the base URL, or try again later.\n", result.err());
        assertEquals(NO_ACCOUNTS, cli("account", "list").out());
    }

    @Test
    void serverErrorExitsTwo() {
        fake.fail(1, 503);

        Result result = cli("account", "add-kloudless", "Work", "--token", TOKEN, "--base-url", fake.baseUrl());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("Error: Could not check the token with Kloudless at " + fake.baseUrl()
                + ": Kloudless error 503 (service_unavailable), request req-"), result.err());
        assertTrue(result.err().endsWith(". Check the base URL, or try again later.\n"), result.err());
        assertEquals(NO_ACCOUNTS, cli("account", "list").out());
    }

    @Test
    void invalidBaseUrlExitsTwo() {
        Result result = cli("account", "add-kloudless", "Work", "--token", TOKEN, "--base-url", "ftp://example.test");

        assertEquals(2, result.exitCode());
        assertEquals("Error: Invalid --base-url 'ftp://example.test': expected an http:// or https:// URL such as "
                + "https://api.kloudless.com.\n", result.err());
        assertEquals(0, fake.apiRequests());
    }

    @Test
    void takenNameExitsTwo() throws IOException {
        Path photos = Files.createDirectories(directory.resolve("photos"));
        cli("account", "add-local", "Work", photos.toString());

        Result result = cli("account", "add-kloudless", "work", "--token", TOKEN, "--base-url", fake.baseUrl());

        assertEquals(2, result.exitCode());
        assertEquals("Error: An account named 'work' already exists: choose another name.\n", result.err());
        assertEquals(1, storedCredentials().size());
    }

    @Test
    void tokenNeverPrinted() {
        List<Result> results = List.of(
                cli("account", "add-kloudless", "Work", "--token", TOKEN, "--base-url", fake.baseUrl()),
                cli("account", "add-kloudless", "Work", "--token", TOKEN, "--base-url", fake.baseUrl()),
                cli("account", "list"));

        for (Result result : results) {
            assertFalse(result.out().contains(TOKEN), result.out());
            assertFalse(result.err().contains(TOKEN), result.err());
        }
    }

    /** Returns the credentials column of every account, null for accounts without credentials. */
    private List<String> storedCredentials() {
        try (Database opened = Database.open(database)) {
            return opened.read(connection -> Sql.list(connection, "SELECT credentials FROM storage_accounts ORDER BY id",
                    row -> row.getString(1)));
        }
    }

    private Result cli(String... args) {
        String[] withConfig = new String[args.length + 2];
        withConfig[0] = "--config";
        withConfig[1] = config.toString();
        System.arraycopy(args, 0, withConfig, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = TextDriveCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), withConfig);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
