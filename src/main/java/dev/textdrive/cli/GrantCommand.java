package dev.textdrive.cli;

import dev.textdrive.app.TextDrive;
import picocli.CommandLine.Command;

/** {@code grant E164 NAME}: lets a phone use an account. */
@Command(name = "grant", description = "Let a phone use an account.")
final class GrantCommand extends AccessCommand {

    @Override
    boolean apply(TextDrive app, String e164, String accountName) {
        return app.accounts().grant(e164, accountName, "cli");
    }

    @Override
    String message(String phone, String accountName, boolean changed) {
        return changed ? phone + " can now use '" + accountName + "'." : phone + " could already use '" + accountName + "'.";
    }
}
