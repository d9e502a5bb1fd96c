package dev.textdrive.gui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static ChatMessage message(long id, String meta) {
        return new ChatMessage(id, id % 2 == 0, "text " + id, meta);
    }

    @Test
    void mergeAppendsNewMessages() {
        Conversation conversation = new Conversation(10);
        conversation.merge(List.of(message(1, "a"), message(2, "a")));

        int appended = conversation.merge(List.of(message(1, "a"), message(2, "a"), message(3, "a")));

        assertEquals(1, appended);
        assertEquals(List.of(message(1, "a"), message(2, "a"), message(3, "a")), conversation.messages());
    }

    @Test
    void mergeReplacesChangedMessage() {
        Conversation conversation = new Conversation(10);
        conversation.merge(List.of(message(1, "a"), message(2, "queued")));
        ChatMessage first = conversation.messages().get(0);

        int appended = conversation.merge(List.of(message(1, "a"), message(2, "delivered")));

        assertEquals(0, appended);
        assertEquals("delivered", conversation.messages().get(1).meta());
        // An unchanged message keeps its instance, so its cell is not rebuilt.
        assertEquals(true, first == conversation.messages().get(0));
    }

    @Test
    void mergeDropsOldestBeyondLimit() {
        Conversation conversation = new Conversation(3);
        conversation.merge(List.of(message(1, "a"), message(2, "a")));

        conversation.merge(List.of(message(2, "a"), message(3, "a"), message(4, "a")));

        assertEquals(List.of(2L, 3L, 4L), conversation.messages().stream().map(ChatMessage::id).toList());
    }

    @Test
    void mergeIgnoresOlderUnknownMessages() {
        Conversation conversation = new Conversation(10);
        conversation.merge(List.of(message(5, "a")));

        int appended = conversation.merge(List.of(message(4, "a"), message(5, "a")));

        assertEquals(0, appended);
        assertEquals(List.of(5L), conversation.messages().stream().map(ChatMessage::id).toList());
    }
}
