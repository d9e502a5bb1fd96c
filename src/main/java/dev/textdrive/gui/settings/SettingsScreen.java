package dev.textdrive.gui.settings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.textdrive.gui.Background;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.gui.BuiltOnceScreen;
import dev.textdrive.gui.SecretField;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Settings: the configuration file's main keys, checked as typed, saved atomically, applied by a restart. */
public final class SettingsScreen extends BuiltOnceScreen {

    private static final double LABEL_WIDTH = 170;
    /** Field widths, in pixels: short values, identifiers and numbers, and URLs. */
    private static final double NARROW = 160;
    private static final double MEDIUM = 440;
    private static final double WIDE = 640;

    private final SettingsViewModel model;
    private final Services services;
    private final List<SecretField> secrets = new ArrayList<>();

    public SettingsScreen(Services services, Background background, StatusReporter status) {
        super("Se_ttings", Feather.SETTINGS);
        this.services = services;
        this.model = new SettingsViewModel(services, background, status);
    }

    @Override
    public void shown() {
        // Secrets go back to bullets whenever the screen is opened again.
        secrets.forEach(SecretField::hide);
        model.shown();
    }

    @Override
    protected Node build() {
        VBox cards = new VBox(Ui.GAP, serverCard(), twilioCard(), messagesCard(), sendCard(), kloudlessCard());
        cards.setPadding(new Insets(0, 4, 4, 0));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // A ScrollPane does not follow the focus, so tabbing to a field below the fold would hide it.
        scroll.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null && old == null) {
                scene.focusOwnerProperty().addListener((focus, previous, owner) -> {
                    if (owner != null && isInside(owner, cards)) {
                        scrollTo(scroll, owner);
                    }
                });
            }
        });

        HBox actions = actions();
        VBox page = Ui.page("Settings", "Saved to " + services.configFile()
                + ". Saving a change restarts the server, which takes a moment.", scroll, actions);
        VBox.setVgrow(actions, Priority.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return page;
    }

    private VBox serverCard() {
        GridPane grid = grid();
        addTextRow(grid, 0, "Public _URL", model.publicUrl(), "settings-public-url", "https://textdrive.example.com",
                WIDE,
                "The base URL that Twilio calls and that download links start with, such as your tunnel or reverse "
                        + "proxy. Empty: this machine's address.");
        return Ui.card("SERVER", grid);
    }

    private VBox twilioCard() {
        Label mode = new Label();
        mode.setWrapText(true);
        mode.graphicProperty().bind(Bindings.when(model.simulatorModeProperty())
                .then((Node) new FontIcon(Feather.MONITOR)).otherwise(new FontIcon(Feather.SEND)));
        mode.textProperty().bind(Bindings.when(model.simulatorModeProperty())
                .then("Simulator mode: the three fields are empty, so replies stay in the Simulator and nothing is sent.")
                .otherwise("Twilio mode: replies are sent from your Twilio number. Empty all three fields for "
                        + "simulator mode."));
        mode.getStyleClass().add(Styles.TEXT_SMALL);

        GridPane grid = grid();
        addTextRow(grid, 0, "Account S_ID", model.accountSid(), "settings-account-sid", "AC followed by 32 hex digits",
                MEDIUM, "From the Twilio Console.");
        addTokenRow(grid, 1);
        addTextRow(grid, 2, "Twilio _number", model.twilioNumber(), "settings-twilio-number", "+14155550123", MEDIUM,
                "The number texters write to, in E.164 form.");
        return Ui.card("TWILIO", mode, grid);
    }

    private VBox messagesCard() {
        GridPane grid = grid();
        addTextRow(grid, 0, "Link e_xpiry", model.linkExpiry(), "settings-link-expiry", "24h", NARROW,
                "How long a download link works: a number followed by s, m, h or d, from 1m to 30d.");
        addTextRow(grid, 1, "Reply segment _budget", model.segmentBudget(), "settings-segment-budget", "2", NARROW,
                "The maximum number of SMS segments in one reply, 1 to 10. Long listings are paged.");
        addTextRow(grid, 2, "Default re_gion", model.defaultRegion(), "settings-default-region", "US", NARROW,
                "The region code used to read numbers written without +, such as US or GB.");
        return Ui.card("MESSAGES", grid);
    }

    private VBox sendCard() {
        GridPane grid = grid();
        addTextRow(grid, 0, "Send dail_y limit", model.dailyLimit(), "settings-daily-limit", "20", NARROW,
                "The maximum number of send messages one phone may cause in 24 hours. 0 turns send off.");
        addTextRow(grid, 1, "Allowed _countries", model.allowedCountries(), "settings-allowed-countries", "US, CA",
                MEDIUM, "Region codes that send may text, separated by commas. Empty: the default region.");
        return Ui.card("SEND COMMAND", grid);
    }

    private VBox kloudlessCard() {
        Label mode = new Label();
        mode.setWrapText(true);
        mode.graphicProperty().bind(Bindings.when(model.kloudlessOauthReadyProperty())
                .then((Node) new FontIcon(Feather.CHECK_CIRCLE)).otherwise(new FontIcon(Feather.INFO)));
        mode.textProperty().bind(Bindings.when(model.kloudlessOauthReadyProperty())
                .then("Accounts can be linked in the browser: choose Add account, then Kloudless, on the Storage "
                        + "accounts screen.")
                .otherwise("Set the app ID and API key of your Kloudless app to link accounts in the browser. "
                        + "Without them, accounts can still be added with a token."));
        mode.getStyleClass().add(Styles.TEXT_SMALL);

        GridPane grid = grid();
        addTextRow(grid, 0, "App ID", model.kloudlessAppId(), "settings-kloudless-app-id", "The OAuth client ID",
                MEDIUM, "The ID of your Kloudless app, used as the OAuth client ID.");
        SecretField apiKey = secretField(model.kloudlessApiKey(), "settings-kloudless-api-key", "settings-show-api-key",
                "the API key");
        addRow(grid, 1, "API k_ey", apiKey, model.kloudlessApiKey(),
                "Your Kloudless app's API key, used as the OAuth client secret.", apiKey.inputs());
        addTextRow(grid, 2, "Base URL", model.kloudlessBaseUrl(), "settings-kloudless-base-url",
                ConfigLoader.DEFAULT_KLOUDLESS_BASE_URL, WIDE, "The Kloudless API server, such as a Kloudless "
                        + "Enterprise appliance. Empty: " + ConfigLoader.DEFAULT_KLOUDLESS_BASE_URL + ".");

        TextField redirect = new TextField();
        redirect.setId("settings-kloudless-redirect-uri");
        redirect.setEditable(false);
        redirect.setFocusTraversable(false);
        redirect.textProperty().bind(model.kloudlessRedirectUriProperty());
        redirect.setMaxWidth(WIDE);
        Label redirectLabel = new Label("Redirect URI");
        redirectLabel.setPadding(new Insets(6, 0, 0, 0));
        GridPane.setValignment(redirectLabel, VPos.TOP);
        Label redirectHint = new Label("Allow this URL as a redirect URI in your Kloudless app. It points to the "
                + "server on this computer, so sign in with a browser on this computer.");
        redirectHint.setWrapText(true);
        redirectHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        grid.add(redirectLabel, 0, 3);
        grid.add(new VBox(4, redirect, redirectHint), 1, 3);
        return Ui.card("KLOUDLESS", mode, grid);
    }

    private HBox actions() {
        Button save = Ui.button("Sa_ve", Feather.SAVE, model::save);
        save.setId("save-settings");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.canSaveProperty().not());
        Button revert = Ui.button("_Revert", Feather.ROTATE_CCW, model::revert);
        revert.setId("revert-settings");
        revert.setTooltip(new Tooltip("Put back the settings in use"));
        revert.disableProperty().bind(model.changedProperty().not().or(model.savingProperty()));

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.savingProperty());
        progress.managedProperty().bind(model.savingProperty());
        Label state = new Label();
        state.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        state.textProperty().bind(Bindings.when(model.savingProperty()).then("Saving and restarting the server…")
                .otherwise(Bindings.when(model.validProperty().not()).then("Fix the fields marked in red to save.")
                        .otherwise(Bindings.when(model.changedProperty()).then("Unsaved changes").otherwise(""))));

        HBox bar = new HBox(8, save, revert, progress, state);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Adds the auth token: masked by default, with a toggle that shows it as plain text. */
    private void addTokenRow(GridPane grid, int row) {
        SecretField token = secretField(model.authToken(), "settings-auth-token", "settings-show-token", "the auth token");
        addRow(grid, row, "Auth t_oken", token, model.authToken(),
                "From the Twilio Console. It also checks that webhooks come from Twilio.", token.inputs());
    }

    /** Returns a masked field bound to a setting, which goes back to bullets when the screen is shown again. */
    private SecretField secretField(SettingsViewModel.Field field, String id, String toggleId, String noun) {
        SecretField secret = new SecretField(id, toggleId, noun);
        secret.textProperty().bindBidirectional(field.textProperty());
        secret.setMaxWidth(MEDIUM + 36);
        secrets.add(secret);
        return secret;
    }

    private static void addTextRow(GridPane grid, int row, String label, SettingsViewModel.Field field, String id,
                                   String prompt, double width, String help) {
        TextField text = textField(field, id, prompt);
        text.setMaxWidth(width);
        addRow(grid, row, label, text, field, help, List.of(text));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Scrolls just enough to show a node with a margin around it. */
    private static void scrollTo(ScrollPane scroll, Node node) {
        double margin = 48;
        Node content = scroll.getContent();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewportHeight = scroll.getViewportBounds().getHeight();
        double scrollable = contentHeight - viewportHeight;
        if (scrollable <= 0) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * scrollable;
        if (bounds.getMinY() - margin < top) {
            scroll.setVvalue(Math.max(0, bounds.getMinY() - margin) / scrollable);
        } else if (bounds.getMaxY() + margin > top + viewportHeight) {
            scroll.setVvalue(Math.min(scrollable, bounds.getMaxY() + margin - viewportHeight) / scrollable);
        }
    }

    private static TextField textField(SettingsViewModel.Field field, String id, String prompt) {
        TextField text = new TextField();
        text.setId(id);
        text.setPromptText(prompt);
        text.textProperty().bindBidirectional(field.textProperty());
        return text;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(12);
        ColumnConstraints labels = new ColumnConstraints(LABEL_WIDTH);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /**
     * Adds a labelled control with its problem, shown in red while there is one, and a line of help under it.
     *
     * @param inputs the text fields inside {@code control}; the label's mnemonic focuses the first
     */
    private static void addRow(GridPane grid, int row, String label, Node control, SettingsViewModel.Field field,
                               String help, List<TextInputControl> inputs) {
        Label name = new Label(label);
        name.setMnemonicParsing(true);
        name.setLabelFor(inputs.get(0));
        name.setPadding(new Insets(6, 0, 0, 0));
        GridPane.setValignment(name, VPos.TOP);

        Label problem = new Label();
        problem.setId(field.key().replace('.', '-') + "-problem");
        problem.textProperty().bind(field.problemProperty());
        problem.setWrapText(true);
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.visibleProperty().bind(field.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label hint = new Label(help);
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        for (TextInputControl input : inputs) {
            input.pseudoClassStateChanged(Styles.STATE_DANGER, !field.problemProperty().get().isEmpty());
            field.problemProperty().addListener((observable, old, text) ->
                    input.pseudoClassStateChanged(Styles.STATE_DANGER, !text.isEmpty()));
        }
        VBox cell = new VBox(4, control, problem, hint);
        grid.add(name, 0, row);
        grid.add(cell, 1, row);
    }
}
