package dev.textdrive.gui;

import atlantafx.base.theme.Styles;
import dev.textdrive.config.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: starts the core and the embedded web server in the background, shows the main window,
 * and stops the server when the window closes.
 */
public final class DesktopApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(DesktopApp.class);
    private static final String WINDOW_KEY = "ui.window";
    private static final String THEME_KEY = "ui.theme";

    private static Services pending;
    private static String pendingFailure;
    private static Path pendingConfigFile;

    private Services services;
    private FxBackground background;

    /** Opens the window and blocks until it closes. */
    public static void launch(Config config, Path configFile, boolean embedded) {
        pending = new Services(config, configFile, embedded);
        pendingConfigFile = configFile;
        Application.launch(DesktopApp.class);
    }

    /** Opens a window that explains why TextDrive cannot start, such as an invalid configuration file. */
    public static void launchFailure(String message, Path configFile) {
        pendingFailure = message;
        pendingConfigFile = configFile;
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        new Theme(false, dark -> { }).applyInitial();
        if (pendingFailure != null) {
            stage.setTitle("TextDrive");
            showStartFailure(stage, pendingFailure + "\n\nFix the value in " + pendingConfigFile
                    + " and start TextDrive again.");
            stage.show();
            return;
        }
        services = Objects.requireNonNull(pending, "DesktopApp.launch sets the services");
        background = new FxBackground();

        stage.setTitle("TextDrive");
        stage.setWidth(WindowState.DEFAULT_WIDTH);
        stage.setHeight(WindowState.DEFAULT_HEIGHT);
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        ProgressIndicator progress = new ProgressIndicator();
        Label starting = new Label("Starting TextDrive...");
        VBox splash = new VBox(12, progress, starting);
        splash.setAlignment(Pos.CENTER);
        stage.setScene(new Scene(splash));
        stage.show();

        background.run("Starting the server", () -> {
            services.start();
            return null;
        }, ignored -> showMain(stage), error -> showStartFailure(stage, explain(error)));
    }

    private void showMain(Stage stage) {
        var settings = services.app().settings();
        Theme theme = new Theme("dark".equals(settings.get(THEME_KEY).orElse("light")),
                dark -> background.run("Saving the theme", () -> {
                    services.app().settings().put(THEME_KEY, dark ? "dark" : "light");
                    return null;
                }, ignored -> { }, error -> { }));
        theme.applyInitial();

        MainWindow window = new MainWindow(services, background, theme, getHostServices()::showDocument);
        Scene scene = new Scene(window.root());
        scene.getStylesheets().add(Objects.requireNonNull(
                DesktopApp.class.getResource("textdrive.css")).toExternalForm());
        stage.setScene(scene);
        WindowState.parse(settings.get(WINDOW_KEY).orElse(null)).ifPresent(state -> state.applyTo(stage));
        stage.setOnCloseRequest(event -> {
            String state = WindowState.of(stage).format();
            try {
                services.app().settings().put(WINDOW_KEY, state);
            } catch (RuntimeException e) {
                log.warn("The window position could not be saved.", e);
            }
        });
        log.info("Main window shown {} ms after the JVM started.",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        log.info("TextDrive is listening on {}; Twilio should call {}.", services.app().server().localUrl(),
                services.app().webhookUrl());
    }

    /** Returns the start failure in plain words, with the next step for the failures an operator can fix. */
    private String explain(Exception error) {
        String message = error.getMessage();
        if (!(error instanceof dev.textdrive.web.WebServerException) || !message.contains("already in use")) {
            return message;
        }
        Config config = services.config();
        String local = "http://127.0.0.1:" + config.server().port();
        if (answersHealth(local + "/health")) {
            return "TextDrive is already running on " + local + ". Use its window, or close it and start again.";
        }
        int suggested = config.server().port() == Config.DEFAULT_PORT ? Config.DEFAULT_PORT + 4 : config.server().port() + 1;
        return message + "\n\nTo use another port, put these lines in " + pendingConfigFile
                + " (create the file if it does not exist) and start TextDrive again:\n\nserver:\n  port: " + suggested;
    }

    private static boolean answersHealth(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1)).build()
                    .send(HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(2)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void showStartFailure(Stage stage, String text) {
        Label title = new Label("TextDrive could not start");
        title.getStyleClass().add(Styles.TITLE_3);
        Label message = new Label(text);
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button quit = new Button("_Quit");
        quit.setMnemonicParsing(true);
        quit.setDefaultButton(true);
        quit.setOnAction(event -> Platform.exit());
        VBox box = new VBox(12, title, message, quit);
        box.setPadding(new Insets(32));
        box.setAlignment(Pos.CENTER_LEFT);
        stage.setScene(new Scene(box));
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.sizeToScene();
        stage.centerOnScreen();
    }

    @Override
    public void stop() {
        if (background != null) {
            background.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
