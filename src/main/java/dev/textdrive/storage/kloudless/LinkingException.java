package dev.textdrive.storage.kloudless;

/** Linking a Kloudless account failed; the message tells the operator what to do next. */
public class LinkingException extends Exception {

    public LinkingException(String message) {
        super(message);
    }

    public LinkingException(String message, Throwable cause) {
        super(message, cause);
    }
}
