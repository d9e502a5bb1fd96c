package dev.textdrive.cli;

import dev.textdrive.app.TextDrive;
import dev.textdrive.storage.AccountNames;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.local.LocalFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.textdrive.storage.kloudless.LinkingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code account add-local|list|remove}: the storage accounts texters can browse. */
@Command(name = "account", description = "Add, list and remove storage accounts (local folders, Kloudless).")
final class AccountCommand {

    @ParentCommand
    TextDriveCommand parent;

    @Spec
    CommandSpec spec;

    @Command(name = "add-local", description = "Add a folder on this machine as an account.")
    int addLocal(@Parameters(paramLabel = "NAME", description = "The name texters see, such as Photos.") String name,
                 @Parameters(paramLabel = "DIR", description = "The folder to share.") Path directory) {
        String checkedName = AccountNames.check(name);
        Path folder = LocalFolders.check(directory.toString());
        try (TextDrive app = parent.openApp()) {
            StorageAccount account = app.accounts().add(checkedName, StorageAccount.LOCAL, folder.toString(), null, "cli");
            spec.commandLine().getOut().println("Added account '" + account.name() + "' for folder " + folder
                    + ". Let a phone use it with: grant E164 '" + account.name() + "'");
            return 0;
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Command(name = "add-kloudless", description = "Add a Kloudless account with an access token, checked against the API first.")
    int addKloudless(@Parameters(paramLabel = "NAME", description = "The name texters see, such as Dropbox.") String name,
                     @Option(names = "--token", required = true, paramLabel = "TOKEN",
                             description = "The account's Bearer access token; - reads it from standard input, "
                                     + "which keeps it out of the shell history.") String token,
                     @Option(names = "--account-id", paramLabel = "ID",
                             description = "The Kloudless account id (default: the only account the token reaches).")
                     String accountId,
                     @Option(names = "--base-url", paramLabel = "URL",
                             description = "The Kloudless API base URL (default: kloudless.base_url, "
                                     + "https://api.kloudless.com unless set).") String baseUrl) throws IOException {
        String checkedName = AccountNames.check(name);
        String secret = token.equals("-") ? readLine() : token.strip();
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("The token is empty: pass it with --token, or --token - to read it from standard input.");
        }
        try (TextDrive app = parent.openApp()) {
            String base = baseUrl == null ? app.config().kloudless().baseUrl() : checkBaseUrl(baseUrl);
            StorageAccount account = app.kloudless().addWithToken(checkedName, secret,
                    Optional.ofNullable(accountId).map(String::strip).filter(id -> !id.isEmpty()), base, "cli");
            spec.commandLine().getOut().println("Added account '" + account.name() + "' (" + account.detail() + ") at "
                    + base + ". Let a phone use it with: grant E164 '" + account.name() + "'");
            return 0;
        } catch (LinkingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Command(name = "list", description = "List the accounts with their provider, location and phones.")
    int list() {
        try (TextDrive app = parent.openApp()) {
            List<StorageAccount> accounts = app.accounts().list();
            if (accounts.isEmpty()) {
                spec.commandLine().getOut().println("No accounts yet: add one with 'account add-local NAME DIR'.");
                return 0;
            }
            for (StorageAccount account : accounts) {
                List<String> phones = app.accounts().phonesOf(account.id());
                String state = account.provider().equals(StorageAccount.LOCAL)
                        ? (LocalFolders.reachable(account.location()) ? "" : " (not reachable)")
                        : (account.needsRelink() ? " (must be linked again)" : "");
                String location = account.detail().isEmpty() ? account.location() : account.detail() + " at " + account.location();
                spec.commandLine().getOut().printf("%-20s  %-9s  %s%s  %s%n", account.name(), account.provider(),
                        location, state,
                        phones.isEmpty() ? "(no phones)" : String.join(", ", phones));
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove an account; the phones it was granted to lose access.")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        try (TextDrive app = parent.openApp()) {
            Optional<List<String>> phones = app.accounts().remove(name, "cli");
            if (phones.isEmpty()) {
                throw new IllegalArgumentException("No account named '" + name + "': see the names with 'account list'.");
            }
            spec.commandLine().getOut().println("Removed account '" + name + "'."
                    + (phones.get().isEmpty() ? "" : " These phones lost access: " + String.join(", ", phones.get()) + "."));
            return 0;
        }
    }

    private static String readLine() throws IOException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? "" : line.strip();
    }

    private static String checkBaseUrl(String url) {
        String value = url.strip();
        if (!(value.startsWith("https://") || value.startsWith("http://")) || URI.create(value).getHost() == null) {
            throw new IllegalArgumentException("Invalid --base-url '" + url + "': expected an http:// or https:// URL "
                    + "such as https://api.kloudless.com.");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
