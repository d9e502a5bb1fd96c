package dev.textdrive.gui.chat;

import dev.textdrive.sms.OutboundSms;
import java.util.Locale;

/** The operator's words for why an outbound message was sent, the {@code purpose} column of the message log. */
public final class Purposes {

    /** The purpose of a TwiML reply to an inbound message. */
    public static final String REPLY = "reply";

    private Purposes() {
    }

    /** Returns a short label, such as "shared link" for {@code send}, or an unknown purpose as stored. */
    public static String label(String purpose) {
        if (purpose == null) {
            return "message";
        }
        return switch (purpose.toLowerCase(Locale.ROOT)) {
            case REPLY -> "reply";
            case OutboundSms.SEND -> "shared link";
            case OutboundSms.CODE -> "verification code";
            default -> purpose;
        };
    }
}
