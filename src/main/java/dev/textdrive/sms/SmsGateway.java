package dev.textdrive.sms;

/** Sends SMS outside TwiML replies: through Twilio, or into the simulator outbox. */
public interface SmsGateway {

    /**
     * Sends a message and records it in the message log.
     *
     * @return the MessageSid
     * @throws SmsException when the message was not accepted
     */
    String send(OutboundSms sms) throws SmsException;

    /** Returns whether messages stay in the simulator outbox instead of reaching phones. */
    boolean simulated();
}
