package dev.textdrive.gui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** The small kit every screen is built from, so screens share spacing, headers and empty states. */
public final class Ui {

    /** The space between blocks of a screen, in pixels. */
    public static final double GAP = 16;

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

    /** Returns a region that grows to push the nodes after it to the right of an HBox. */
    public static Region spacer() {
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
