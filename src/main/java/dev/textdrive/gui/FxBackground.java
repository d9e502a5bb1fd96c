package dev.textdrive.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs background work as JavaFX {@link Task}s on a small pool and tracks whether any is running. */
public final class FxBackground implements Background, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FxBackground.class);

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "textdrive-ui-task-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private int running;

    @Override
    public <T> void run(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        if (executor.isShutdown()) {
            // Live events batched before the window closed may still arrive, and their reloads no longer matter.
            log.debug("{} skipped: the window is closed.", description);
            return;
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            finished();
            Throwable error = task.getException();
            log.warn("{} failed.", description, error);
            onFailure.accept(error instanceof Exception exception ? exception : new RuntimeException(error));
        });
        running++;
        busy.set(true);
        activity.set(description + "...");
        executor.execute(task);
    }

    private void finished() {
        running--;
        busy.set(running > 0);
        if (running == 0) {
            activity.set("");
        }
    }

    /** Returns whether any background work is running; read on the UI thread. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Returns the description of the last started work while any runs. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
