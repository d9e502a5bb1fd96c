package dev.textdrive.cli;

import dev.textdrive.app.TextDrive;
import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.verification.VerificationException;
import dev.textdrive.verification.VerificationService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phone add|list|remove}: the phones that may text TextDrive. */
@Command(name = "phone", description = "Add, verify, list and remove phones.")
final class PhoneCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss z").withZone(ZoneId.systemDefault());

    @ParentCommand
    TextDriveCommand parent;

    @Spec
    CommandSpec spec;

    @Command(name = "add", description = "Add a phone number (international form, or national in sms.default_region).")
    int add(@Parameters(paramLabel = "E164", description = "The number, such as +447400123456.") String number,
            @Option(names = "--label", paramLabel = "TEXT", description = "A name for the phone.") String label,
            @Option(names = "--verified", description = "Record that you vouch for the number, so it can use "
                    + "TextDrive without a one-time code.") boolean verified) {
        try (TextDrive app = parent.openApp()) {
            String e164 = new PhoneNumbers(app.config().defaultRegion()).parse(number).e164();
            Optional<Phone> existing = app.phones().find(e164);
            if (existing.isPresent() && verified && !existing.get().verified()) {
                app.phones().markVerified(e164, "cli", "vouched for by the operator");
                spec.commandLine().getOut().println("Marked " + PhoneNumbers.international(e164) + " verified.");
                return 0;
            }
            Phone phone = app.phones().add(e164, label, verified, "cli");
            spec.commandLine().getOut().println("Added " + PhoneNumbers.international(phone.e164()) + " ("
                    + phone.state() + ")." + (verified ? "" : " It can text TextDrive once verified: run 'phone verify "
                    + phone.e164() + "'."));
            return 0;
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Command(name = "verify", description = "Text a one-time code to a phone and ask for the code the texter reads back.")
    int verify(@Parameters(paramLabel = "E164") String number) throws IOException {
        try (TextDrive app = parent.openApp()) {
            String e164 = new PhoneNumbers(app.config().defaultRegion()).parse(number).e164();
            Instant expiresAt;
            try {
                expiresAt = app.verification().requestCode(e164);
            } catch (VerificationException e) {
                // A code the texter already has stays usable: a second run within the cooldown asks for it.
                Optional<dev.textdrive.verification.VerificationCode> active = app.verification().find(e164)
                        .filter(code -> !code.lockedOut() && code.expiresAt().isAfter(Instant.now()));
                if (e.retryAt() != null && active.isPresent()) {
                    spec.commandLine().getOut().println("The code sent at " + TIME.format(active.get().createdAt())
                            + " is valid until " + TIME.format(active.get().expiresAt()) + ": enter it.");
                    return promptForCode(app, e164);
                }
                String retry = e.retryAt() == null ? "" : " Try again after " + TIME.format(e.retryAt()) + ".";
                throw new IllegalArgumentException(e.getMessage() + retry, e);
            }
            var out = spec.commandLine().getOut();
            out.println("Sent a code to " + PhoneNumbers.international(e164) + "; it expires at " + TIME.format(expiresAt) + ".");
            if (app.gateway().simulated()) {
                app.messages().outboundTo(e164).stream().reduce((first, second) -> second)
                        .ifPresent(message -> out.println("Simulator mode, so the SMS is in the outbox: " + message.body()));
            }

            return promptForCode(app, e164);
        }
    }

    private int promptForCode(TextDrive app, String e164) throws IOException {
        var out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            out.print("Code: ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new IllegalArgumentException("No code entered: run 'phone verify " + e164
                        + "' again to enter the code the texter has.");
            }
            VerificationService.Outcome outcome = app.verification().verifyCode(e164, line, "cli");
            out.println(outcome.message());
            switch (outcome.result()) {
                case VERIFIED:
                    return 0;
                case WRONG:
                case INVALID_FORMAT:
                    continue;
                default:
                    return 1;
            }
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
