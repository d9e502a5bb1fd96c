package dev.textdrive.cli;

import dev.textdrive.app.TextDrive;
import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.storage.StorageAccount;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phone add|list|remove}: the phones that may text TextDrive. */
@Command(name = "phone", description = "Add, list and remove phones.", mixinStandardHelpOptions = true)
final class PhoneCommand {

    @ParentCommand
    TextDriveCommand parent;

    @Spec
    CommandSpec spec;

    @Command(name = "add", description = "Add a phone number (international form, or national in sms.default_region).")
    int add(@Parameters(paramLabel = "E164", description = "The number, such as +447700900123.") String number,
            @Option(names = "--label", paramLabel = "TEXT", description = "A name for the phone.") String label,
            @Option(names = "--verified", description = "Record that you vouch for the number, so it can use "
                    + "TextDrive without a one-time code.") boolean verified) {
        try (TextDrive app = parent.openApp()) {
            String e164 = new PhoneNumbers(app.config().defaultRegion()).parse(number).e164();
            Phone phone = app.phones().add(e164, label, verified, "cli");
            spec.commandLine().getOut().println("Added " + PhoneNumbers.international(phone.e164()) + " ("
                    + phone.state() + ")." + (verified ? "" : " It can text TextDrive once verified: add it again with "
                    + "--verified after removing it, or verify it by code in the desktop app."));
            return 0;
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Command(name = "list", description = "List the phones with their state and accounts.")
    int list() {
        try (TextDrive app = parent.openApp()) {
            List<Phone> phones = app.phones().list();
            if (phones.isEmpty()) {
                spec.commandLine().getOut().println("No phones yet: add one with 'phone add E164'.");
                return 0;
            }
            for (Phone phone : phones) {
                String accounts = app.accounts().grantedTo(phone.e164()).stream()
                        .map(StorageAccount::name).collect(Collectors.joining(", "));
                spec.commandLine().getOut().printf("%-16s  %-9s  %-20s  %s%n", phone.e164(), phone.state(),
                        phone.label(), accounts.isEmpty() ? "(no accounts)" : accounts);
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a phone with its grants and session.")
    int remove(@Parameters(paramLabel = "E164") String number) {
        try (TextDrive app = parent.openApp()) {
            String e164 = new PhoneNumbers(app.config().defaultRegion()).parse(number).e164();
            if (!app.phones().remove(e164, "cli")) {
                throw new IllegalArgumentException("No phone " + e164 + ": see the phones with 'phone list'.");
            }
            spec.commandLine().getOut().println("Removed " + PhoneNumbers.international(e164) + ".");
            return 0;
        }
    }
}
