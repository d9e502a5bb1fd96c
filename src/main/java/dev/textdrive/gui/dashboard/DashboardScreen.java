package dev.textdrive.gui.dashboard;

import atlantafx.base.theme.Styles;
import dev.textdrive.gui.BuiltOnceScreen;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The dashboard: whether the server runs, the URLs Twilio needs, counts and recent activity. */
public final class DashboardScreen extends BuiltOnceScreen {

    private final DashboardViewModel model;
    private final StatusReporter status;

    public DashboardScreen(DashboardViewModel model, StatusReporter status) {
        super("_Dashboard", Feather.HOME);
        this.model = model;
        this.status = status;
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    protected Node build() {
        GridPane counts = new GridPane();
        counts.setHgap(Ui.GAP);
        counts.addRow(0,
                count("Verified phones", model.verifiedPhonesProperty().asString()),
                count("Storage accounts", model.accountsProperty().asString()),
                count("Messages today", model.messagesTodayProperty().asString()));
        for (int i = 0; i < 3; i++) {
            // Percent columns give the three cards the same width, whatever their titles and numbers.
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            column.setFillWidth(true);
            counts.getColumnConstraints().add(column);
        }

        Label state = new Label();
        state.textProperty().bind(model.serverStateProperty());
        state.getStyleClass().add(Styles.SUCCESS);
        model.serverStateProperty().addListener((observable, old, value) -> {
            state.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            state.getStyleClass().add("Running".equals(value) ? Styles.SUCCESS : Styles.DANGER);
        });

        Label listening = selectable(model.listeningUrlProperty());
        Label webhook = selectable(model.webhookUrlProperty());
        Button copy = Ui.iconButton(Feather.COPY, "Copy the webhook URL", this::didClickCopy);
        Label number = new Label();
        number.textProperty().bind(model.twilioNumberProperty());

        // Alt+O, because Alt+P opens the Phones screen.
        Button point = Ui.button("P_oint Twilio number here", Feather.LINK, model::pointTwilioWebhook);
        point.disableProperty().bind(model.twilioConfiguredProperty().not().or(model.pointingProperty()));
        ProgressIndicator pointing = new ProgressIndicator();
        pointing.setPrefSize(18, 18);
        pointing.visibleProperty().bind(model.pointingProperty());
        Label result = new Label();
        result.textProperty().bind(model.webhookResultProperty());
        result.setWrapText(true);
        result.getStyleClass().add(Styles.TEXT_SMALL);
        result.managedProperty().bind(model.webhookResultProperty().isNotEmpty());
        result.visibleProperty().bind(model.webhookResultProperty().isNotEmpty());

        GridPane connection = new GridPane();
        connection.setHgap(12);
        connection.setVgap(8);
        connection.addRow(0, muted("Server"), state);
        connection.addRow(1, muted("Listening on"), listening);
        HBox webhookRow = new HBox(4, webhook, copy);
        webhookRow.setAlignment(Pos.CENTER_LEFT);
        connection.addRow(2, muted("Webhook URL"), webhookRow);
        connection.addRow(3, muted("Twilio number"), number);
        HBox pointRow = new HBox(8, point, pointing);
        pointRow.setAlignment(Pos.CENTER_LEFT);
        pointRow.visibleProperty().bind(model.twilioConfiguredProperty());
        pointRow.managedProperty().bind(model.twilioConfiguredProperty());
        VBox connectionCard = Ui.card("CONNECTION", connection, pointRow, result);

        ListView<String> activity = new ListView<>(model.recentActivity());
        activity.setId("recent-activity");
        activity.setCellFactory(list -> new ActivityCell());
        activity.setPlaceholder(Ui.emptyState("No messages yet. Text the number, or try the Simulator."));
        activity.setFocusTraversable(true);
        VBox activityCard = Ui.card("RECENT ACTIVITY", activity);
        VBox.setVgrow(activity, Priority.ALWAYS);

        return Ui.page("Dashboard", "TextDrive answers SMS at the webhook URL below.", counts, connectionCard, activityCard);
    }

    private void didClickCopy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.webhookUrlProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
        status.info("Copied " + model.webhookUrlProperty().get());
    }

    private static VBox count(String title, javafx.beans.value.ObservableValue<String> value) {
        Label number = new Label();
        number.textProperty().bind(value);
        number.getStyleClass().add(Styles.TITLE_1);
        VBox card = Ui.card(title.toUpperCase(Locale.ROOT), number);
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    /** One line of activity, shortened with an ellipsis to the list's width; the tooltip has the whole line. */
    private static final class ActivityCell extends ListCell<String> {

        ActivityCell() {
            // Without a zero preferred width a long line would widen the cell and give the list a horizontal scroll bar.
            setPrefWidth(0);
            setTextOverrun(OverrunStyle.ELLIPSIS);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : line);
            setTooltip(empty || line == null ? null : new Tooltip(line));
        }
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Label selectable(javafx.beans.value.ObservableValue<String> value) {
        Label label = new Label();
        label.textProperty().bind(Bindings.when(Bindings.isEmpty(model(value))).then("—").otherwise(model(value)));
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }

    private static javafx.beans.binding.StringExpression model(javafx.beans.value.ObservableValue<String> value) {
        return javafx.beans.binding.Bindings.convert(value);
    }
}
