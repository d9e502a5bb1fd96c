package dev.textdrive.gui.chat;

import dev.textdrive.gui.StatusReporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A status line that keeps every message, for tests that check what the operator saw. */
public final class RecordingStatus implements StatusReporter {

    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void error(String message) {
        errors.add(message);
    }
}
