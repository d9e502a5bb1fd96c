package dev.textdrive.gui.simulator;

import dev.textdrive.gui.Background;
import dev.textdrive.gui.Screen;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Simulator: Text TextDrive as one of your phones, through the real webhook. */
public final class SimulatorScreen implements Screen {

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private Node view;

    public SimulatorScreen(Services services, Background background, StatusReporter status) {
        this.services = services;
        this.background = background;
        this.status = status;
    }

    @Override
    public String label() {
        return "Si_mulator";
    }

    @Override
    public Ikon icon() {
        return Feather.MESSAGE_SQUARE;
    }

    @Override
    public Node view() {
        if (view == null) {
            // TODO: build this screen.
            view = Ui.page("Simulator", "Text TextDrive as one of your phones, through the real webhook.", Ui.emptyState("This screen is not built yet."));
        }
        return view;
    }

    @Override
    public void shown() {
    }
}
