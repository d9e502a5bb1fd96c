package dev.textdrive;

import dev.textdrive.cli.TextDriveCommand;

/** Starts TextDrive: the desktop app, the headless server or an admin command, by the arguments. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Admin commands print results, not logs; only the server logs its progress.
        boolean serving = java.util.Arrays.asList(args).contains("serve");
        if (System.getProperty("textdrive.log.level") == null) {
            System.setProperty("textdrive.log.level", serving ? "INFO" : "WARN");
        }
        System.exit(TextDriveCommand.run(args));
    }
}
