package dev.textdrive.gui;

import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real desktop window for TestFX tests: the core on a temporary config (simulator mode, its own
 * SQLite file, Jetty on a random loopback port) and the main window in the given stage.
 */
public final class GuiFixture implements AutoCloseable {

    private final Services services;
    private final FxBackground background = new FxBackground();
    private final MainWindow window;

    private GuiFixture(Services services, Stage stage, Consumer<String> linkOpener) {
        this.services = services;
        Theme theme = new Theme(false, dark -> { });
        theme.applyInitial();
        this.window = new MainWindow(services, background, theme, linkOpener);
        Scene scene = new Scene(window.root(), 1100, 720);
        scene.getStylesheets().add(Objects.requireNonNull(DesktopApp.class.getResource("textdrive.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /**
     * Starts the core in simulator mode and shows the main window; call from a TestFX {@code @Start} method.
     *
     * @param extraYaml more configuration, such as a send section
     */
    public static GuiFixture start(Path directory, Stage stage, String extraYaml) throws IOException {
        return start(directory, stage, extraYaml, null);
    }

    /**
     * Starts the core in simulator mode and shows the main window with a link opener of the test's own.
     *
     * @param linkOpener receives the URLs the window would open in the browser; null copies them instead
     */
    public static GuiFixture start(Path directory, Stage stage, String extraYaml, Consumer<String> linkOpener)
            throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "server:\n  host: 127.0.0.1\n  port: 0\n  public_url: https://textdrive.example.test\n"
                + "database:\n  path: " + directory.resolve("textdrive.db") + "\n"
                + "sms:\n  default_region: US\n" + extraYaml);
        Config config = new ConfigLoader(directory.resolve("data")).load(file);
        Services services = new Services(config, file, false);
        services.start();
        return new GuiFixture(services, stage, linkOpener);
    }

    public Services services() {
        return services;
    }

    public MainWindow window() {
        return window;
    }

    @Override
    public void close() {
        background.close();
        services.close();
    }
}
