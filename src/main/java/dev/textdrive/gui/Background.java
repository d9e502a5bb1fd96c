package dev.textdrive.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands its outcome back on the UI thread. View models take this
 * interface, so tests run them with {@link #direct()} and no JavaFX toolkit.
 */
public interface Background {

    /**
     * Runs {@code work} in the background.
     *
     * @param description what the work does, for the progress indicator and the log, such as "Sending code"
     * @param onSuccess receives the result on the UI thread
     * @param onFailure receives the error on the UI thread
     */
    <T> void run(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure);

    /** Returns a runner that does the work at once on the calling thread, for view model tests. */
    static Background direct() {
        return new Background() {
            @Override
            public <T> void run(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
