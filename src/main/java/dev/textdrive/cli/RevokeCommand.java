package dev.textdrive.cli;

import dev.textdrive.app.TextDrive;
import dev.textdrive.phone.PhoneNumbers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code revoke E164 NAME}: takes an account away from a phone. */
@Command(name = "revoke", description = "Take an account away from a phone.")
final class RevokeCommand implements Callable<Integer> {

    @ParentCommand
    TextDriveCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "E164")
    String number;

    @Parameters(index = "1", paramLabel = "NAME", description = "The account name.")
    String accountName;

    @Override
    public Integer call() {
        try (TextDrive app = parent.openApp()) {
            String e164 = new PhoneNumbers(app.config().defaultRegion()).parse(number).e164();
            boolean changed = app.accounts().revoke(e164, accountName, "cli");
            spec.commandLine().getOut().println(changed
                    ? PhoneNumbers.international(e164) + " can no longer use '" + accountName + "'."
                    : PhoneNumbers.international(e164) + " could not use '" + accountName + "'.");
            return 0;
        }
    }
}
