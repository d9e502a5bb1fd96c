package dev.textdrive.inbound;

import dev.textdrive.sms.InboundSms;

/** Hears about each handled inbound message, for live views; called on the webhook's thread. */
@FunctionalInterface
public interface InboundListener {

    InboundListener NONE = (sms, reply) -> { };

    void messageHandled(InboundSms sms, String reply);
}
