package dev.textdrive.gui;

import atlantafx.base.theme.Styles;
import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.gui.access.AccessScreen;
import dev.textdrive.gui.accounts.AccountsScreen;
import dev.textdrive.gui.chat.LinkFlow;
import dev.textdrive.gui.dashboard.DashboardScreen;
import dev.textdrive.gui.dashboard.DashboardViewModel;
import dev.textdrive.gui.phones.PhonesScreen;
import dev.textdrive.gui.sessions.SessionsScreen;
import dev.textdrive.gui.settings.SettingsScreen;
import dev.textdrive.gui.simulator.SimulatorScreen;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's content: navigation on the left, the selected screen, and a status line. */
public final class MainWindow implements StatusReporter {

    /** The theme button's label in the light theme: it switches to the dark one. */
    static final String DARK_THEME = "Dar_k theme";
    /** The theme button's label in the dark theme. Light has no k, so its mnemonic is Alt+I. */
    static final String LIGHT_THEME = "L_ight theme";

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Label statusText = new Label();
    private final ToggleGroup navigation = new ToggleGroup();
    private final List<Screen> screens;
    private final Theme theme;
    private final Button themeButton = new Button();
    private Screen current;

    /** Creates the window with links in messages copied to the clipboard when clicked. */
    public MainWindow(Services services, FxBackground background, Theme theme) {
        this(services, background, theme, null);
    }

    /**
     * @param linkOpener opens a URL clicked in a message, such as in the browser; the link is also copied, because
     *     an opener such as {@code HostServices.showDocument} reports no failure when no browser can be found. Null
     *     only copies it.
     */
    public MainWindow(Services services, FxBackground background, Theme theme, Consumer<String> linkOpener) {
        Consumer<String> opener = linkOpener != null
                ? LinkFlow.browserOpener(linkOpener, this)
                : LinkFlow.copyingOpener(this);
        this.theme = theme;
        this.screens = List.of(
                new DashboardScreen(new DashboardViewModel(services, background, this), this),
                new PhonesScreen(services, background, this),
                new AccountsScreen(services, background, this, opener, () -> show(SettingsScreen.class)),
                new AccessScreen(services, background, this),
                new SessionsScreen(services, background, this, opener),
                new SimulatorScreen(services, background, this, opener),
                new SettingsScreen(services, background, this));

        root.setLeft(sidebar());
        root.setCenter(content);
        root.setBottom(statusBar(background));
        root.getStyleClass().add("td-main");

        services.activity().subscribe(new EventBatcher(Platform::runLater, Duration.ofMillis(250), this::deliver));
        services.onRestart(() -> Platform.runLater(() -> {
            if (current != null) {
                current.shown();
            }
        }));
        show(screens.get(0));
        navigation.getToggles().get(0).setSelected(true);
    }

    public Parent root() {
        return root;
    }

    /** Shows a screen by its position in the navigation, for keyboard shortcuts and tests. */
    public void show(int index) {
        navigation.getToggles().get(index).setSelected(true);
    }

    /** Shows the screen of a type, such as the settings from a note on another screen. */
    private void show(Class<? extends Screen> type) {
        navigation.getToggles().stream().filter(toggle -> type.isInstance(toggle.getUserData())).findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
    }

