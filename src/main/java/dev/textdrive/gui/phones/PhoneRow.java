package dev.textdrive.gui.phones;

import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.verification.VerificationCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of the phones table, loaded off the UI thread.
 *
 * @param phone the stored phone
 * @param accounts the names of the storage accounts granted to it, sorted as texters see them
 * @param code the active one-time code, empty when none was sent or the last one was used up
 * @param nextCodeAllowedAt when the resend cooldown and the daily cap allow the next code
 */
public record PhoneRow(Phone phone, List<String> accounts, Optional<VerificationCode> code, Instant nextCodeAllowedAt) {

    public String e164() {
        return phone.e164();
    }

    /** Returns the number in international form, such as {@code +1 201-555-0123}. */
    public String international() {
        return PhoneNumbers.international(phone.e164());
    }

    public String label() {
        return phone.label();
    }

    /** Returns pending, verified or opted out. */
    public String state() {
        return phone.state();
    }

    /** Returns whether the phone still needs a code: neither verified nor opted out. */
    public boolean pending() {
        return !phone.verified() && phone.optedOutAt().isEmpty();
    }

    /** Returns the granted accounts as one line, or a dash when none. */
    public String accountsText() {
        return accounts.isEmpty() ? "—" : String.join(", ", accounts);
    }
}
