package dev.textdrive.sms;

/**
 * An SMS to send outside the TwiML reply.
 *
 * @param to the recipient in E.164 form
 * @param body the text
 * @param purpose why it is sent, such as {@code send}; daily limits count by purpose
 * @param requestedBy the phone whose command caused it, or the recipient for verification codes
 * @param loggedBody the text to keep in the message log when it must not hold the secret in {@code body},
 *                   such as a one-time code; null to keep {@code body}
 */
public record OutboundSms(String to, String body, String purpose, String requestedBy, String loggedBody) {

    public static final String SEND = "send";
    public static final String CODE = "code";

    public OutboundSms(String to, String body, String purpose, String requestedBy) {
        this(to, body, purpose, requestedBy, null);
    }
}
