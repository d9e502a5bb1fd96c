package dev.textdrive.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Parses and formats phone numbers with libphonenumber, reading national numbers in the default region. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * Parses a number typed in international or national form.
     *
     * @throws InvalidPhoneNumberException when the text is not a valid number, with a hint of the form to use
     */
    public ParsedNumber parse(String text) {
        String input = text == null ? "" : text.strip();
        PhoneNumber number;
        try {
            number = UTIL.parse(input, defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(input, example());
        }
        if (!UTIL.isValidNumber(number)) {
            throw new InvalidPhoneNumberException(input, example());
        }
        return new ParsedNumber(UTIL.format(number, PhoneNumberFormat.E164), UTIL.getRegionCodeForNumber(number));
    }

    /**
     * Returns why a text is not a valid number, in words for the operator that end with an example of the
     * international form, or empty when {@link #parse} accepts it.
     */
    public Optional<String> problem(String text) {
        String input = text == null ? "" : text.strip();
        if (input.isEmpty()) {
            return Optional.of(withExample("No number entered"));
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(input, defaultRegion);
        } catch (NumberParseException e) {
            return Optional.of(withExample(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> input.startsWith("+") ? "Unknown country code" : "Not a valid number";
                case NOT_A_NUMBER -> "Not a phone number";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "Too short to be a phone number";
                case TOO_LONG -> "Too long to be a phone number";
            }));
        }
        if (UTIL.isValidNumber(number)) {
            return Optional.empty();
        }
        String country = "country code +" + number.getCountryCode();
        return Optional.of(withExample(switch (UTIL.isPossibleNumberWithReason(number)) {
            case INVALID_COUNTRY_CODE -> "Unknown " + country;
            case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY -> "Too short for " + country;
            case TOO_LONG -> "Too long for " + country;
            case INVALID_LENGTH -> "Wrong number of digits for " + country;
            case IS_POSSIBLE -> "Not a valid number";
        }));
    }

    private String withExample(String reason) {
        return reason + ": use the international form, such as " + international(example()) + ".";
    }

    /** Returns the number in international form with spaces, such as {@code +44 7700 900123}. */
    public static String international(String e164) {
        return format(e164, PhoneNumberFormat.INTERNATIONAL);
    }

    /** Returns the number in the national form of its own country, such as {@code 07700 900123}. */
    public static String national(String e164) {
        return format(e164, PhoneNumberFormat.NATIONAL);
    }

    /** Returns the ISO 3166 region of an E.164 number, or "ZZ" when it belongs to none. */
    public static String regionOf(String e164) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, null));
            return region == null ? "ZZ" : region;
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }

    /** Returns a number with all but its country code and last four digits hidden, for logs. */
    public static String mask(String e164) {
        if (e164 == null || e164.length() <= 6) {
            return "****";
        }
        int visiblePrefix = Math.min(3, e164.length() - 4);
        return e164.substring(0, visiblePrefix) + "*".repeat(e164.length() - visiblePrefix - 4)
                + e164.substring(e164.length() - 4);
    }

    /** Returns an example mobile number of the default region in international form. */
    public String example() {
        PhoneNumber example = UTIL.getExampleNumberForType(defaultRegion, PhoneNumberUtil.PhoneNumberType.MOBILE);
        if (example == null) {
            example = UTIL.getExampleNumber(defaultRegion);
        }
        return example == null ? "+14155550123" : UTIL.format(example, PhoneNumberFormat.E164);
    }

    private static String format(String e164, PhoneNumberFormat format) {
        try {
            return UTIL.format(UTIL.parse(e164, null), format);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /**
     * A valid phone number.
     *
     * @param e164 the number in E.164 form
     * @param region the ISO 3166 region the number belongs to, such as PR for +1 787 numbers
     */
    public record ParsedNumber(String e164, String region) {
    }
}
