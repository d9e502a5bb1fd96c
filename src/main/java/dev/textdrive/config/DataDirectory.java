package dev.textdrive.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Finds the platform's per-user data folder for TextDrive. */
public final class DataDirectory {

    private static final String APP_NAME = "TextDrive";

    private DataDirectory() {
    }

    /** The system property that overrides the data folder, for tests and portable installs. */
    public static final String OVERRIDE_PROPERTY = "textdrive.data.dir";

    /** Returns the per-user data folder of this platform, which may not exist yet. */
    public static Path locate() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        // The XDG specification defines the folders relative to $HOME; Java's user.home comes from the
        // password database instead and ignores a changed HOME.
        String home = System.getenv("HOME");
        Path homeFolder = home != null && !home.isBlank() && Path.of(home).isAbsolute()
                ? Path.of(home) : Path.of(System.getProperty("user.home"));
        return locate(System.getProperty("os.name", ""), System.getenv(), homeFolder);
    }

    /**
     * Returns the data folder for the given platform: {@code %APPDATA%\TextDrive} on Windows,
     * {@code ~/Library/Application Support/TextDrive} on macOS, and {@code $XDG_DATA_HOME/textdrive}
     * (by default {@code ~/.local/share/textdrive}) elsewhere.
     */
    static Path locate(String osName, Map<String, String> environment, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve(APP_NAME);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP_NAME);
        }

        String xdgDataHome = environment.get("XDG_DATA_HOME");
        // The XDG base directory specification says a relative value is invalid and must be ignored.
        if (isSet(xdgDataHome) && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome).resolve("textdrive");
        }
        return home.resolve(".local").resolve("share").resolve("textdrive");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
