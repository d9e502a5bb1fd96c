package dev.textdrive.gui.phones;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.BuiltOnceScreen;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Phones: add a phone, text it a one-time code, and enter the code the texter reads back. */
public final class PhonesScreen extends BuiltOnceScreen {

    private static final double DETAIL_WIDTH = 300;
    private static final double DETAIL_MIN_WIDTH = 250;
    /** The narrowest the table's card gets before the detail panel gives up width; the table scrolls sideways. */
    private static final double TABLE_MIN_WIDTH = 240;
    /** The space that the focus ring of a button takes outside the button, in pixels. */
    private static final double FOCUS_RING = 3;

    private final PhonesViewModel model;
    private final VerificationViewModel verification;
    private TableView<PhoneRow> table;

    public PhonesScreen(Services services, Background background, StatusReporter status) {
        super("_Phones", Feather.SMARTPHONE);
        this.model = new PhonesViewModel(services::app, Clock.systemDefaultZone(), background, status);
        this.verification = model.verification();
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    public void activity(List<ActivityEvent> events) {
        model.activity(events);
    }

    @Override
    protected Node build() {
        HBox body = new HBox(Ui.GAP, tableCard(), detailCard());
        VBox.setVgrow(body, Priority.ALWAYS);

        // The cooldown on the Send code button counts down once a second.
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> verification.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();

        return Ui.page("Phones", "Add a phone, text it a one-time code, and enter the code the texter reads back.",
                addCard(), body);
    }

    private VBox addCard() {
        TextField number = new TextField();
        number.setId("phone-number");
        number.promptTextProperty().bind(model.numberExampleProperty());
        number.setPrefColumnCount(16);
        number.textProperty().bindBidirectional(model.numberProperty());
        markInvalid(number, model.numberProblemProperty());
        TextField label = new TextField();
        label.setId("phone-label");
        label.setPromptText("Optional, such as Ana's phone");
        label.setPrefColumnCount(18);
        label.textProperty().bindBidirectional(model.labelProperty());
        markInvalid(label, model.labelProblemProperty());
        Button add = Ui.button("Add p_hone", Feather.PLUS, model::add);
        add.setId("add-phone");
        add.getStyleClass().add(Styles.ACCENT);
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(model.numberValidProperty().not()
                .or(model.labelProblemProperty().isNotEmpty())
                .or(model.addingProperty()));
        number.setOnAction(event -> model.add());
        label.setOnAction(event -> model.add());

        Label feedback = new Label();
        feedback.setId("phone-feedback");
        feedback.setWrapText(true);
        feedback.setMinHeight(Region.USE_PREF_SIZE);
        feedback.getStyleClass().add(Styles.TEXT_SMALL);
        feedback.textProperty().bind(Bindings.createStringBinding(this::numberFeedback, model.numberProblemProperty(),
                model.numberInternationalProperty(), model.numberNationalProperty(), model.numberHintProperty()));
        model.numberProblemProperty().addListener((observable, old, problem) -> toneOf(feedback));
        model.numberValidProperty().addListener((observable, old, valid) -> toneOf(feedback));

        Label labelFeedback = wrapped(model.labelProblemProperty());
        labelFeedback.setId("label-feedback");
        labelFeedback.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(6);
        form.add(fieldLabel("_Number", number), 0, 0);
        form.add(fieldLabel("La_bel", label), 1, 0);
        form.add(number, 0, 1);
        form.add(label, 1, 1);
        form.add(add, 2, 1);
        form.add(labelFeedback, 1, 2, 2, 1);
        ColumnConstraints numberColumn = new ColumnConstraints();
        numberColumn.setHgrow(Priority.SOMETIMES);
        ColumnConstraints labelColumn = new ColumnConstraints();
        labelColumn.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(numberColumn, labelColumn, new ColumnConstraints());
        VBox card = Ui.card("ADD A PHONE", form, feedback);
        card.setMinHeight(Region.USE_PREF_SIZE);
        return card;
    }

    private String numberFeedback() {
        if (!model.numberProblemProperty().get().isEmpty()) {
            return model.numberProblemProperty().get();
        }
        if (!model.numberInternationalProperty().get().isEmpty()) {
            return "International: " + model.numberInternationalProperty().get()
                    + "    National: " + model.numberNationalProperty().get();
        }
        return model.numberHintProperty().get();
    }

    private void toneOf(Label feedback) {
        feedback.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (!model.numberProblemProperty().get().isEmpty()) {
            feedback.getStyleClass().add(Styles.DANGER);
        } else if (model.numberValidProperty().get()) {
            feedback.getStyleClass().add(Styles.SUCCESS);
        }
    }

    private VBox tableCard() {
        table = new TableView<>(model.phones());
        table.setId("phones-table");
        table.setPlaceholder(Ui.emptyState("No phones yet — add one above."));
        // All columns share a change of width, so they grow back after the window was narrow.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column("Number", 150, 150, PhoneRow::international));
        table.getColumns().add(column("Label", 80, 120, PhoneRow::label));
        TableColumn<PhoneRow, String> state = column("State", 100, 110, PhoneRow::state);
        state.setCellFactory(column -> new StateCell());
        table.getColumns().add(state);
        table.getColumns().add(column("Accounts", 80, 120, PhoneRow::accountsText));

        table.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> model.selectedProperty().set(row));
        model.selectedProperty().addListener((observable, old, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE && model.selectedProperty().get() != null) {
                didClickRemove();
            }
        });

