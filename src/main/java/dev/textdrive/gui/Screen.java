package dev.textdrive.gui;

import dev.textdrive.activity.ActivityEvent;
import java.util.List;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/** One screen of the main window: its navigation entry and its content. */
public interface Screen {

    /** Returns the navigation label with a mnemonic, such as "_Phones". */
    String label();

    Ikon icon();

    /** Returns the content, built once. */
    Node view();

    /** Refreshes the screen's data when it is shown. */
    void shown();

    /** Receives a batch of live events on the UI thread while the screen is shown; by default ignores them. */
    default void activity(List<ActivityEvent> events) {
    }
}
