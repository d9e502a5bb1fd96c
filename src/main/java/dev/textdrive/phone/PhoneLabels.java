package dev.textdrive.phone;

/** The rule for the operator's label of a phone, shared by the store, the admin CLI and the desktop app. */
public final class PhoneLabels {

    /** The maximum length of a label, in Unicode code points. */
    public static final int MAX_LENGTH = 40;

    private PhoneLabels() {
    }

    /**
     * Checks a label: optional, at most 40 characters after stripping surrounding spaces, no control characters
     * (a newline or a terminal escape would break the phone list).
     *
     * @return the label without surrounding spaces, or null when it is blank
     * @throws IllegalArgumentException when the label breaks the rule
     */
    public static String check(String label) {
        String stripped = label == null ? "" : label.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("The label is " + stripped.codePointCount(0, stripped.length())
                    + " characters long: use at most " + MAX_LENGTH + ".");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The label contains a control character: use letters, digits and spaces.");
        }
        return stripped;
    }
}
