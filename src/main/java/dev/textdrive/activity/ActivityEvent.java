package dev.textdrive.activity;

import java.time.Instant;

/**
 * Something that changed and that live views show.
 *
 * @param kind what changed
 * @param phone the phone involved, null when none
 * @param summary a one-line description for the activity list, without secrets
 * @param at when it happened
 */
public record ActivityEvent(Kind kind, String phone, String summary, Instant at) {

    /**
     * The start of the summary of a {@link Kind#DIRECTORY} event that reports a storage account linked in the
     * operator's browser, such as "Linked Dropbox (ann@example.com)".
     */
    public static final String LINKED = "Linked ";

    /** Returns whether this event reports a storage account linked in the operator's browser. */
    public boolean linked() {
        return kind == Kind.DIRECTORY && summary != null && summary.startsWith(LINKED);
    }

    /** What changed. */
    public enum Kind {
        /** A message was stored: inbound, a reply, or an outbound SMS. */
        MESSAGE,
        /** A phone's session moved or its last command changed. */
        SESSION,
        /** Phones, accounts or grants changed. */
        DIRECTORY
    }
}
