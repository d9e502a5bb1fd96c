package dev.textdrive.gui.phones;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber.CountryCodeSource;
import dev.textdrive.phone.PhoneNumbers;
import java.util.Optional;

/**
 * Says why a typed number cannot be added as a phone. Unlike {@link PhoneNumbers#problem}, it names the region of
 * the country code, and it tells the operator to use the international form only when the number lacks one.
 */
final class NumberProblems {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** The region libphonenumber gives country codes that belong to no country, such as +800. */
    private static final String NON_GEOGRAPHIC = "001";

    private NumberProblems() {
    }

    /** Returns why {@code text} cannot be added, or empty when it is a valid number without an extension. */
    static Optional<String> problem(PhoneNumbers numbers, String text) {
        String input = text == null ? "" : text.strip();
        Optional<String> general = numbers.problem(input);
        PhoneNumber number;
        try {
            number = UTIL.parseAndKeepRawInput(input, numbers.defaultRegion());
        } catch (NumberParseException e) {
            // Not a number at all, such as "hello": the general wording fits.
            return general;
        }
        if (general.isEmpty()) {
            // A text reaches the phone's number; libphonenumber would drop the extension without a word.
            return number.hasExtension()
                    ? Optional.of("An SMS cannot reach extension " + number.getExtension() + ": remove it from the number.")
                    : Optional.empty();
        }

        String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        String valid = NON_GEOGRAPHIC.equals(region)
                ? "a valid number with country code +" + number.getCountryCode()
                : "a valid " + region + " number";
        String reason = switch (UTIL.isPossibleNumberWithReason(number)) {
            case INVALID_COUNTRY_CODE -> null;
            case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY -> input + " is too short to be " + valid;
            case TOO_LONG -> input + " is too long to be " + valid;
            case INVALID_LENGTH -> input + " has the wrong number of digits to be " + valid;
            case IS_POSSIBLE -> input + " is not " + valid;
        };
        if (reason == null) {
            return general;
        }
        boolean typedCountryCode = number.getCountryCodeSource() != CountryCodeSource.FROM_DEFAULT_COUNTRY;
        return Optional.of(typedCountryCode
                ? reason + "."
                : reason + ": use the international form, such as " + PhoneNumbers.international(numbers.example()) + ".");
    }
}
