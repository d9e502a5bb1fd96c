package dev.textdrive.gui.chat;

import dev.textdrive.gui.StatusReporter;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * A conversation as chat bubbles: inbound messages on the left, outbound ones on the right, scrolled to the
 * newest message whenever one arrives. The list is virtualized, so long conversations stay cheap to update.
 *
 * <p>Keys: Enter opens the first link of the selected message, Ctrl+C (Cmd+C) copies its text.
 */
public final class ChatView {

    /** The style class of the list that contains the bubbles. */
    public static final String STYLE_CLASS = "td-chat";

    private static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");

    private final ListView<ChatMessage> list;
    private final Consumer<String> opener;
    private final StatusReporter status;
    private boolean scrollPending;

    /**
     * @param messages the conversation, oldest first
     * @param opener opens a URL that the operator clicks
     * @param status reports copies and messages without a link
     */
    public ChatView(ObservableList<ChatMessage> messages, Consumer<String> opener, StatusReporter status) {
        this.opener = opener;
        this.status = status;
        list = new ListView<>(messages);
        list.getStyleClass().add(STYLE_CLASS);
        list.setCellFactory(view -> new BubbleCell());
        list.setFocusTraversable(true);
        list.setAccessibleText("Conversation");
        messages.addListener((ListChangeListener<ChatMessage>) change -> {
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced()) {
                    didAddMessages();
                    return;
                }
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, this::didPressKey);
        list.setContextMenu(contextMenu());
    }

    public ListView<ChatMessage> node() {
        return list;
    }

    /** Shows {@code placeholder} while the conversation is empty. */
    public void setPlaceholder(Node placeholder) {
        list.setPlaceholder(placeholder);
    }

    /** Scrolls to the newest message. */
    public void scrollToNewest() {
        if (!list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }

    private void didAddMessages() {
        scrollToNewest();
        if (scrollPending) {
            return;
        }
        // The list estimates the height of cells it has not laid out yet, so the first scroll can stop short of
        // the end. Scrolling again after the next layout pass reaches it.
        scrollPending = true;
        Platform.runLater(() -> {
            scrollPending = false;
            scrollToNewest();
        });
    }

    private void didPressKey(KeyEvent event) {
        ChatMessage selected = list.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            openFirstLink(selected);
        } else if (COPY.match(event)) {
            event.consume();
            copyText(selected);
        }
    }

    private ContextMenu contextMenu() {
        MenuItem open = new MenuItem("Open link");
        open.setOnAction(event -> {
            ChatMessage selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                openFirstLink(selected);
            }
        });
        MenuItem copy = new MenuItem("Copy text");
        copy.setAccelerator(COPY);
        copy.setOnAction(event -> {
            ChatMessage selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                copyText(selected);
            }
        });
        ContextMenu menu = new ContextMenu(open, copy);
        menu.setOnShowing(event -> {
            ChatMessage selected = list.getSelectionModel().getSelectedItem();
            open.setDisable(selected == null || TextLinks.firstLink(selected.body()) == null);
            copy.setDisable(selected == null);
        });
        return menu;
    }

    private void openFirstLink(ChatMessage message) {
        String link = TextLinks.firstLink(message.body());
        if (link == null) {
            status.info("That message has no link.");
            return;
        }
        opener.accept(link);
    }

    private void copyText(ChatMessage message) {
        LinkFlow.copy(message.body());
        status.info("Copied the message text.");
    }

    /** A row with one bubble, pushed to the left or the right by a spacer. */
    private final class BubbleCell extends ListCell<ChatMessage> {

        BubbleCell() {
            // Without a zero preferred width, wide bubbles would give the list a horizontal scroll bar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ChatMessage message, boolean empty) {
            super.updateItem(message, empty);
            setText(null);
            if (empty || message == null) {
                setGraphic(null);
                return;
            }

            TextFlow body = LinkFlow.of(message.body(), opener);
            Label meta = new Label(message.meta());
            meta.getStyleClass().add("td-bubble-meta");
            VBox bubble = new VBox(4, body, meta);
            bubble.getStyleClass().addAll("td-bubble", message.outbound() ? "td-bubble-out" : "td-bubble-in");
            meta.setMaxWidth(Double.MAX_VALUE);
            if (message.outbound()) {
                meta.setAlignment(Pos.CENTER_RIGHT);
            }

            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = message.outbound() ? new HBox(spacer, bubble) : new HBox(bubble, spacer);
            row.setAlignment(message.outbound() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
