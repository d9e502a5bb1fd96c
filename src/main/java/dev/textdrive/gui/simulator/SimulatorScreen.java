package dev.textdrive.gui.simulator;

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
import dev.textdrive.gui.simulator.SimulatorViewModel.OutboxEntry;
import dev.textdrive.gui.simulator.SimulatorViewModel.PhoneChoice;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Simulator: text TextDrive as one of the operator's phones, through the real webhook, and see the outbox. */
public final class SimulatorScreen extends BuiltOnceScreen {

    static final String NO_OUTBOX = "No SMS sent yet. Files shared with send, and verification codes, appear here.";

    /**
     * The narrowest the two cards get. Together with the gap they fit the page at the window's minimum width of 820
     * pixels, which leaves about 560 pixels beside the navigation.
     */
    private static final double CHAT_MIN_WIDTH = 290;
    private static final double OUTBOX_MIN_WIDTH = 230;

    private final SimulatorViewModel model;
    private final StatusReporter status;
    private final Consumer<String> linkOpener;
    private TextField message;

    public SimulatorScreen(Services services, Background background, StatusReporter status) {
        this(services, background, status, LinkFlow.copyingOpener(status));
    }

    /** @param linkOpener opens a URL clicked in a message, such as in the browser */
    public SimulatorScreen(Services services, Background background, StatusReporter status, Consumer<String> linkOpener) {
        super("Si_mulator", Feather.MESSAGE_SQUARE);
        this.model = new SimulatorViewModel(services, background, status);
        this.status = status;
        this.linkOpener = linkOpener;
    }

    @Override
    public void shown() {
        model.refresh();
        // Focus after the click or key that chose this screen has finished, which would otherwise keep it.
        Platform.runLater(() -> {
            if (message != null && message.getScene() != null) {
                message.requestFocus();
            }
        });
    }

    @Override
    public void activity(List<ActivityEvent> events) {
        model.activity(events);
    }

    /** Returns the view model, for tests. */
    SimulatorViewModel model() {
        return model;
    }

    @Override
    protected Node build() {
        HBox body = new HBox(Ui.GAP, chatCard(), outboxCard());
        return Ui.page("Simulator", "Text TextDrive as one of your phones, through the real webhook.", body);
    }

    private VBox chatCard() {
        ComboBox<PhoneChoice> phone = new ComboBox<>(model.phones());
        phone.setId("simulator-phone");
        phone.valueProperty().bindBidirectional(model.phoneProperty());
        phone.setMaxWidth(Double.MAX_VALUE);
        phone.setPromptText("No phones yet");
        phone.setTooltip(new javafx.scene.control.Tooltip("The phone the simulated texts come from"));
        HBox.setHgrow(phone, Priority.ALWAYS);
        // Alt+X, because Alt+A opens the Access screen.
        Label from = new Label("Te_xt as");
        from.setMnemonicParsing(true);
        from.setLabelFor(phone);
        from.setMinWidth(Label.USE_PREF_SIZE);
        HBox phoneRow = new HBox(10, from, phone);
        phoneRow.setAlignment(Pos.CENTER_LEFT);

        Label twilioNote = new Label("Twilio is configured: send texts real phones, and they may be charged.");
        twilioNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        twilioNote.setWrapText(true);
        twilioNote.setMinHeight(Region.USE_PREF_SIZE);
        twilioNote.visibleProperty().bind(model.twilioModeProperty());
        twilioNote.managedProperty().bind(model.twilioModeProperty());

        ChatView chat = new ChatView(model.conversation(), linkOpener, status);
        chat.node().setId("simulator-chat");
        chat.node().getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        chat.setPlaceholder(Placeholder.of(Feather.MESSAGE_SQUARE, model.emptyStateProperty()));
        VBox.setVgrow(chat.node(), Priority.ALWAYS);

        message = new TextField();
        message.setId("simulator-message");
        message.setPromptText("Type a command, such as ls, and press Enter");
        message.setAccessibleText("Message");
        message.textProperty().bindBidirectional(model.draftProperty());
        message.setOnAction(event -> model.send());
        HBox.setHgrow(message, Priority.ALWAYS);
        Button send = Ui.iconButton(Feather.SEND, "Send the message (Enter)", model::send);
        send.setId("simulator-send");
        send.getStyleClass().remove(Styles.FLAT);
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(model.canSendProperty().not());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("simulator-sending");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.sendingProperty());
        progress.managedProperty().bind(model.sendingProperty());
        HBox inputRow = new HBox(8, message, progress, send);
        inputRow.setAlignment(Pos.CENTER_LEFT);

        Label legend = ChatView.legend("Your texts on the right, TextDrive's replies on the left.");
        legend.setId("simulator-legend");

        VBox card = Ui.card("CONVERSATION", phoneRow, twilioNote, legend, chat.node(), inputRow);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.setMinWidth(CHAT_MIN_WIDTH);
        return card;
    }

    private VBox outboxCard() {
        Label note = new Label();
        note.textProperty().bind(Bindings.when(model.twilioModeProperty())
                .then("SMS that TextDrive sent through Twilio outside replies.")
                .otherwise("SMS that TextDrive sends outside replies. In simulator mode they stay here."));
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);

        ListView<OutboxEntry> list = new ListView<>(model.outbox());
        list.setId("simulator-outbox");
        list.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(view -> new OutboxCell());
        list.setPlaceholder(Placeholder.of(Feather.INBOX, NO_OUTBOX));
        list.setAccessibleText("Outbox");
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox card = Ui.card("OUTBOX", note, list);
        card.setPrefWidth(330);
        card.setMinWidth(OUTBOX_MIN_WIDTH);
        return card;
    }

    /** One outbound SMS: recipient, purpose, time and status, then the text with clickable links. */
    private final class OutboxCell extends ListCell<OutboxEntry> {

        OutboxCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(OutboxEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            Label to = new Label("To " + entry.to(), new FontIcon(Feather.ARROW_UP_RIGHT));
            to.getStyleClass().add(Styles.TEXT_BOLD);
            Label meta = new Label(entry.purpose() + " · " + entry.meta());
            meta.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            meta.setWrapText(true);
            meta.setMinHeight(Region.USE_PREF_SIZE);
            VBox box = new VBox(4, to, meta, LinkFlow.of(entry.body(), linkOpener));
            // The cell is as wide as the list, so the text wraps inside it instead of running past the edge.
            box.setMinWidth(0);
            box.setPadding(new Insets(4, 0, 4, 0));
            setGraphic(box);
        }
    }
}
