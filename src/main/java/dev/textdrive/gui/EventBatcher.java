package dev.textdrive.gui;

import dev.textdrive.activity.ActivityEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects activity events from webhook threads and delivers them to the UI thread in batches: the first
 * event of a batch schedules one delivery after a short delay, so 50 messages a second cause a few screen
 * updates a second instead of 50.
 */
public final class EventBatcher implements Consumer<ActivityEvent> {

    private final ConcurrentLinkedQueue<ActivityEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "textdrive-ui-batcher");
        thread.setDaemon(true);
        return thread;
    });

    private final Consumer<Runnable> uiThread;
    private final Duration delay;
    private final Consumer<List<ActivityEvent>> target;

    /**
     * @param uiThread runs a task on the UI thread, such as {@code Platform::runLater}
     * @param delay how long a batch collects events; zero delivers at once
     * @param target receives each batch on the UI thread
     */
    public EventBatcher(Consumer<Runnable> uiThread, Duration delay, Consumer<List<ActivityEvent>> target) {
        this.uiThread = uiThread;
        this.delay = delay;
        this.target = target;
    }

    @Override
    public void accept(ActivityEvent event) {
        pending.add(event);
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        if (delay.isZero()) {
            uiThread.accept(this::drain);
        } else {
            TIMER.schedule(() -> uiThread.accept(this::drain), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        // Clear the flag before taking events, so an event added during the drain schedules the next one.
        scheduled.set(false);
        List<ActivityEvent> batch = new ArrayList<>();
        ActivityEvent event;
        while ((event = pending.poll()) != null) {
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            target.accept(batch);
        }
    }
}
