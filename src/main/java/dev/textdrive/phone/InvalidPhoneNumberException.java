package dev.textdrive.phone;

/** Text that is not a valid phone number; carries an example of the international form to use instead. */
public class InvalidPhoneNumberException extends IllegalArgumentException {

    private final String input;
    private final String example;

    public InvalidPhoneNumberException(String input, String example) {
        super("'" + input + "' is not a valid phone number: use the international form, such as " + example + ".");
        this.input = input;
        this.example = example;
    }

    public String input() {
        return input;
    }

    public String example() {
        return example;
    }
}
