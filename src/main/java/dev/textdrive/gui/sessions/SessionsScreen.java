package dev.textdrive.gui.sessions;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.BuiltOnceScreen;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import dev.textdrive.gui.chat.ChatView;
import dev.textdrive.gui.chat.LinkFlow;
import dev.textdrive.gui.chat.Placeholder;
import dev.textdrive.gui.sessions.SessionsViewModel.SessionRow;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Live sessions: where each texter is, and the selected texter's conversation, updated as messages arrive. */
public final class SessionsScreen extends BuiltOnceScreen {

    static final String NO_SESSIONS = "No sessions yet — text the number, or try the Simulator.";
    static final String NO_SELECTION = "Select a phone to see its conversation.";
    static final String NO_MESSAGES = "No messages with this phone yet.";

    /**
     * The narrowest the two cards get. Together with the divider they fit the page at the window's minimum width of
     * 820 pixels, which leaves about 560 pixels beside the navigation. Below its columns' minimum widths the table
     * scrolls sideways.
     */
    private static final double SESSIONS_MIN_WIDTH = 250;
    private static final double CONVERSATION_MIN_WIDTH = 270;

    private final SessionsViewModel model;
    private final StatusReporter status;
    private final Consumer<String> linkOpener;
    private TableView<SessionRow> table;

    public SessionsScreen(Services services, Background background, StatusReporter status) {
        this(services, background, status, LinkFlow.copyingOpener(status));
    }

    /** @param linkOpener opens a URL clicked in a message, such as in the browser */
    public SessionsScreen(Services services, Background background, StatusReporter status, Consumer<String> linkOpener) {
        super("_Live sessions", Feather.ACTIVITY);
        this.model = new SessionsViewModel(services, background, status);
        this.status = status;
        this.linkOpener = linkOpener;
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    public void activity(List<ActivityEvent> events) {
        model.activity(events);
    }

    /** Returns the view model, for tests. */
    SessionsViewModel model() {
        return model;
    }

    @Override
    protected Node build() {
        table = new TableView<>();
        table.setId("sessions-table");
        SortedList<SessionRow> sorted = new SortedList<>(model.sessions());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(phoneColumn());
        table.getColumns().add(textColumn("Location", 100, 125, SessionRow::location, "—"));
        table.getColumns().add(textColumn("Command", 80, 100, SessionRow::lastCommand, ""));
        table.getColumns().add(activityColumn());
        // All columns share a change of width, so they grow back after the window was narrow.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.STRIPED, Styles.DENSE);
        table.setPlaceholder(Placeholder.of(Feather.ACTIVITY, NO_SESSIONS));
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> {
            // Replacing the rows clears the table's selection for a moment, but the view model keeps the phone.
            if (row != null) {
                model.select(row.phone());
            }
        });
        sorted.addListener((ListChangeListener<SessionRow>) change -> restoreSelection());

        Label title = new Label();
        title.setId("conversation-title");
        title.textProperty().bind(model.conversationTitleProperty());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.visibleProperty().bind(model.conversationTitleProperty().isNotEmpty());
        title.managedProperty().bind(title.visibleProperty());

        ChatView chat = new ChatView(model.conversation(), linkOpener, status);
        chat.node().setId("conversation");
        chat.node().getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        chat.setPlaceholder(Placeholder.of(Feather.MESSAGE_CIRCLE, Bindings.when(model.selectedPhoneProperty().isNull())
                .then(NO_SELECTION).otherwise(NO_MESSAGES)));

        Label legend = ChatView.legend("The texter's messages on the right, TextDrive's replies on the left.");
        legend.setId("conversation-legend");

        ScrollPane tableScroll = Ui.scrollable(table);
        VBox sessionsCard = Ui.card("SESSIONS", tableScroll);
        VBox.setVgrow(tableScroll, Priority.ALWAYS);
        VBox conversationCard = Ui.card("CONVERSATION", title, legend, chat.node());
        VBox.setVgrow(chat.node(), Priority.ALWAYS);
        sessionsCard.setMinWidth(SESSIONS_MIN_WIDTH);
        conversationCard.setMinWidth(CONVERSATION_MIN_WIDTH);

        SplitPane split = new SplitPane(sessionsCard, conversationCard);
        split.setDividerPositions(0.62);
        split.getStyleClass().add("td-split");
        return Ui.page("Live sessions", "Where each texter is, and their conversation, as messages arrive.", split);
    }

    private void restoreSelection() {
        String phone = model.selectedPhoneProperty().get();
        if (phone == null) {
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).phone().equals(phone)) {
                if (table.getSelectionModel().getSelectedIndex() != i) {
                    table.getSelectionModel().select(i);
                }
                return;
            }
        }
    }

    private static TableColumn<SessionRow, SessionRow> phoneColumn() {
        TableColumn<SessionRow, SessionRow> column = new TableColumn<>("Phone");
        column.setMinWidth(150);
        column.setPrefWidth(160);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(Comparator.comparing(SessionRow::phone));
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(SessionRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                Label number = new Label(row.number());
                if (row.label().isEmpty()) {
                    setGraphic(number);
                    return;
                }
                Label label = new Label(row.label());
                label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                setGraphic(new VBox(2, number, label));
            }
        });
        return column;
    }

    private static TableColumn<SessionRow, String> textColumn(String title, double minWidth, double width,
                                                              Function<SessionRow, String> value, String whenEmpty) {
        TableColumn<SessionRow, String> column = new TableColumn<>(title);
        column.setMinWidth(minWidth);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                value.apply(cell.getValue()).isEmpty() ? whenEmpty : value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<SessionRow, SessionRow> activityColumn() {
        TableColumn<SessionRow, SessionRow> column = new TableColumn<>("Last seen");
        column.setMinWidth(80);
        column.setPrefWidth(95);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setComparator(Comparator.comparing(SessionRow::updatedAt));
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(SessionRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.lastActivity());
            }
        });
        return column;
    }
}
