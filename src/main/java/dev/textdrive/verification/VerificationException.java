package dev.textdrive.verification;

import java.time.Instant;

/** A code that could not be sent; the message says why, and {@link #retryAt()} when to try again, if known. */
public class VerificationException extends Exception {

    private final transient Instant retryAt;

    public VerificationException(String message, Instant retryAt) {
        super(message);
        this.retryAt = retryAt;
    }

    /** Returns when a new code may be requested, or null when waiting does not help. */
    public Instant retryAt() {
        return retryAt;
    }
}
