package dev.textdrive.cli;

import dev.textdrive.app.TextDrive;
import dev.textdrive.storage.AccountNames;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.local.LocalFolders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code account add-local|list|remove}: the storage accounts texters can browse. */
@Command(name = "account", description = "Add, list and remove storage accounts.", mixinStandardHelpOptions = true)
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
                boolean reachable = LocalFolders.reachable(account.location());
                spec.commandLine().getOut().printf("%-20s  %-6s  %s%s  %s%n", account.name(), account.provider(),
                        account.location(), reachable ? "" : " (not reachable)",
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
}
