package dev.textdrive.cli;

import dev.textdrive.app.TextDrive;
import dev.textdrive.phone.PhoneNumbers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The shared part of {@code grant} and {@code revoke}: a phone, an account, and one change between them. */
abstract class AccessCommand implements Callable<Integer> {

    @ParentCommand
    TextDriveCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "E164")
    String number;

    @Parameters(index = "1", paramLabel = "NAME", description = "The account name.")
    String accountName;

    /** Applies the change and returns whether anything changed. */
    abstract boolean apply(TextDrive app, String e164, String accountName);

    /** Returns the confirmation, such as "+1 202-555-0143 can now use 'Photos'." */
    abstract String message(String phone, String accountName, boolean changed);

    @Override
    public Integer call() {
        try (TextDrive app = parent.openApp()) {
            String e164 = new PhoneNumbers(app.config().defaultRegion()).parse(number).e164();
            String name = app.accounts().findByName(accountName).map(account -> account.name()).orElse(accountName);
            boolean changed = apply(app, e164, name);
            spec.commandLine().getOut().println(message(PhoneNumbers.international(e164), name, changed));
            return 0;
        }
    }
}
