package dev.textdrive.cli;

import dev.textdrive.app.TextDrive;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.sms.MessageLog;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code outbox}: the SMS TextDrive sent outside replies, such as codes and links from {@code send}. */
@Command(name = "outbox", description = "List the latest SMS sent outside replies (codes, send); in simulator mode "
        + "this is where they arrive.")
final class OutboxCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @ParentCommand
    TextDriveCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many messages to show, newest first (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("Invalid --limit " + limit + ": give a number from 1 to 1000.");
        }
        try (TextDrive app = parent.openApp()) {
            List<MessageLog.StoredMessage> messages = app.messages().outbox(limit);
            if (messages.isEmpty()) {
                spec.commandLine().getOut().println("The outbox is empty.");
                return 0;
            }
            for (MessageLog.StoredMessage message : messages) {
                spec.commandLine().getOut().printf("%s  to %s  %s, %s%n  %s%n%n", TIME.format(message.createdAt()),
                        PhoneNumbers.international(message.phone()), message.purpose(), message.status(),
                        message.body().replace("\n", "\n  "));
            }
            return 0;
        }
    }
}
