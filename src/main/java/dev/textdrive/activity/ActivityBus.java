package dev.textdrive.activity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers activity events to listeners on the thread that publishes them, such as a webhook thread;
 * a listener that updates a screen must hand the event over to its UI thread itself.
 */
public final class ActivityBus {

    private static final Logger log = LoggerFactory.getLogger(ActivityBus.class);

    private final List<Consumer<ActivityEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener and returns the action that removes it again. */
    public Runnable subscribe(Consumer<ActivityEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(ActivityEvent event) {
        for (Consumer<ActivityEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("An activity listener failed on a {} event.", event.kind(), e);
            }
        }
    }
}
