package dev.textdrive.gui.chat;

import dev.textdrive.gui.Background;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** A background runner that keeps work until the test finishes it, to check what runs while a load is pending. */
final class QueuedBackground implements Background {

    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void run(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        pending.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    int pending() {
        return pending.size();
    }

    /** Runs the oldest held work and hands its outcome over. */
    void finishNext() {
        pending.remove().run();
    }
}
