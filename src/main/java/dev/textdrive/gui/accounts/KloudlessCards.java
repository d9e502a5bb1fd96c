package dev.textdrive.gui.accounts;

import atlantafx.base.theme.Styles;
import dev.textdrive.gui.Ui;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The cards of the accounts screen for linking a Kloudless account in the browser: the wait for the sign-in,
 * and the note shown when the app ID and API key are not set.
 */
final class KloudlessCards {

    static final String WAITING_TITLE = "Finish signing in in your browser…";

    private KloudlessCards() {
    }

    /** Returns the card shown while the screen waits for the browser sign-in, with a Cancel that stops waiting. */
    static VBox waiting(KloudlessViewModel model, Runnable copyLink) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(28, 28);
        progress.setMinSize(28, 28);
        Label title = new Label(WAITING_TITLE);
        title.setId("kloudless-waiting");
        title.getStyleClass().add(Styles.TITLE_4);
        Label explanation = new Label();
        explanation.textProperty().bind(model.waitingTextProperty());
        explanation.setWrapText(true);
        // The page gives the list all the height it can, which would cut a wrapped explanation to one line.
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        explanation.getStyleClass().add(Styles.TEXT_MUTED);
        HBox top = new HBox(12, progress, title);
        top.setAlignment(Pos.CENTER_LEFT);

        Button reopen = Ui.button("Re_open the page", Feather.EXTERNAL_LINK, model::openAgain);
        reopen.setId("kloudless-reopen");
        reopen.setTooltip(new Tooltip("Open the Kloudless sign-in page in the browser again"));
        Button copy = Ui.button("Cop_y link", Feather.COPY, copyLink);
        copy.setId("kloudless-copy-link");
        copy.setTooltip(new Tooltip("Copy the sign-in link, to open it in a browser yourself"));
        Button cancel = Ui.button("Cancel", Feather.X, model::cancel);
        cancel.setId("kloudless-cancel");
        cancel.setTooltip(new Tooltip("Stop waiting; a sign-in finished later still links the account"));
        HBox buttons = new HBox(8, reopen, copy, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // The explanation sits below the title, not beside it, because a label wraps only where its box sets the width.
        VBox card = Ui.card("LINK A KLOUDLESS ACCOUNT", top, explanation, buttons);
        card.setId("kloudless-waiting-card");
        showWhile(card, model.waitingProperty());
        return card;
    }

    /** Returns the note shown when linking in the browser needs the app ID and API key, with the ways forward. */
    static VBox setupNeeded(KloudlessViewModel model, Runnable openSettings, Runnable addWithToken) {
        FontIcon icon = new FontIcon(Feather.INFO);
        icon.setIconSize(22);
        Label text = new Label(KloudlessViewModel.SETUP_NEEDED, icon);
        text.setId("kloudless-setup-needed");
        text.setWrapText(true);
        text.setGraphicTextGap(12);
        text.setMinHeight(Region.USE_PREF_SIZE);

        Button settings = Ui.button("Open Settings", Feather.SETTINGS, () -> {
            model.dismissSetup();
            openSettings.run();
        });
        settings.setId("kloudless-open-settings");
        settings.getStyleClass().add(Styles.ACCENT);
        Button token = Ui.button("Add with a token…", Feather.KEY, addWithToken);
        token.setId("kloudless-setup-token");
        Button close = Ui.button("Close", Feather.X, model::dismissSetup);
        HBox buttons = new HBox(8, settings, token, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox card = Ui.card("LINK A KLOUDLESS ACCOUNT", text, buttons);
        showWhile(card, model.setupNeededProperty());
        model.setupNeededProperty().addListener((observable, old, shown) -> {
            if (shown) {
                settings.requestFocus();
            }
        });
        return card;
    }

    private static void showWhile(VBox card, ObservableBooleanValue condition) {
        card.visibleProperty().bind(condition);
        card.managedProperty().bind(condition);
    }
}
