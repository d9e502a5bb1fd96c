package dev.textdrive.gui;

import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window's position, size and maximised state, stored as one settings value such as
 * {@code "120,80,1100,720,false"}; a position that is no longer on any screen is ignored.
 */
public record WindowState(double x, double y, double width, double height, boolean maximized) {

    public static final double DEFAULT_WIDTH = 1100;
    public static final double DEFAULT_HEIGHT = 720;

    /** Parses a stored value; empty when it is missing or malformed. */
    public static Optional<WindowState> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(",");
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            WindowState state = new WindowState(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4]));
            return state.width() >= 400 && state.height() >= 300 ? Optional.of(state) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String format() {
        return Math.round(x) + "," + Math.round(y) + "," + Math.round(width) + "," + Math.round(height) + "," + maximized;
    }

    /** Returns the state of a stage as it is now. */
    public static WindowState of(Stage stage) {
        return new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    /** Applies this state to a stage when its top-left corner lies on a connected screen. */
    public void applyTo(Stage stage) {
        stage.setWidth(width);
        stage.setHeight(height);
        boolean visible = Screen.getScreens().stream()
                .map(Screen::getVisualBounds)
                .anyMatch((Rectangle2D bounds) -> bounds.contains(x + 20, y + 20));
        if (visible) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(maximized);
    }
}
