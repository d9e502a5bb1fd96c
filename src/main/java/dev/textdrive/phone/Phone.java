package dev.textdrive.phone;

import java.time.Instant;
import java.util.Optional;

/**
 * A phone number the operator has added.
 *
 * @param e164 the number in E.164 form
 * @param label the operator's name for it, empty when none
 * @param verifiedAt when the number was verified, empty while pending
 * @param optedOutAt when the number texted STOP, empty unless opted out
 * @param createdAt when the operator added it
 */
public record Phone(String e164, String label, Optional<Instant> verifiedAt, Optional<Instant> optedOutAt,
                    Instant createdAt) {

    public boolean verified() {
        return verifiedAt.isPresent();
    }

    /** Returns the state shown to the operator: pending, verified or opted out. */
    public String state() {
        if (optedOutAt.isPresent()) {
            return "opted out";
        }
        return verified() ? "verified" : "pending";
    }
}
