package dev.textdrive.gui;

import dev.textdrive.activity.ActivityBus;
import dev.textdrive.app.DemoSetup;
import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The desktop app's handle on the core: the running {@link TextDrive}, its configuration file, and a
 * restart with a new configuration. Activity events of every core instance reach one stable bus, so live
 * views keep their subscriptions across restarts.
 */
public final class Services implements AutoCloseable {

    private final Path configFile;
    private final boolean embedded;
    private final ActivityBus activity = new ActivityBus();
    private final List<Runnable> restartListeners = new CopyOnWriteArrayList<>();
    private volatile Config config;
    private volatile TextDrive app;
    private Runnable unsubscribe = () -> { };

    /**
     * @param config the configuration to start with
     * @param configFile where the settings screen saves changes
     * @param embedded whether the configuration is the embedded default, which seeds the demo
     */
    public Services(Config config, Path configFile, boolean embedded) {
        this.config = config;
        this.configFile = configFile;
        this.embedded = embedded;
    }

    /** Opens the core and starts the web server; call off the UI thread. */
    public synchronized void start() {
        TextDrive opened = TextDrive.open(config);
        try {
            if (embedded) {
                DemoSetup.seedOnce(opened);
            }
            opened.server().start();
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        unsubscribe = opened.activity().subscribe(activity::publish);
        app = opened;
    }

    /** Stops the core and starts it again with a new configuration; call off the UI thread. */
    public synchronized void restart(Config newConfig) {
        stop();
        config = newConfig;
        start();
        restartListeners.forEach(Runnable::run);
    }

    /** Returns the running core; valid after {@link #start()}. */
    public TextDrive app() {
        TextDrive current = app;
        if (current == null) {
            throw new IllegalStateException("TextDrive is not running.");
        }
        return current;
    }

    public boolean running() {
        return app != null;
    }

    public Config config() {
        return config;
    }

    public Path configFile() {
        return configFile;
    }

    /** Returns the bus of activity events from whichever core instance is running. */
    public ActivityBus activity() {
        return activity;
    }

    /** Adds an action to run, on the restarting thread, after each restart. */
    public void onRestart(Runnable listener) {
        restartListeners.add(listener);
    }

    private synchronized void stop() {
        unsubscribe.run();
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
