package dev.textdrive.gui.accounts;

import atlantafx.base.theme.Styles;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for an account's new name, checking it as typed; a name another account has is rejected with the reason. */
final class RenameDialog {

    private final AccountRow row;
    private final AccountsViewModel model;

    RenameDialog(AccountRow row, AccountsViewModel model) {
        this.row = row;
        this.model = model;
    }

    /** Shows the dialog and returns the new name, or empty when the operator cancelled or kept the name. */
    Optional<String> ask(Window owner) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Rename account");
        dialog.setHeaderText(null);

        TextField name = new TextField(row.name());
        name.setId("rename-field");
        name.setPrefColumnCount(28);
        StringProperty problem = new SimpleStringProperty("");
        name.textProperty().addListener((observable, old, text) -> problem.set(model.renameProblem(row, text).orElse("")));
        Label label = new Label("New name for " + row.name() + ":");
        label.setLabelFor(name);
        Label problemLabel = AccountsScreen.problem(problem, "rename-problem");
        Label hint = new Label("Texters see the new name from their next command.");
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        AccountsScreen.markInvalid(name, problem);
        VBox content = new VBox(8, label, name, problemLabel, hint);
        content.setPrefWidth(420);
        content.setPadding(new Insets(20, 24, 8, 24));
        // The problem line comes and goes, so the window follows the content's height.
        problem.addListener((observable, old, text) -> dialog.getDialogPane().getScene().getWindow().sizeToScene());
        dialog.getDialogPane().setContent(content);

        ButtonType rename = new ButtonType("Rename", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(rename, ButtonType.CANCEL);
        Node renameButton = dialog.getDialogPane().lookupButton(rename);
        renameButton.disableProperty().bind(problem.isNotEmpty()
                .or(name.textProperty().isEqualTo(row.name()))
                .or(name.textProperty().isEmpty()));
        dialog.setResultConverter(button -> button == rename ? name.getText().strip() : null);
        Platform.runLater(() -> {
            name.requestFocus();
            name.selectAll();
        });
        return dialog.showAndWait().filter(text -> !text.equals(row.name()));
    }
}
