package dev.textdrive.gui.accounts;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One account: its name, provider, location, phones, and whether its storage can be reached. A Kloudless
 * account whose token was rejected shows a warning with a button that links it again.
 */
final class AccountCell extends ListCell<AccountRow> {

    private final Consumer<AccountRow> relink;

    /** @param relink links an account again, for the button of an account whose token was rejected */
    AccountCell(Consumer<AccountRow> relink) {
        this.relink = relink;
    }

    @Override
    protected void updateItem(AccountRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        FontIcon icon = new FontIcon(row.kloudless() ? Feather.CLOUD : Feather.FOLDER);
        icon.setIconSize(22);
        icon.getStyleClass().add("td-account-icon");

        Label name = new Label(row.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label where = new Label(row.whereText());
        where.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        where.setTooltip(new Tooltip(row.whereText()));
        Label phones = new Label(row.phonesText(), new FontIcon(Feather.SMARTPHONE));
        phones.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox text = new VBox(2, name, where, phones);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        HBox graphic = new HBox(14, icon, text, state(row));
        graphic.setAlignment(Pos.CENTER_LEFT);
        graphic.setPadding(new Insets(6, 8, 6, 4));
        setText(null);
        setGraphic(graphic);
        setAccessibleText(row.name() + ", " + row.whereText() + ", " + stateText(row) + ", " + row.phonesText());
    }

    private VBox state(AccountRow row) {
        Label state = new Label(stateText(row), new FontIcon(row.reachable() ? Feather.CHECK_CIRCLE : Feather.ALERT_TRIANGLE));
        state.getStyleClass().addAll(Styles.TEXT_SMALL, row.reachable() ? Styles.SUCCESS : Styles.DANGER);
        state.setMinWidth(Label.USE_PREF_SIZE);
        state.setTooltip(new Tooltip(stateHelp(row)));
        VBox box = new VBox(6, state);
        box.setAlignment(Pos.CENTER_RIGHT);
        if (row.kloudless() && row.needsRelink()) {
            Button again = new Button("Link again…", new FontIcon(Feather.LINK));
            again.getStyleClass().add(Styles.SMALL);
            again.setTooltip(new Tooltip("Sign in to " + (row.detail().isEmpty() ? row.name() : row.detail())
                    + " again, or paste a new token"));
            again.setOnAction(event -> relink.accept(row));
            box.getChildren().add(again);
        }
        return box;
    }

    private static String stateText(AccountRow row) {
        if (row.reachable()) {
            return row.kloudless() ? "Linked" : "Reachable";
        }
        return row.needsRelink() ? "Must be linked again" : "Not reachable";
    }

    private static String stateHelp(AccountRow row) {
        if (row.kloudless()) {
            return row.needsRelink()
                    ? "Kloudless rejected the account's token: texters get an error until you link it again."
                    : "TextDrive has a token for this account. Kloudless checks it when a texter opens the account.";
        }
        return row.reachable()
                ? "The folder exists and TextDrive can read it."
                : "The folder is missing or TextDrive cannot read it: texters get an error until it is back.";
    }
}
