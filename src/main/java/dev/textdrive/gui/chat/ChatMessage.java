package dev.textdrive.gui.chat;

import dev.textdrive.sms.MessageLog;

/**
 * One message of a conversation as a chat bubble shows it.
 *
 * @param id the message log's row id, which orders the conversation
 * @param outbound whether TextDrive sent it, shown on the left; the texter's messages are on the right
 * @param body the text
 * @param meta the line under the text: the time, and for outbound messages their purpose and delivery status
 */
public record ChatMessage(long id, boolean outbound, String body, String meta) {

    /** Converts a stored message, with times written by {@code times}. */
    public static ChatMessage of(MessageLog.StoredMessage message, TimeText times) {
        boolean outbound = MessageLog.OUTBOUND.equals(message.direction());
        String time = times.format(message.createdAt());
        if (!outbound) {
            return new ChatMessage(message.id(), false, message.body(), time);
        }
        String purpose = Purposes.label(message.purpose());
        // A TwiML reply has no delivery status of its own: it travels in the webhook's response.
        if (Purposes.REPLY.equals(message.purpose())) {
            return new ChatMessage(message.id(), true, message.body(), time + " · " + purpose);
        }
        return new ChatMessage(message.id(), true, message.body(), time + " · " + purpose + " · " + message.status());
    }
}
