package dev.textdrive.gui.chat;

import dev.textdrive.gui.Background;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reloads one view's data off the UI thread with at most one load running: a request while a load runs marks
 * the data stale, and one more load starts when the running one ends. However fast events arrive, the view
 * reloads at most once per finished load. Use on the UI thread only.
 *
 * @param <T> the loaded data
 */
public final class LiveReload<T> {

    private final Background background;
    private final String description;
    private final Supplier<Callable<T>> query;
    private final Consumer<T> apply;
    private final Consumer<Exception> failure;
    private boolean loading;
    private boolean stale;

    /**
     * @param description what the load does, for the progress indicator, such as "Loading the sessions"
     * @param query returns the work of one load; called on the UI thread when the load starts, so the work can
     *              capture the current selection
     * @param apply receives the loaded data on the UI thread
     * @param failure receives the error of a failed load on the UI thread
     */
    public LiveReload(Background background, String description, Supplier<Callable<T>> query, Consumer<T> apply,
                      Consumer<Exception> failure) {
        this.background = background;
        this.description = description;
        this.query = query;
        this.apply = apply;
        this.failure = failure;
    }

    /** Starts a load, or marks the data stale when a load is running. */
    public void request() {
        if (loading) {
            stale = true;
            return;
        }
        start();
    }

    /** Returns whether a load is running. */
    public boolean loading() {
        return loading;
    }

    private void start() {
        loading = true;
        stale = false;
        background.run(description, query.get(), result -> {
            loading = false;
            apply.accept(result);
            if (stale) {
                start();
            }
        }, error -> {
            loading = false;
            // A failed load is not retried at once, because the same failure would repeat. The next request retries.
            stale = false;
            failure.accept(error);
        });
    }
}
