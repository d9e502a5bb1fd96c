package dev.textdrive.cli;

import dev.textdrive.app.TextDrive;
import picocli.CommandLine.Command;

/** {@code revoke E164 NAME}: takes an account away from a phone. */
@Command(name = "revoke", description = "Take an account away from a phone.")
final class RevokeCommand extends AccessCommand {

    @Override
    boolean apply(TextDrive app, String e164, String accountName) {
        return app.accounts().revoke(e164, accountName, "cli");
    }

    @Override
    String message(String phone, String accountName, boolean changed) {
        return changed ? phone + " can no longer use '" + accountName + "'." : phone + " did not have '" + accountName + "'.";
    }
}
