package dev.textdrive.gui.chat;

import dev.textdrive.gui.StatusReporter;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A conversation as chat bubbles, seen from the texter's phone: the texter's messages on the right, TextDrive's
 * on the left. The view scrolls to the newest message whenever one arrives. The list is virtualized, so long
 * conversations stay cheap to update.
 *
 * <p>Keys: Enter opens the first link of the selected message, Ctrl+C (Cmd+C) copies its text.
 */
public final class ChatView {

    /** The style class of the list that contains the bubbles. */
    public static final String STYLE_CLASS = "td-chat";

    private static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");
    /** The widest a bubble gets, in pixels, and its share of a narrower list's width. */
    private static final double BUBBLE_MAX_WIDTH = 420;
    private static final double BUBBLE_MAX_SHARE = 0.85;
    /** An estimate of the row width that a bubble cannot use: the cell's padding and the vertical scroll bar. */
    private static final double ROW_CHROME = 40;
    /** How many layout passes may each correct the scroll position towards the newest message. */
    private static final int SCROLL_PASSES = 4;
    /** The pixels of the newest message that may be hidden while it counts as fully in view. */
    private static final double HIDDEN_TOLERANCE = 0.5;

    private final ListView<ChatMessage> list;
    private final Consumer<String> opener;
    private final StatusReporter status;
    private final DoubleBinding bubbleMaxWidth;
    private final Runnable layoutListener = this::afterLayout;
    private int scrollPasses;
    private boolean pinned;
    private boolean operatorScrolled;

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
        list.addEventHandler(KeyEvent.KEY_PRESSED, this::didPressKey);
        list.setContextMenu(contextMenu());

        messages.addListener((ListChangeListener<ChatMessage>) change -> {
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced()) {
                    didAddMessages();
                    return;
                }
            }
        });

        bubbleMaxWidth = Bindings.createDoubleBinding(
                () -> Math.max(0, Math.min(BUBBLE_MAX_WIDTH, (list.getWidth() - ROW_CHROME) * BUBBLE_MAX_SHARE)),
                list.widthProperty());

        // Wheel, scroll bar and keys: after any of them the list checks whether the newest message is still in view.
        list.addEventFilter(ScrollEvent.ANY, this::didScroll);
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, this::didScroll);
        list.addEventFilter(KeyEvent.KEY_RELEASED, this::didScroll);

        list.sceneProperty().addListener((observable, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(layoutListener);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(layoutListener);
            }
        });
    }

    /**
     * Returns a one-line legend that names whose messages are on each side, such as "Your texts on the right,
     * TextDrive's replies on the left."
     */
    public static Label legend(String text) {
        Label legend = new Label(text, new FontIcon(Feather.INFO));
        legend.getStyleClass().add("td-chat-legend");
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        return legend;
    }

    public ListView<ChatMessage> node() {
        return list;
    }

    /** Shows {@code placeholder} while the conversation is empty. */
    public void setPlaceholder(Node placeholder) {
        list.setPlaceholder(placeholder);
    }

    /** Scrolls to the newest message, down to its last line. */
    public void scrollToNewest() {
        if (list.getItems().isEmpty()) {
            return;
        }
        list.scrollTo(list.getItems().size() - 1);
        pinned = true;
        // The list estimates the height of cells it has not laid out yet, so this first scroll can stop a few pixels
        // or lines short of the end. After each of the next layout passes the list scrolls by what is still hidden.
        scrollPasses = SCROLL_PASSES;
    }

    private void didAddMessages() {
        scrollToNewest();
    }

    /**
     * Scrolls by the pixels of the newest message that are still hidden after a layout pass. It acts while a scroll
     * to the newest message is under way, and while that message is pinned in view, such as when a theme change
     * made the bubbles taller. After the operator scrolls, the pin follows whether the newest message is still fully
     * in view, so a list scrolled up is left alone.
     */
    private void afterLayout() {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)
                || !(flow.lookup(".clipped-container") instanceof Region viewport)) {
            return;
        }
        int newest = list.getItems().size() - 1;
        IndexedCell<?> last = flow.getLastVisibleCell();
        double hidden = newest < 0 || last == null || last.getIndex() != newest
                ? Double.POSITIVE_INFINITY
                : last.localToScene(last.getLayoutBounds()).getMaxY()
                        - viewport.localToScene(viewport.getLayoutBounds()).getMaxY();
        if (operatorScrolled) {
            operatorScrolled = false;
            pinned = hidden <= HIDDEN_TOLERANCE;
            return;
        }
        if (scrollPasses == 0 && !pinned) {
            return;
        }
        scrollPasses = Math.max(0, scrollPasses - 1);
        if (newest < 0 || last == null) {
            scrollPasses = 0;
        } else if (last.getIndex() != newest) {
            flow.scrollTo(newest);
        } else if (hidden > HIDDEN_TOLERANCE) {
            flow.scrollPixels(hidden);
        } else {
            scrollPasses = 0;
        }
    }

    private void didScroll(Event event) {
        operatorScrolled = true;
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

    /** A row with one bubble, pushed to the right (the texter) or the left (TextDrive) by a spacer. */
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
            meta.setWrapText(true);
            meta.setMinHeight(Region.USE_PREF_SIZE);
            VBox bubble = new VBox(4, body, meta);
            bubble.getStyleClass().addAll("td-bubble", message.outbound() ? "td-bubble-out" : "td-bubble-in");
            bubble.maxWidthProperty().bind(bubbleMaxWidth);
            meta.setMaxWidth(Double.MAX_VALUE);
            boolean right = !message.outbound();
            if (right) {
                meta.setAlignment(Pos.CENTER_RIGHT);
            }

            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = right ? new HBox(spacer, bubble) : new HBox(bubble, spacer);
            row.setAlignment(right ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
