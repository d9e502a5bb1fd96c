package dev.textdrive.storage.kloudless;

/** Linking a Kloudless account failed; the message states what the operator should do next. */
public class LinkingException extends Exception {

    public LinkingException(String message) {
        super(message);
    }

    public LinkingException(String message, Throwable cause) {
        super(message, cause);
    }
}
