package dev.textdrive.storage;

import java.util.Optional;

/** The rule for storage account names, shared by the store, the admin CLI and the desktop app. */
public final class AccountNames {

    /** The maximum length of a name, in Unicode code points; texters see names in SMS listings. */
    public static final int MAX_LENGTH = 40;

    private AccountNames() {
    }

    /**
     * Checks an account name: 1 to 40 characters after stripping surrounding spaces, no control characters.
     *
     * @return the name without surrounding spaces
     * @throws IllegalArgumentException when the name breaks the rule, with a message that names the fix
     */
    public static String check(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("The account name is empty: give a name such as Photos.");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("The account name is " + stripped.codePointCount(0, stripped.length())
                    + " characters long: use at most " + MAX_LENGTH + ".");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The account name contains a control character: use letters, digits and spaces.");
        }
        return stripped;
    }

    /** Returns what is wrong with a name, or empty when {@link #check} accepts it; for checking a field as typed. */
    public static Optional<String> problem(String name) {
        try {
            check(name);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
