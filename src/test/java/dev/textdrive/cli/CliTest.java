package dev.textdrive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.store.Database;
import dev.textdrive.store.Sql;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin command line against a real SQLite file, with a configuration file in a temporary folder. */
class CliTest {

    private static final String PHONE = "+447700123456";
    private static final String PHONE_INTERNATIONAL = "+44 7700 123456";

    @TempDir
    Path directory;

    private Path config;
    private Path database;
    private Path photos;

    @BeforeEach
    void writeConfig() throws IOException {
        database = directory.resolve("textdrive.db");
        config = Files.writeString(directory.resolve("config.yml"), "server:\n  port: 0\ndatabase:\n  path: "
                + database + "\nsms:\n  default_region: GB\n");
        photos = Files.createDirectories(directory.resolve("photos"));
    }

    @Test
    void phoneAddListsVerifiedWithLabel() {
        Result added = cli("phone", "add", PHONE, "--label", "Ann", "--verified");
        Result listed = cli("phone", "list");

        assertEquals(0, added.exitCode(), added.err());
        assertEquals("Added " + PHONE_INTERNATIONAL + " (verified).\n", added.out());
        assertEquals(0, listed.exitCode(), listed.err());
        List<String> columns = columns(listed.out());
        assertEquals(List.of(PHONE, "verified", "Ann", "(no accounts)"), columns);
    }

