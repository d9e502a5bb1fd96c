package dev.textdrive.gui.accounts;

import atlantafx.base.theme.Styles;
import dev.textdrive.gui.SecretField;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a Kloudless access token, to add an account or to link one again. The dialog stays open while
 * Kloudless checks the token, and shows why it failed, so the operator can correct a field and try again.
 */
final class TokenDialog {

    private final TokenForm form;

    TokenDialog(TokenForm form) {
        this.form = form;
    }

    /** Shows the dialog until the account is saved or the operator cancels. */
    void show(Window owner) {
        AccountRow relinking = form.relinking();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(relinking == null ? "Add a Kloudless account" : "Link " + relinking.name() + " again");
        dialog.setHeaderText(null);

        Label intro = new Label(relinking == null
                ? "Paste an access token of a Kloudless account. TextDrive checks it with Kloudless before it adds the "
                        + "account."
                : "Paste a new access token for " + relinking.name() + ". Its name and the phones that use it stay "
                        + "the same.");
        intro.setWrapText(true);
        // A dialog sizes its window to the content, which would cut wrapped lines to one line with an ellipsis.
        intro.setMinHeight(Region.USE_PREF_SIZE);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(100);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        int row = 0;
        TextField name = textField("token-name", form.nameProperty(), "Work");
        if (relinking == null) {
            row = addRow(grid, row, "_Name", name, name, form.nameProblemProperty(), "token-name-problem",
                    "The name texters see. Empty: the service and login, such as Dropbox (ann@example.com).");
        }
        SecretField token = new SecretField("token-value", "token-show", "the token");
        token.textProperty().bindBidirectional(form.tokenProperty());
        token.setPromptText("The account's Bearer token");
        row = addRow(grid, row, "Access _token", token, token.masked(), null, null, null);
        TextField accountId = textField("token-account-id", form.accountIdProperty(), "Empty: the only account the token reaches");
        row = addRow(grid, row, "Account _ID", accountId, accountId, null, null,
                "Needed when the token reaches more than one account.");
        TextField baseUrl = textField("token-base-url", form.baseUrlProperty(), "https://api.kloudless.com");
        addRow(grid, row, "_Base URL", baseUrl, baseUrl, form.baseUrlProblemProperty(), "token-base-url-problem",
                "The Kloudless API server that issued the token.");

        Label error = AccountsScreen.problem(form.errorProperty(), "token-error");
        error.setMinHeight(Region.USE_PREF_SIZE);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Label checking = new Label("Checking the token with Kloudless…", progress);
        checking.getStyleClass().add(Styles.TEXT_MUTED);
        checking.visibleProperty().bind(form.workingProperty());
        checking.managedProperty().bind(form.workingProperty());

        VBox content = new VBox(12, intro, grid, error, checking);
        content.setPrefWidth(520);
        content.setPadding(new Insets(20, 24, 8, 24));
        dialog.getDialogPane().setContent(content);

        ButtonType save = new ButtonType(relinking == null ? "Add account" : "Link again", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("token-save");
        saveButton.disableProperty().bind(form.canAddProperty().not());
        // The dialog stays open while Kloudless checks the token; the form closes it once the account is saved.
        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.add();
        });
        form.doneProperty().addListener((observable, old, done) -> {
            if (done) {
                dialog.setResult(save);
                dialog.close();
            }
        });
        // Problems and the progress line come and go, so the window follows the content's height.
        form.errorProperty().addListener((observable, old, text) -> resize(dialog));
        form.nameProblemProperty().addListener((observable, old, text) -> resize(dialog));
        form.baseUrlProblemProperty().addListener((observable, old, text) -> resize(dialog));
        form.workingProperty().addListener((observable, old, working) -> resize(dialog));

        Platform.runLater(() -> (relinking == null ? name : token.masked()).requestFocus());
        dialog.showAndWait();
    }

    private static void resize(Dialog<?> dialog) {
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private static TextField textField(String id, StringProperty text, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    /**
     * Adds a labelled field with its problem in red, if it can have one, and a line of help, if any.
     *
     * @return the next free row of the grid
     */
    private static int addRow(GridPane grid, int row, String label, Node control, Node focusTarget,
                              ObservableStringValue problem, String problemId, String help) {
        Label name = new Label(label);
        name.setMnemonicParsing(true);
        name.setLabelFor(focusTarget);
        name.setPadding(new Insets(6, 0, 0, 0));
        GridPane.setValignment(name, VPos.TOP);
        VBox cell = new VBox(4, control);
        if (problem != null) {
            Label problemLabel = AccountsScreen.problem(problem, problemId);
            problemLabel.setMinHeight(Region.USE_PREF_SIZE);
            cell.getChildren().add(problemLabel);
            AccountsScreen.markInvalid(focusTarget, problem);
        }
        if (help != null) {
            Label hint = new Label(help);
            hint.setWrapText(true);
            hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            hint.setMinHeight(Region.USE_PREF_SIZE);
            cell.getChildren().add(hint);
        }
        cell.setAlignment(Pos.TOP_LEFT);
        grid.add(name, 0, row);
        grid.add(cell, 1, row);
        return row + 1;
    }
}
