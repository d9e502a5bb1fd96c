package dev.textdrive.config;

import java.util.Optional;

/** A configuration file that cannot be read or holds an invalid value; the message names the key and the fix. */
public class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String message) {
        this(message, (Throwable) null);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.key = null;
    }

    private ConfigException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** Returns an error about one key, such as {@code twilio.auth_token}, so forms can show it at that field. */
    public static ConfigException ofKey(String key, String message) {
        return new ConfigException(key, message, null);
    }

    /** Returns the key the error is about, or empty when it concerns the file as a whole. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
