package dev.textdrive.sms;

/**
 * An SMS to send outside the TwiML reply.
 *
 * @param to the recipient in E.164 form
 * @param body the text
 * @param purpose why it is sent, such as {@code send}; daily limits count by purpose
 * @param requestedBy the phone whose command caused it, or null for the operator
 */
public record OutboundSms(String to, String body, String purpose, String requestedBy) {

    public static final String SEND = "send";
}
