package dev.textdrive.store;

/** A database operation that failed; the message names the operation and SQLite's reason. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
