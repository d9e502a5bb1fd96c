package dev.textdrive.gui.phones;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The table's state column: the state in words with an icon and a colour. */
final class StateCell extends TableCell<PhoneRow, String> {

    @Override
    protected void updateItem(String state, boolean empty) {
        super.updateItem(state, empty);
        setText(null);
        if (empty || state == null) {
            setGraphic(null);
            return;
        }
        Label label = switch (state) {
            case "verified" -> stateLabel(state, Feather.CHECK_CIRCLE, Styles.SUCCESS);
            case "opted out" -> stateLabel(state, Feather.SLASH, Styles.DANGER);
            default -> stateLabel(state, Feather.CLOCK, Styles.WARNING);
        };
        setGraphic(label);
    }

    private static Label stateLabel(String state, Feather icon, String style) {
        Label label = new Label(state, new FontIcon(icon));
        label.getStyleClass().add(style);
        return label;
    }
}
