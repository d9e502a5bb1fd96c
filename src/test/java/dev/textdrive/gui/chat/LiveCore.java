package dev.textdrive.gui.chat;

import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.gui.Services;
import dev.textdrive.sms.SimulatedWebhook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The real core for view model tests: {@link Services} started on a temporary config in simulator mode with
 * the demo seeded, Jetty on a random loopback port, and the activity events it publishes collected.
 */
public final class LiveCore implements AutoCloseable {

    public static final String PUBLIC_URL = "https://textdrive.example.test";

    private final Services services;
    private final ConcurrentLinkedQueue<ActivityEvent> events = new ConcurrentLinkedQueue<>();

    private LiveCore(Services services) {
        this.services = services;
        services.activity().subscribe(events::add);
    }

    /** Starts the core with the demo account and the verified demo phone. */
    public static LiveCore start(Path directory) throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "server:\n  host: 127.0.0.1\n  port: 0\n  public_url: " + PUBLIC_URL + "\n"
                + "database:\n  path: " + directory.resolve("textdrive.db") + "\n"
                + "sms:\n  default_region: US\n");
        Config config = new ConfigLoader(directory.resolve("data")).load(file);
        Services services = new Services(config, file, true);
        services.start();
        return new LiveCore(services);
    }

    public Services services() {
        return services;
    }

    /** Returns a client that posts signed webhooks to the running server, as the simulator does. */
    public SimulatedWebhook webhook() {
        return new SimulatedWebhook(services.app().server().localUrl() + "/sms", services.config().webhookUrl(),
                services.app().signature(), SimulatedWebhook.SIMULATOR_ACCOUNT_SID, SimulatedWebhook.SIMULATOR_NUMBER);
    }

    /** Returns the events published since the last call, as one batch. */
    public List<ActivityEvent> takeEvents() {
        List<ActivityEvent> batch = new ArrayList<>();
        ActivityEvent event;
        while ((event = events.poll()) != null) {
            batch.add(event);
        }
        return batch;
    }

    @Override
    public void close() {
        services.close();
    }
}
