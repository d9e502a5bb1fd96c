package dev.textdrive.gui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The small kit every screen is built from, so screens share spacing, headers and empty states. */
public final class Ui {

    /** The space between blocks of a screen, in pixels. */
    public static final double GAP = 16;

    /** The width a table needs beside its columns: its border and its vertical scroll bar, in pixels. */
    private static final double TABLE_CHROME = 18;

    private Ui() {
    }

    /** Returns a screen's layout: a title, a one-line explanation, then the content, which takes the rest. */
    public static VBox page(String title, String subtitle, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        Label explanation = new Label(subtitle);
        explanation.getStyleClass().add(Styles.TEXT_MUTED);
        explanation.setWrapText(true);
        VBox page = new VBox(GAP, new VBox(4, heading, explanation));
        page.getChildren().addAll(content);
        page.setPadding(new Insets(24));
        page.setFillWidth(true);
        if (content.length > 0) {
            VBox.setVgrow(content[content.length - 1], Priority.ALWAYS);
        }
        return page;
    }

    /** Returns a bordered card with a small title. */
    public static VBox card(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox card = new VBox(8, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("td-card");
        card.setPadding(new Insets(14, 16, 14, 16));
        return card;
    }

    /** Returns a button that shows only an icon, with a tooltip that says what it does. */
    public static Button iconButton(Ikon icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        button.setAccessibleText(tooltip);
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Returns a button with an icon and a label, which may carry a mnemonic such as "_Add". */
    public static Button button(String label, Ikon icon, Runnable action) {
        Button button = new Button(label, new FontIcon(icon));
        button.setMnemonicParsing(true);
        button.setOnAction(event -> action.run());
        return button;
    }

    /** Returns the text shown in an empty table or list, such as "No phones yet — add one". */
    public static Label emptyState(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    /**
     * Returns the table in a scroll pane that scrolls sideways once the table is narrower than its columns' minimum
     * widths. A constrained column resize policy hides the table's own horizontal scroll bar, so without this a
     * narrow window would cut off the last columns. Call it after adding the columns.
     */
    public static ScrollPane scrollable(TableView<?> table) {
        double columns = table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
        table.setMinWidth(columns + TABLE_CHROME);
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "td-table-scroll");
        return scroll;
    }

    /**
     * Asks the operator to confirm an action that cannot be undone, in the app's warning style. Cancel is the
     * default button, so Enter does not confirm by accident.
     *
     * @param owner a node of the window the dialog belongs to
     * @param title the window title and the heading, such as "Remove phone"
     * @param question what the action does, such as "Remove +1 201-555-0123? It loses access to Photos."
     * @param action the label of the confirming button, such as "Remove"
     * @return whether the operator chose the action
     */
    public static boolean confirm(Node owner, String title, String question, String action) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        FontIcon warning = new FontIcon(Feather.ALERT_TRIANGLE);
        warning.setIconSize(28);
        warning.getStyleClass().add(Styles.DANGER);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label(question);
        text.setId("confirm-question");
        text.setWrapText(true);
        text.setPrefWidth(400);
        HBox content = new HBox(16, warning, new VBox(8, heading, text));
        content.setPadding(new Insets(20, 24, 8, 20));
        dialog.getDialogPane().setContent(content);

        ButtonType agree = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(agree, ButtonType.CANCEL);
        Button agreeButton = (Button) dialog.getDialogPane().lookupButton(agree);
        agreeButton.getStyleClass().add(Styles.DANGER);
        // Cancel is the default button, so Enter does not carry out the change by accident.
        agreeButton.setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == agree;
    }

    /** Returns a region that grows to push the nodes after it to the right of an HBox. */
    public static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
