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
