package dev.textdrive;

import dev.textdrive.cli.TextDriveCommand;
import java.util.Arrays;
import java.util.Set;

/** Starts TextDrive: the desktop app, the headless server or an admin command, by the arguments. */
public final class Main {

    private static final Set<String> ADMIN_COMMANDS = Set.of(
            "phone", "account", "grant", "revoke", "simulate", "outbox", "--version", "-V", "--help", "-h");

    private Main() {
    }

    public static void main(String[] args) {
        // Admin commands print results, not logs; the server and the desktop app log their progress.
        boolean admin = Arrays.stream(args).anyMatch(ADMIN_COMMANDS::contains);
        if (System.getProperty("textdrive.log.level") == null) {
            System.setProperty("textdrive.log.level", admin ? "WARN" : "INFO");
        }
        System.exit(TextDriveCommand.run(args));
    }
}
