package dev.textdrive.gui;

/** Shows short messages to the operator in the window's status line; called on the UI thread. */
public interface StatusReporter {

    void info(String message);

    /** Shows an error in plain words; details belong in the log, never here. */
    void error(String message);

    /** A reporter that drops messages, for view model tests that do not check them. */
    StatusReporter NONE = new StatusReporter() {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
        }
    };
}
