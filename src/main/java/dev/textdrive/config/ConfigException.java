package dev.textdrive.config;

/** A configuration file that cannot be read or holds an invalid value; the message names the key and the fix. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
