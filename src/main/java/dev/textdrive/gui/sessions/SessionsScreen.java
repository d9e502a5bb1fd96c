package dev.textdrive.gui.sessions;

import dev.textdrive.gui.Background;
import dev.textdrive.gui.Screen;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Live sessions: Where each texter is, and their conversation, as messages arrive. */
public final class SessionsScreen implements Screen {

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private Node view;

    public SessionsScreen(Services services, Background background, StatusReporter status) {
        this.services = services;
        this.background = background;
        this.status = status;
    }

    @Override
    public String label() {
        return "_Live sessions";
    }

    @Override
    public Ikon icon() {
        return Feather.ACTIVITY;
    }

    @Override
    public Node view() {
        if (view == null) {
            // TODO: build this screen.
            view = Ui.page("Live sessions", "Where each texter is, and their conversation, as messages arrive.", Ui.emptyState("This screen is not built yet."));
        }
        return view;
    }

    @Override
    public void shown() {
    }
}
