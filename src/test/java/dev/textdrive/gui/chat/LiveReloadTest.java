package dev.textdrive.gui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveReloadTest {

    private final QueuedBackground background = new QueuedBackground();
    private final AtomicInteger loads = new AtomicInteger();
    private final List<Integer> applied = new ArrayList<>();
    private final List<Exception> failures = new ArrayList<>();

    private LiveReload<Integer> reload(boolean failing) {
        return new LiveReload<>(background, "Loading", () -> () -> {
            int number = loads.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("load " + number + " failed");
            }
            return number;
        }, applied::add, failures::add);
    }

    @Test
    void requestsWhileLoadingRunOneMoreLoad() {
        LiveReload<Integer> reload = reload(false);

        reload.request();
        reload.request();
        reload.request();
        reload.request();

        assertEquals(1, background.pending());
        background.finishNext();
        assertEquals(List.of(1), applied);
        assertEquals(1, background.pending());
        background.finishNext();
        assertEquals(List.of(1, 2), applied);
        assertEquals(0, background.pending());
        assertFalse(reload.loading());
    }

    @Test
    void requestAfterLoadStartsAnother() {
        LiveReload<Integer> reload = reload(false);

        reload.request();
        background.finishNext();
        reload.request();

        assertTrue(reload.loading());
        background.finishNext();
        assertEquals(List.of(1, 2), applied);
    }

    @Test
    void failureReportsAndDropsStaleRequest() {
        LiveReload<Integer> reload = reload(true);

        reload.request();
        reload.request();
        background.finishNext();

        assertEquals(1, failures.size());
        assertEquals("load 1 failed", failures.get(0).getMessage());
        assertEquals(0, background.pending());
        assertFalse(reload.loading());
        assertEquals(List.of(), applied);
    }
}
