package dev.textdrive.gui;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** A screen with a fixed navigation entry, whose content is built the first time it is requested. */
public abstract class BuiltOnceScreen implements Screen {

    private final String label;
    private final Ikon icon;
    private Node view;

    /** @param label the navigation label with a mnemonic, such as "_Phones" */
    protected BuiltOnceScreen(String label, Ikon icon) {
        this.label = label;
        this.icon = icon;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final Ikon icon() {
        return icon;
    }

    @Override
    public final Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    /** Builds the content, once, on the UI thread. */
    protected abstract Node build();
}
