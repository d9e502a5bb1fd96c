package dev.textdrive.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Consumer;
import javafx.application.Application;

/** The light or dark look, applied to the whole application and remembered by a callback. */
public final class Theme {

    private final Consumer<Boolean> remember;
    private boolean dark;

    /**
     * @param dark whether to start dark
     * @param remember stores the choice, such as in the settings table
     */
    public Theme(boolean dark, Consumer<Boolean> remember) {
        this.dark = dark;
        this.remember = remember;
    }

    public boolean dark() {
        return dark;
    }

    /** Applies the theme without remembering it, at startup. */
    public void applyInitial() {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Switches theme and remembers the choice. */
    public void apply(boolean newDark) {
        dark = newDark;
        applyInitial();
        remember.accept(newDark);
    }
}
