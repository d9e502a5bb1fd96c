package dev.textdrive.storage;

/** A storage operation that failed, with a reason that selects the reply the texter gets. */
public class StorageException extends Exception {

    /** The cause of a failed operation. */
    public enum Reason {
        /** The folder or file no longer exists. */
        NOT_FOUND,
        /** The account's credentials are no longer accepted; the operator must link it again. */
        UNAUTHORIZED,
        /** The storage timed out or failed on its side. */
        UNAVAILABLE,
        /** The item may not be served, such as a symlink that points outside the account's folder. */
        FORBIDDEN
    }

    private final Reason reason;

    public StorageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
