package dev.textdrive.cli;

import dev.textdrive.config.Config;
import java.nio.file.Path;
import java.util.Locale;

/** Opens the desktop app; kept apart so that the headless commands never load JavaFX classes. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * Returns whether a graphical display is likely available: not when the JVM runs with
     * {@code java.awt.headless=true}, always on Windows and macOS, and with DISPLAY or WAYLAND_DISPLAY elsewhere.
     */
    static boolean displayAvailable() {
        if (Boolean.getBoolean("java.awt.headless")) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return isSet(System.getenv("DISPLAY")) || isSet(System.getenv("WAYLAND_DISPLAY"));
    }

    static void open(Config config, Path configFile, boolean embedded) {
        dev.textdrive.gui.DesktopApp.launch(config, configFile, embedded);
    }

    static void openFailure(String message, Path configFile) {
        dev.textdrive.gui.DesktopApp.launchFailure(message, configFile);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
