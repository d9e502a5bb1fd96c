package dev.textdrive.gui.chat;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** The content of an empty list or table: a muted icon above a short, centred text. */
public final class Placeholder {

    private static final double TEXT_WIDTH = 320;

    private Placeholder() {
    }

    public static VBox of(Ikon icon, String text) {
        Label label = label();
        label.setText(text);
        return box(icon, label);
    }

    /** Returns a placeholder whose text follows {@code text}. */
    public static VBox of(Ikon icon, ObservableValue<String> text) {
        Label label = label();
        label.textProperty().bind(text);
        return box(icon, label);
    }

    private static Label label() {
        Label label = new Label();
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setMaxWidth(TEXT_WIDTH);
        return label;
    }

    private static VBox box(Ikon icon, Label label) {
        FontIcon graphic = new FontIcon(icon);
        graphic.setIconSize(28);
        graphic.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(10, graphic, label);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(TEXT_WIDTH);
        box.getStyleClass().add("td-placeholder");
        return box;
    }
}
