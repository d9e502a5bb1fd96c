package dev.textdrive.gui.phones;

import dev.textdrive.gui.Background;
import dev.textdrive.gui.Screen;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Phones: Add a phone, text it a one-time code, and enter the code the texter reads back. */
public final class PhonesScreen implements Screen {

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private Node view;

    public PhonesScreen(Services services, Background background, StatusReporter status) {
        this.services = services;
        this.background = background;
        this.status = status;
    }

    @Override
    public String label() {
        return "_Phones";
    }

    @Override
    public Ikon icon() {
        return Feather.SMARTPHONE;
    }

    @Override
    public Node view() {
        if (view == null) {
            // TODO: build this screen.
            view = Ui.page("Phones", "Add a phone, text it a one-time code, and enter the code the texter reads back.", Ui.emptyState("This screen is not built yet."));
        }
        return view;
    }

    @Override
    public void shown() {
    }
}