    private VBox sidebar() {
        Label brand = new Label("TextDrive", new FontIcon(Feather.MESSAGE_CIRCLE));
        brand.getStyleClass().addAll(Styles.TITLE_3, "td-brand");
        VBox items = new VBox(4, brand);
        items.setPadding(new Insets(20, 12, 20, 12));
        for (Screen screen : screens) {
            ToggleButton item = new ToggleButton(screen.label(), new FontIcon(screen.icon()));
            item.setMnemonicParsing(true);
            item.setToggleGroup(navigation);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setAlignment(Pos.CENTER_LEFT);
            item.getStyleClass().addAll(Styles.FLAT, "td-nav");
            item.setUserData(screen);
            // A mnemonic such as Alt+P fires an action event on the item, which does not select a toggle button.
            item.addEventHandler(ActionEvent.ACTION, event -> item.setSelected(true));
            items.getChildren().add(item);
        }
        navigation.selectedToggleProperty().addListener((observable, old, selected) -> {
            if (selected == null) {
                // Keep one screen selected: a second click on the current item must not clear it.
                old.setSelected(true);
                return;
            }
            show((Screen) selected.getUserData());
        });

        VBox spacer = new VBox();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        themeButton.setId("theme-toggle");
        themeButton.setMnemonicParsing(true);
        themeButton.getStyleClass().addAll(Styles.FLAT, "td-nav");
        themeButton.setMaxWidth(Double.MAX_VALUE);
        themeButton.setAlignment(Pos.CENTER_LEFT);
        themeButton.setOnAction(event -> didClickTheme());
        labelThemeButton();
        items.getChildren().addAll(spacer, themeButton);
        items.getStyleClass().add("td-sidebar");
        items.setPrefWidth(210);
        return items;
    }

    private void didClickTheme() {
        theme.apply(!theme.dark());
        labelThemeButton();
        pruneMnemonics();
    }

    /** Names the theme the button switches to, so the label describes what a click does. */
    private void labelThemeButton() {
        boolean dark = theme.dark();
        themeButton.setText(dark ? LIGHT_THEME : DARK_THEME);
        themeButton.setGraphic(new FontIcon(dark ? Feather.SUN : Feather.MOON));
        themeButton.setTooltip(new Tooltip(dark ? "Switch to the light theme" : "Switch to the dark theme"));
    }

    private HBox statusBar(FxBackground background) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(14, 14);
        progress.visibleProperty().bind(background.busyProperty());
        Label activity = new Label();
        activity.textProperty().bind(background.activityProperty());
        activity.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        statusText.getStyleClass().add(Styles.TEXT_SMALL);
        statusText.setId("status-text");
        HBox bar = new HBox(8, statusText, Ui.spacer(), activity, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("td-status");
        return bar;
    }

    private void show(Screen screen) {
        current = screen;
        Node view = screen.view();
        content.getChildren().setAll(view);
        registerMnemonics(view);
        pruneMnemonics();
        screen.shown();
    }

    /**
     * Drops the scene's emptied mnemonic entries. The scene reads only the first entry whose key matches, so an
     * emptied Alt+'N' entry left behind by a screen or an old button label would hide a new Alt+'n'.
     */
    private void pruneMnemonics() {
        if (root.getScene() != null) {
            root.getScene().getMnemonics().values().removeIf(List::isEmpty);
        }
    }

    /**
     * Registers the mnemonics of a screen's labels again. In JavaFX 21.0.11 a label's mnemonic is dropped when
     * its screen leaves the scene. When the screen comes back, the label registers it again only if its target
     * was attached first, so Alt+letter would stop focusing fields from the second visit on. Setting the target
     * again makes the label's skin register the mnemonic.
     */
    private static void registerMnemonics(Node node) {
        if (node instanceof Label label && label.getLabelFor() != null) {
            Node target = label.getLabelFor();
            label.setLabelFor(null);
            label.setLabelFor(target);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(MainWindow::registerMnemonics);
        }
    }

    private void deliver(List<ActivityEvent> events) {
        if (current != null) {
            current.activity(events);
        }
    }

    @Override
    public void info(String message) {
        statusText.getStyleClass().remove(Styles.DANGER);
        statusText.setText(message);
    }

    @Override
    public void error(String message) {
        if (!statusText.getStyleClass().contains(Styles.DANGER)) {
            statusText.getStyleClass().add(Styles.DANGER);
        }
        statusText.setText(message);
    }

    /** Returns the text of the status line, for tests. */
    public String statusText() {
        return statusText.getText();
    }
}
