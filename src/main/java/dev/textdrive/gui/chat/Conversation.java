package dev.textdrive.gui.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The messages of one conversation, oldest first. Reloads are merged in place, appending new messages and
 * replacing changed ones, so that a list view keeps its cells and scroll position while messages arrive.
 */
public final class Conversation {

    private final ObservableList<ChatMessage> messages = FXCollections.observableArrayList();
    private final int limit;

    /** @param limit the maximum number of messages kept, beyond which the oldest are dropped */
    public Conversation(int limit) {
        this.limit = limit;
    }

    public ObservableList<ChatMessage> messages() {
        return messages;
    }

    public int limit() {
        return limit;
    }

    public void clear() {
        messages.clear();
    }

    /**
     * Merges the latest messages, oldest first as {@code MessageLog.conversation} returns them: replaces the
     * messages whose text or status changed, appends those newer than the last one shown, and drops the oldest
     * beyond the limit.
     *
     * @return the number of messages appended
     */
    public int merge(List<ChatMessage> latest) {
        Map<Long, Integer> positions = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            positions.put(messages.get(i).id(), i);
        }
        long lastId = messages.isEmpty() ? Long.MIN_VALUE : messages.get(messages.size() - 1).id();

        List<ChatMessage> appended = new ArrayList<>();
        for (ChatMessage message : latest) {
            Integer position = positions.get(message.id());
            if (position != null) {
                if (!messages.get(position).equals(message)) {
                    messages.set(position, message);
                }
            } else if (message.id() > lastId) {
                appended.add(message);
            }
        }
        if (!appended.isEmpty()) {
            messages.addAll(appended);
        }

        int excess = messages.size() - limit;
        if (excess > 0) {
            messages.remove(0, excess);
        }
        return appended.size();
    }
}
