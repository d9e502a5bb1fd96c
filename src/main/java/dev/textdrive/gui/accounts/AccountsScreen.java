package dev.textdrive.gui.accounts;

import dev.textdrive.gui.Background;
import dev.textdrive.gui.Screen;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Storage accounts: Folders and cloud accounts that texters can browse. */
public final class AccountsScreen implements Screen {

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private Node view;

    public AccountsScreen(Services services, Background background, StatusReporter status) {
        this.services = services;
        this.background = background;
        this.status = status;
    }

    @Override
    public String label() {
        return "_Storage accounts";
    }

    @Override
    public Ikon icon() {
        return Feather.HARD_DRIVE;
    }

    @Override
    public Node view() {
        if (view == null) {
            // TODO: build this screen.
            view = Ui.page("Storage accounts", "Folders and cloud accounts that texters can browse.", Ui.emptyState("This screen is not built yet."));
        }
        return view;
    }

    @Override
    public void shown() {
    }
}
