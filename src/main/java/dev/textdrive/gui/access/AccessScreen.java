package dev.textdrive.gui.access;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.BuiltOnceScreen;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import dev.textdrive.gui.access.AccessViewModel.Choice;
import dev.textdrive.gui.access.AccessViewModel.Perspective;
import dev.textdrive.gui.access.AccessViewModel.Subject;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Access: which phones may use which storage accounts, granted and revoked from either side. */
public final class AccessScreen extends BuiltOnceScreen {

    private static final double SUBJECTS_WIDTH = 300;

    private final AccessViewModel model;
    private final VBox choiceBoxes = new VBox(4);
    private final List<String> choiceKeys = new ArrayList<>();

    public AccessScreen(Services services, Background background, StatusReporter status) {
        super("_Access", Feather.KEY);
        this.model = new AccessViewModel(services::app, background, status);
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
        HBox lists = new HBox(Ui.GAP, subjectsCard(), choicesCard());
        lists.visibleProperty().bind(model.emptyMessageProperty().isEmpty());
        Label empty = Ui.emptyState("");
        empty.setId("access-empty");
        FontIcon key = new FontIcon(Feather.KEY);
        // Appended to the icon's own inline style, which sets its font. The theme's stylesheet would override a
        // size set with setIconSize.
        key.setStyle(key.getStyle() + "-fx-icon-size: 32px;");
        empty.setGraphic(key);
        empty.setContentDisplay(ContentDisplay.TOP);
        empty.setGraphicTextGap(12);
        empty.textProperty().bind(model.emptyMessageProperty());
        empty.visibleProperty().bind(model.emptyMessageProperty().isNotEmpty());
        StackPane content = new StackPane(lists, empty);
        StackPane.setAlignment(empty, Pos.CENTER);

        HBox toggle = perspectiveToggle();
        toggle.visibleProperty().bind(model.emptyMessageProperty().isEmpty());
        toggle.managedProperty().bind(toggle.visibleProperty());
        return Ui.page("Access", "Which phones may use which storage accounts.", toggle, content);
    }

    private HBox perspectiveToggle() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton byPhone = toggle("By p_hone", Feather.SMARTPHONE, Perspective.BY_PHONE, group);
        byPhone.setId("by-phone");
        byPhone.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton byAccount = toggle("By acco_unt", Feather.DATABASE, Perspective.BY_ACCOUNT, group);
        byAccount.setId("by-account");
        byAccount.getStyleClass().add(Styles.RIGHT_PILL);
        group.selectToggle(byPhone);
        group.selectedToggleProperty().addListener((observable, old, selected) -> {
            if (selected == null) {
                // Keep one perspective selected: a second click on the current one must not clear it.
                old.setSelected(true);
                return;
            }
            model.perspectiveProperty().set((Perspective) selected.getUserData());
        });
        HBox toggle = new HBox(byPhone, byAccount);
        toggle.setAlignment(Pos.CENTER_LEFT);
        return toggle;
    }

    private static ToggleButton toggle(String text, Feather icon, Perspective perspective, ToggleGroup group) {
        ToggleButton button = new ToggleButton(text, new FontIcon(icon));
        button.setMnemonicParsing(true);
        button.setUserData(perspective);
        button.setToggleGroup(group);
        return button;
    }

    private VBox subjectsCard() {
        ListView<Subject> list = new ListView<>(model.subjects());
        list.setId("access-subjects");
        list.setCellFactory(view -> new SubjectCell());
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, subject) -> model.select(subject));
        // A reload replaces the items and so clears the list's selection, which the model's selection restores.
        model.selectedProperty().addListener((observable, old, subject) -> list.getSelectionModel().select(subject));
        model.subjects().addListener((ListChangeListener<Subject>) change -> list.getSelectionModel().select(model.selectedProperty().get()));

        VBox card = Ui.card("", list);
        heading(card).textProperty().bind(Bindings.createStringBinding(
                () -> model.perspectiveProperty().get() == Perspective.BY_PHONE ? "PHONES" : "STORAGE ACCOUNTS",
                model.perspectiveProperty()));
        VBox.setVgrow(list, Priority.ALWAYS);
        card.setPrefWidth(SUBJECTS_WIDTH);
        card.setMinWidth(SUBJECTS_WIDTH);
        return card;
    }

    private VBox choicesCard() {
        Label title = new Label();
        title.setId("access-choices-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(model.choicesTitleProperty());
        title.setWrapText(true);
        Label note = new Label("A change applies from the texter's next command.");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);

        choiceBoxes.setId("access-choices");
        choiceBoxes.setPadding(new Insets(4, 2, 4, 2));
        model.choices().addListener((ListChangeListener<Choice>) change -> showChoices());
        ScrollPane scroll = new ScrollPane(choiceBoxes);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        ProgressIndicator applying = new ProgressIndicator();
        applying.setPrefSize(18, 18);
        applying.visibleProperty().bind(model.applyingProperty());
        HBox heading = new HBox(8, title, Ui.spacer(), applying);
        heading.setAlignment(Pos.CENTER_LEFT);

        VBox card = Ui.card("ACCESS", new VBox(2, heading, note), scroll);
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }

    /**
     * Shows the choices as check boxes. When only the checks changed, after a grant or revoke, the boxes are
     * updated in place so keyboard focus stays on the box the operator toggled.
     */
    private void showChoices() {
        List<String> keys = model.choices().stream().map(Choice::key).toList();
        if (keys.equals(choiceKeys)) {
            for (int i = 0; i < keys.size(); i++) {
                VBox row = (VBox) choiceBoxes.getChildren().get(i);
                Choice choice = model.choices().get(i);
                ((CheckBox) row.getChildren().get(0)).setSelected(choice.granted());
                row.setUserData(choice);
            }
            return;
        }
        choiceKeys.clear();
        choiceKeys.addAll(keys);
        choiceBoxes.getChildren().setAll(model.choices().stream().map(this::choiceRow).toList());
    }

    private VBox choiceRow(Choice choice) {
        CheckBox box = new CheckBox(choice.title());
        box.setSelected(choice.granted());
        box.setMnemonicParsing(false);
        Label detail = new Label(choice.detail());
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        detail.setPadding(new Insets(0, 0, 0, 26));
        VBox row = new VBox(2, box, detail);
        row.setPadding(new Insets(6, 8, 6, 8));
        row.setUserData(choice);
        box.setOnAction(event -> model.setGranted((Choice) row.getUserData(), box.isSelected()));
        return row;
    }

    private static Label heading(VBox card) {
        return (Label) card.getChildren().get(0);
    }

    /** A phone or an account: its title over a muted line of detail, which wraps in a narrow list. */
    private static final class SubjectCell extends ListCell<Subject> {

        SubjectCell() {
            // Without a zero preferred width a long detail would widen the cell and give the list a horizontal scroll bar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Subject subject, boolean empty) {
            super.updateItem(subject, empty);
            if (empty || subject == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label title = new Label(subject.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            Label detail = new Label(subject.detail());
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            detail.setWrapText(true);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            VBox lines = new VBox(2, title, detail);
            lines.setPadding(new Insets(4, 2, 4, 2));
            setText(null);
            setGraphic(lines);
        }
    }
}