    @Test
    void phoneAddNationalNumberStoresE164() {
        Result added = cli("phone", "add", "07700 123456");
        Result listed = cli("phone", "list");

        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().startsWith("Added " + PHONE_INTERNATIONAL + " (pending)."), added.out());
        assertEquals(PHONE, columns(listed.out()).get(0));
        assertEquals("pending", columns(listed.out()).get(1));
    }

    @Test
    void phoneAddInvalidNumberExitsTwo() {
        Result result = cli("phone", "add", "12");

        assertEquals(2, result.exitCode());
        assertEquals("Error: '12' is not a valid phone number: use the international form, such as +447400123456.\n",
                result.err());
        assertEquals("No phones yet: add one with 'phone add E164'.\n", cli("phone", "list").out());
    }

    @Test
    void phoneAddTwiceExitsTwo() {
        cli("phone", "add", PHONE);

        Result again = cli("phone", "add", PHONE);

        assertEquals(2, again.exitCode());
        assertEquals("Error: Phone " + PHONE + " is already added.\n", again.err());
        assertEquals("pending", columns(cli("phone", "list").out()).get(1));
    }

    @Test
    void phoneAddVerifiedVouchesForPending() {
        cli("phone", "add", PHONE);

        Result vouched = cli("phone", "add", PHONE, "--verified");

        assertEquals(0, vouched.exitCode(), vouched.err());
        assertEquals("verified", columns(cli("phone", "list").out()).get(1));
    }

    @Test
    void accountAddLocalThenList() throws IOException {
        Result added = cli("account", "add-local", "Photos", photos.toString());
        Result listed = cli("account", "list");

        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().startsWith("Added account 'Photos' for folder " + photos.toRealPath() + "."), added.out());
        assertEquals(0, listed.exitCode(), listed.err());
        assertEquals(List.of("Photos", "local", photos.toRealPath().toString(), "(no", "phones)"),
                List.of(listed.out().strip().split("\\s+")));
    }

    @Test
    void addLocalMissingFolderExitsTwo() {
        Path missing = directory.resolve("no-such-folder");

        Result result = cli("account", "add-local", "Photos", missing.toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains(missing.toString()), result.err());
        assertTrue(result.err().contains("does not exist"), result.err());
        assertEquals("No accounts yet: add one with 'account add-local NAME DIR'.\n", cli("account", "list").out());
    }

    @Test
    void addLocalFileInsteadOfFolderExitsTwo() throws IOException {
        Path file = Files.writeString(directory.resolve("notes.txt"), "hello");

        Result result = cli("account", "add-local", "Notes", file.toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("is not a folder"), result.err());
    }

    @Test
    void addLocalSameNameTwiceExitsTwo() {
        cli("account", "add-local", "Photos", photos.toString());

        Result again = cli("account", "add-local", "photos", photos.toString());

        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                                        | The account name is empty
            "   "                                     | The account name is empty
            12345678901234567890123456789012345678901 | is 41 characters long: use at most 40
            """)
    void invalidAccountNameExitsTwo(String name, String message) {
        Result result = cli("account", "add-local", name, photos.toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains(message), result.err());
        assertEquals("No accounts yet: add one with 'account add-local NAME DIR'.\n", cli("account", "list").out());
    }

    @Test
    void fortyCharacterNameAccepted() {
        String name = "1234567890123456789012345678901234567890";

        Result result = cli("account", "add-local", name, photos.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(cli("account", "list").out().startsWith(name + "  "));
    }

    @Test
    void grantAndRevokeChangePhoneList() {
        cli("phone", "add", PHONE, "--label", "Ann", "--verified");
        cli("account", "add-local", "Photos", photos.toString());

        Result granted = cli("grant", PHONE, "Photos");
        String afterGrant = cli("phone", "list").out();
        Result revoked = cli("revoke", PHONE, "Photos");
        String afterRevoke = cli("phone", "list").out();

        assertEquals(0, granted.exitCode(), granted.err());
        assertEquals(PHONE_INTERNATIONAL + " can now use 'Photos'.\n", granted.out());
        assertEquals(List.of(PHONE, "verified", "Ann", "Photos"), columns(afterGrant));
        assertEquals(0, revoked.exitCode(), revoked.err());
        assertEquals(PHONE_INTERNATIONAL + " can no longer use 'Photos'.\n", revoked.out());
        assertEquals(List.of(PHONE, "verified", "Ann", "(no accounts)"), columns(afterRevoke));
    }

    @Test
    void grantUnknownAccountExitsTwo() {
        cli("phone", "add", PHONE, "--verified");

        Result result = cli("grant", PHONE, "Nope");

        assertEquals(2, result.exitCode());
        assertEquals("Error: No account named 'Nope': see the names with 'account list'.\n", result.err());
    }

    @Test
    void accountRemoveReportsPhones() {
        cli("phone", "add", PHONE, "--verified");
        cli("account", "add-local", "Photos", photos.toString());
        cli("grant", PHONE, "Photos");

        Result removed = cli("account", "remove", "Photos");

        assertEquals(0, removed.exitCode(), removed.err());
        assertEquals("Removed account 'Photos'. These phones lost access: " + PHONE + ".\n", removed.out());
        assertEquals("(no accounts)", columns(cli("phone", "list").out()).get(2));
        assertEquals(2, cli("account", "remove", "Photos").exitCode());
    }

    @Test
    void phoneRemoveDeletesPhone() {
        cli("phone", "add", PHONE, "--verified");

        Result removed = cli("phone", "remove", "07700 123456");
        Result again = cli("phone", "remove", PHONE);

        assertEquals(0, removed.exitCode(), removed.err());
        assertEquals("Removed " + PHONE_INTERNATIONAL + ".\n", removed.out());
        assertEquals("No phones yet: add one with 'phone add E164'.\n", cli("phone", "list").out());
        assertEquals(2, again.exitCode());
        assertEquals("Error: No phone " + PHONE + ": see the phones with 'phone list'.\n", again.err());
    }

    @Test
    void auditLogRecordsOperatorActions() {
        cli("phone", "add", PHONE, "--verified");
        cli("account", "add-local", "Photos", photos.toString());
        cli("grant", PHONE, "Photos");
        cli("revoke", PHONE, "Photos");
        cli("grant", PHONE, "Photos");
        cli("account", "remove", "Photos");
        cli("phone", "remove", PHONE);

        List<String> rows;
        try (Database opened = Database.open(database)) {
            rows = opened.read(connection -> Sql.list(connection,
                    "SELECT actor || ' ' || action || ' ' || subject FROM audit_log ORDER BY id", row -> row.getString(1)));
        }

        assertEquals(List.of(
                "cli phone.add " + PHONE,
                "cli phone.verify " + PHONE,
                "cli account.add Photos",
                "cli grant " + PHONE,
                "cli revoke " + PHONE,
                "cli grant " + PHONE,
                "cli account.remove Photos",
                "cli phone.remove " + PHONE), rows);
    }

    @Test
    void versionPrintsName() {
        Result result = run("--version");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("TextDrive "), result.out());
    }

    @Test
    void noSubcommandWithoutDisplayExplains() {
        // Surefire runs with java.awt.headless=true, so the desktop app must not try to open.
        Result result = cli();

        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("No display found"), result.err());
        assertTrue(result.err().contains("Usage: textdrive"), result.err());
        assertTrue(result.err().contains("simulate"), result.err());
    }

    @Test
    void missingArgumentExitsTwo() {
        Result result = cli("grant", PHONE);

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Missing required parameter: 'NAME'"), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone list", "phone add +447700123456", "account list", "grant +447700123456 Photos",
            "revoke +447700123456 Photos", "simulate ls", "serve"})
    void unknownConfigKeyExitsTwo(String command) throws IOException {
        Files.writeString(config, "server:\n  prot: 8080\ndatabase:\n  path: " + database + "\n");

        Result result = cli(command.split(" "));

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("Error: Unknown key 'server.prot' in " + config), result.err());
        assertFalse(Files.exists(database));
    }

    @Test
    void missingConfigFileExitsTwo() {
        Path absent = directory.resolve("absent.yml");

        Result result = run("--config", absent.toString(), "phone", "list");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("Error: Configuration file " + absent + " does not exist"), result.err());
    }

    @Test
    void simulateLsPrintsAccounts() throws Exception {
        Path serverDirectory = Files.createDirectories(directory.resolve("server"));
        try (TestServer server = TestServer.start(serverDirectory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            server.phoneWithFolder("+14155550123", "Photos");
            Path clientConfig = Files.writeString(directory.resolve("client.yml"), "server:\n  port: "
                    + server.app().server().port() + "\n  public_url: " + TestServer.PUBLIC_URL
                    + "\ndatabase:\n  path: " + serverDirectory.resolve("textdrive.db") + "\nsms:\n  default_region: US\n");

            Result result = run("--config", clientConfig.toString(), "simulate", "--from", "+14155550123", "ls");

            assertEquals(0, result.exitCode(), result.err());
            assertEquals("Your accounts:\n1 Photos\n", result.out());
        }
    }

    @Test
    void simulateUnregisteredGetsNotice() throws Exception {
        Path serverDirectory = Files.createDirectories(directory.resolve("server"));
        try (TestServer server = TestServer.start(serverDirectory, MutableClock.at("2026-12-04T12:00:00Z"))) {
            Path clientConfig = Files.writeString(directory.resolve("client.yml"), "server:\n  port: "
                    + server.app().server().port() + "\n  public_url: " + TestServer.PUBLIC_URL
                    + "\ndatabase:\n  path: " + serverDirectory.resolve("textdrive.db") + "\n");

            Result result = run("--config", clientConfig.toString(), "simulate", "--from", "+14155550123", "ls");

            assertEquals(0, result.exitCode(), result.err());
            assertEquals("This number is not registered with TextDrive. Ask the operator for access.\n", result.out());
        }
    }

    /** Runs the command line with the test's configuration file. */
    private Result cli(String... args) {
        String[] withConfig = new String[args.length + 2];
        withConfig[0] = "--config";
        withConfig[1] = config.toString();
        System.arraycopy(args, 0, withConfig, 2, args.length);
        return run(withConfig);
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = TextDriveCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Returns the columns of the single row that {@code phone list} printed, split on runs of two spaces. */
    private static List<String> columns(String phoneList) {
        List<String> lines = phoneList.lines().toList();
        assertEquals(1, lines.size(), phoneList);
        return List.of(lines.get(0).strip().split("\\s{2,}"));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