        ScrollPane scroll = Ui.scrollable(table);
        VBox card = Ui.card("PHONES", scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.setMinWidth(TABLE_MIN_WIDTH);
        return card;
    }

    private static TableColumn<PhoneRow, String> column(String title, double minWidth, double width,
                                                        Function<PhoneRow, String> value) {
        TableColumn<PhoneRow, String> column = new TableColumn<>(title);
        column.setMinWidth(minWidth);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private VBox detailCard() {
        Label number = new Label();
        number.getStyleClass().add(Styles.TITLE_4);
        number.textProperty().bind(selectedText(PhoneRow::international));
        Label label = new Label();
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.textProperty().bind(selectedText(PhoneRow::label));
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        Label accounts = wrapped(selectedText(row -> row.accounts().isEmpty()
                ? "No storage accounts yet: grant some on the Access screen."
                : "May use " + String.join(", ", row.accounts()) + "."));
        accounts.setId("phone-accounts");
        accounts.setGraphic(new FontIcon(Feather.DATABASE));
        Label codeState = wrapped(verification.codeStateProperty());
        codeState.setId("code-state");

        Button send = Ui.button("Send _code", Feather.SEND, verification::sendCode);
        send.setId("send-code");
        send.textProperty().bind(Bindings.createStringBinding(
                () -> verification.sendLabelProperty().get().replace("code", "_code"), verification.sendLabelProperty()));
        send.disableProperty().bind(verification.sendAllowedProperty().not());
        send.setMaxWidth(Double.MAX_VALUE);
        // A long cooldown such as "Send again tomorrow at 09:15:02" wraps in a narrow panel instead of being cut.
        send.setWrapText(true);
        send.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(send, Priority.ALWAYS);
        HBox sendRow = new HBox(8, send, spinner(verification.sendingProperty()));
        sendRow.setAlignment(Pos.CENTER_LEFT);

        TextField code = new TextField();
        code.setId("code");
        code.setPromptText("6 digits");
        code.setPrefColumnCount(7);
        // Keep digits only, so a pasted "123-456" or "123 456" becomes the 6 digits the core expects.
        code.setTextFormatter(new TextFormatter<String>(change -> {
            String digits = change.getControlNewText().replaceAll("\\D", "");
            if (digits.length() > 6) {
                return null;
            }
            if (!digits.equals(change.getControlNewText())) {
                change.setText(change.getText().replaceAll("\\D", ""));
            }
            return change;
        }));
        code.textProperty().bindBidirectional(verification.codeProperty());
        Button verify = Ui.button("_Verify", Feather.CHECK, verification::verify);
        verify.setId("verify-code");
        verify.setMinWidth(Region.USE_PREF_SIZE);
        verify.disableProperty().bind(verification.verifyAllowedProperty().not());
        code.setOnAction(event -> {
            if (verification.verifyAllowedProperty().get()) {
                verification.verify();
            }
        });
        // After a code went out, the next step is typing the code the texter reads back.
        verification.sendingProperty().addListener((observable, wasSending, sending) -> {
            if (!sending && verification.outcomeToneProperty().get() == VerificationViewModel.Tone.SUCCESS) {
                code.requestFocus();
            }
        });
        HBox.setHgrow(code, Priority.ALWAYS);
        HBox codeRow = new HBox(8, code, verify, spinner(verification.checkingProperty()));
        codeRow.setAlignment(Pos.CENTER_LEFT);

        Label outcome = wrapped(verification.outcomeProperty());
        outcome.setId("code-outcome");
        verification.outcomeToneProperty().addListener((observable, old, tone) -> {
            outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            switch (tone) {
                case SUCCESS -> outcome.getStyleClass().add(Styles.SUCCESS);
                case WARNING -> outcome.getStyleClass().add(Styles.WARNING);
                case DANGER -> outcome.getStyleClass().add(Styles.DANGER);
                default -> { }
            }
        });
        Label hint = wrapped(verification.simulatorHintProperty());
        hint.setId("simulator-hint");
        hint.setGraphic(new FontIcon(Feather.INFO));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);

        VBox codeSection = new VBox(8, sendRow, fieldLabel("Cod_e the texter reads back", code), codeRow, outcome, hint);
        BooleanBinding pending = Bindings.createBooleanBinding(
                () -> verification.phoneProperty().get() != null && verification.phoneProperty().get().pending(),
                verification.phoneProperty());
        codeSection.visibleProperty().bind(pending);
        codeSection.managedProperty().bind(pending);

        Button remove = Ui.button("_Remove phone", Feather.TRASH_2, this::didClickRemove);
        remove.setId("remove-phone");
        remove.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.visibleProperty().bind(model.selectedProperty().isNotNull());
        remove.managedProperty().bind(remove.visibleProperty());

        VBox details = new VBox(10, new VBox(2, number, label), accounts, codeState, codeSection);
        details.visibleProperty().bind(model.selectedProperty().isNotNull());
        // Room for the focus ring of the full-width Send code button, which the scroll pane would clip.
        details.setPadding(new Insets(FOCUS_RING, FOCUS_RING + 2, FOCUS_RING, FOCUS_RING));
        Label none = Ui.emptyState("Select a phone to send it a code, check the code, or remove it.");
        none.setTextAlignment(TextAlignment.CENTER);
        none.visibleProperty().bind(model.selectedProperty().isNull());
        StackPane content = new StackPane(none, details);
        StackPane.setAlignment(none, Pos.CENTER);
        StackPane.setAlignment(details, Pos.TOP_LEFT);
        // In a short or narrow window the details scroll, and the Remove button stays below them in view.
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        // Not fit to height: the scroll pane would size the content by its minimum height, which it underestimates
        // for wrapped text, and cut off the last lines. The content fills the viewport through its minimum height.
        content.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getHeight(), scroll.viewportBoundsProperty()));
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        VBox card = Ui.card("SELECTED PHONE", scroll, remove);
        card.setPrefWidth(DETAIL_WIDTH);
        card.setMinWidth(DETAIL_MIN_WIDTH);
        return card;
    }

    private void didClickRemove() {
        PhoneRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        String question = "Remove " + row.international() + "? " + PhonesViewModel.removalConsequence(row);
        if (Ui.confirm(table, "Remove phone", question, "Remove")) {
            model.remove(row);
        }
    }

    private ObservableValue<String> selectedText(Function<PhoneRow, String> value) {
        return Bindings.createStringBinding(() -> {
            PhoneRow row = model.selectedProperty().get();
            return row == null ? "" : value.apply(row);
        }, model.selectedProperty());
    }

    /** Gives a field the theme's red border while it has a problem. */
    private static void markInvalid(Node field, ReadOnlyStringProperty problem) {
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !problem.get().isEmpty());
        problem.addListener((observable, old, text) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !text.isEmpty()));
    }

    private static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    private static Label wrapped(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    private static ProgressIndicator spinner(ObservableValue<Boolean> running) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(running.getValue()), running));
        spinner.managedProperty().bind(spinner.visibleProperty());
        return spinner;
    }
}
