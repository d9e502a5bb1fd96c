package dev.textdrive.gui.settings;

import dev.textdrive.gui.Background;
import dev.textdrive.gui.Screen;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Settings: The configuration file, checked as you type. */
public final class SettingsScreen implements Screen {

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private Node view;

    public SettingsScreen(Services services, Background background, StatusReporter status) {
        this.services = services;
        this.background = background;
        this.status = status;
    }

    @Override
    public String label() {
        return "Se_ttings";
    }

    @Override
    public Ikon icon() {
        return Feather.SETTINGS;
    }

    @Override
    public Node view() {
        if (view == null) {
            // TODO: build this screen.
            view = Ui.page("Settings", "The configuration file, checked as you type.", Ui.emptyState("This screen is not built yet."));
        }
        return view;
    }

    @Override
    public void shown() {
    }
}
