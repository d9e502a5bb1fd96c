package dev.textdrive.sms;

/** An outbound SMS that was not accepted, with Twilio's error code where Twilio gave one. */
public class SmsException extends Exception {

    /** Twilio: the recipient replied STOP and has opted out. */
    public static final int OPTED_OUT = 21610;
    /** Twilio: the To number is not a valid phone number. */
    public static final int INVALID_NUMBER = 21211;
    /** Twilio: sending to the number's region is not enabled on the account. */
    public static final int REGION_NOT_ENABLED = 21408;

    private final Integer code;

    public SmsException(Integer code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Returns Twilio's error code, or null when the request failed before Twilio answered. */
    public Integer code() {
        return code;
    }
}
