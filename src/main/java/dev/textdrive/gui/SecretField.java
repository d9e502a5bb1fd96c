package dev.textdrive.gui;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A field for a secret such as a token or an API key: masked with bullets by default, with an eye button that
 * shows it as plain text until pressed again.
 */
public final class SecretField extends HBox {

    private final PasswordField masked = new PasswordField();
    private final TextField plain = new TextField();
    private final ToggleButton toggle = new ToggleButton(null, new FontIcon(Feather.EYE));

    /**
     * @param id the id of the masked field; the plain field gets the id followed by "-shown"
     * @param toggleId the id of the show/hide button
     * @param noun what the secret is, for the button's tooltip, such as "the auth token"
     */
    public SecretField(String id, String toggleId, String noun) {
        super(4);
        masked.setId(id);
        plain.setId(id + "-shown");
        plain.textProperty().bindBidirectional(masked.textProperty());

        toggle.setId(toggleId);
        toggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tooltip tooltip = new Tooltip("Show " + noun);
        toggle.setTooltip(tooltip);
        toggle.setAccessibleText(tooltip.getText());
        plain.visibleProperty().bind(toggle.selectedProperty());
        masked.visibleProperty().bind(toggle.selectedProperty().not());
        toggle.selectedProperty().addListener((observable, old, shown) -> {
            toggle.setGraphic(new FontIcon(shown ? Feather.EYE_OFF : Feather.EYE));
            tooltip.setText((shown ? "Hide " : "Show ") + noun);
            toggle.setAccessibleText(tooltip.getText());
            TextInputControl visible = shown ? plain : masked;
            if (masked.isFocused() || plain.isFocused()) {
                visible.requestFocus();
                visible.end();
            }
        });

        StackPane fields = new StackPane(masked, plain);
        HBox.setHgrow(fields, Priority.ALWAYS);
        getChildren().addAll(fields, toggle);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** Returns the secret's text, shared by the masked and the plain field. */
    public StringProperty textProperty() {
        return masked.textProperty();
    }

    /** Masks the secret again. */
    public void hide() {
        toggle.setSelected(false);
    }

    /** Returns the masked field, which a label's mnemonic focuses. */
    public TextInputControl masked() {
        return masked;
    }

    /** Returns both text fields, for styling them together. */
    public List<TextInputControl> inputs() {
        return List.of(masked, plain);
    }

    public void setPromptText(String prompt) {
        masked.setPromptText(prompt);
        plain.setPromptText(prompt);
    }
}
