package dev.textdrive.gui.accounts;

import atlantafx.base.theme.Styles;
import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.BuiltOnceScreen;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.Ui;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Storage accounts: the folders and cloud accounts texters can browse, with the phones each is granted to. */
public final class AccountsScreen extends BuiltOnceScreen {

    static final String EMPTY_TEXT = "No storage accounts yet — add a folder or link a Kloudless account.";

    private final AccountsViewModel model;
    private final StatusReporter status;
    private final Runnable openSettings;
    private ListView<AccountRow> list;
    private TextField nameField;

    /** Creates the screen with a Kloudless sign-in whose link shows in the status line, and no way to open Settings. */
    public AccountsScreen(Services services, Background background, StatusReporter status) {
        this(services, background, status, null, () -> status.info("Open Settings in the navigation on the left."));
    }

    /**
     * @param linkOpener opens the Kloudless sign-in page in the browser; null shows its link in the status line
     * @param openSettings shows the Settings screen, where the Kloudless app ID and API key are set
     */
    public AccountsScreen(Services services, Background background, StatusReporter status, Consumer<String> linkOpener,
                          Runnable openSettings) {
        super("_Storage accounts", Feather.HARD_DRIVE);
        this.model = linkOpener == null
                ? new AccountsViewModel(services, background, status, this::confirm)
                : new AccountsViewModel(services, background, status, this::confirm, linkOpener);
        this.status = status;
        this.openSettings = openSettings;
        // The embedded server reports a finished sign-in on a server thread, and it ends the wait even while
        // another screen is shown, so the screen listens for it itself.
        services.activity().subscribe(event -> {
            if (event.linked()) {
                Platform.runLater(() -> model.kloudless().linked(event));
            }
        });
        services.onRestart(() -> Platform.runLater(model.kloudless()::serverRestarted));
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    public void activity(List<ActivityEvent> events) {
        model.activity(events);
    }

    @Override
    protected Node build() {
        VBox form = addForm();
        VBox waiting = KloudlessCards.waiting(model.kloudless(), this::didClickCopyLink);
        VBox setup = KloudlessCards.setupNeeded(model.kloudless(), openSettings, this::didClickAddWithToken);
        VBox accountsCard = Ui.card("ACCOUNTS", accountList());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox page = Ui.page("Storage accounts",
                "Folders and Kloudless accounts that texters browse. Grant each to phones on the Access screen.",
                toolbar(), form, waiting, setup, accountsCard);
        // A filter, because the add menu's button keeps the focus after a choice and consumes Escape itself.
        page.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && didPressEscapeOnKloudlessCard()) {
                event.consume();
            }
        });
        return page;
    }

    private HBox toolbar() {
        MenuItem localFolder = new MenuItem("Local folder", menuIcon(Feather.FOLDER));
        localFolder.setId("add-local-folder");
        localFolder.setOnAction(event -> didClickAddLocalFolder());
        MenuItem kloudless = new MenuItem("Kloudless…", menuIcon(Feather.CLOUD));
        kloudless.setId("add-kloudless");
        kloudless.setOnAction(event -> didClickLinkKloudless());
        MenuItem token = new MenuItem("Kloudless with a token…", menuIcon(Feather.KEY));
        token.setId("add-kloudless-token");
        token.setOnAction(event -> didClickAddWithToken());
        // NOTE: later providers get their own item here, next to "Local folder" and Kloudless.
        MenuButton add = new MenuButton("Add acc_ount", new FontIcon(Feather.PLUS), localFolder, kloudless, token);
        add.setMnemonicParsing(true);
        add.setId("add-account");
        add.getStyleClass().add(Styles.ACCENT);
        add.setTooltip(new Tooltip("Add a storage account: choose its provider"));

        Button rename = Ui.button("_Rename…", Feather.EDIT_2, this::didClickRename);
        rename.setId("rename-account");
        Button remove = Ui.button("Remo_ve…", Feather.TRASH_2, this::didClickRemove);
        remove.setId("remove-account");
        rename.disableProperty().bind(model.selectedProperty().isNull().or(model.workingProperty()));
        remove.disableProperty().bind(model.selectedProperty().isNull().or(model.workingProperty()));
        Button refresh = Ui.iconButton(Feather.REFRESH_CW, "Check the accounts again", model::refresh);
        refresh.setId("refresh-accounts");
        Button relink = Ui.button("Link a_gain…", Feather.LINK, this::didClickRelink);
        relink.setId("relink-account");
        relink.setTooltip(new Tooltip("Sign in to the selected Kloudless account again, or paste a new token"));
        var needsRelink = Bindings.createBooleanBinding(() -> model.selectedProperty().get() != null
                && model.selectedProperty().get().needsRelink(), model.selectedProperty());
        relink.visibleProperty().bind(needsRelink);
        relink.managedProperty().bind(needsRelink);
        relink.disableProperty().bind(model.workingProperty());

        HBox bar = new HBox(8, add, Ui.spacer(), relink, rename, remove, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox addForm() {
        nameField = new TextField();
        nameField.setId("account-name");
        nameField.setPromptText("Photos");
        nameField.textProperty().bindBidirectional(model.newNameProperty());
        Label nameLabel = fieldLabel("_Name", nameField);

        TextField folderField = new TextField();
        folderField.setId("account-folder");
        folderField.setPromptText("The folder to share, such as a Dropbox or OneDrive folder");
        folderField.textProperty().bindBidirectional(model.newFolderProperty());
        HBox.setHgrow(folderField, Priority.ALWAYS);
        Button choose = Ui.button("C_hoose…", Feather.FOLDER, this::didClickChooseFolder);
        Label folderLabel = fieldLabel("_Folder", folderField);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(70);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        markInvalid(nameField, model.nameProblemProperty());
        markInvalid(folderField, model.folderProblemProperty());
        grid.addRow(0, nameLabel, nameField);
        grid.add(problem(model.nameProblemProperty(), "account-name-problem"), 1, 1);
        HBox folderRow = new HBox(8, folderField, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(2, folderLabel, folderRow);
        grid.add(problem(model.folderProblemProperty(), "account-folder-problem"), 1, 3);

        Label hint = new Label("Texters see the name in their account list. Any folder works, including one that "
                + "a Dropbox, OneDrive or Google Drive client keeps in sync.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        Button add = new Button("Add account", new FontIcon(Feather.CHECK));
        add.setId("add-account-confirm");
        add.setDefaultButton(true);
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(model.canAddProperty().not());
        add.setOnAction(event -> model.addLocalFolder());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> model.cancelAdding());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.workingProperty());
        HBox buttons = new HBox(8, add, cancel, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox card = Ui.card("ADD A LOCAL FOLDER", grid, hint, buttons);
        card.visibleProperty().bind(model.addingProperty());
        card.managedProperty().bind(model.addingProperty());
        // The form's buttons respond to Enter and Escape only while the form is shown.
        model.addingProperty().addListener((observable, old, open) -> {
            add.setDefaultButton(open);
            cancel.setCancelButton(open);
        });
        add.setDefaultButton(false);
        cancel.setCancelButton(false);
        return card;
    }

    private ListView<AccountRow> accountList() {
        list = new ListView<>(model.accounts());
        list.setId("account-list");
        list.setCellFactory(view -> new AccountCell(this::relink));
        Button addFolder = Ui.button("Add a folder…", Feather.FOLDER_PLUS, this::didClickAddLocalFolder);
        Button linkKloudless = Ui.button("Link Kloudless…", Feather.CLOUD, this::didClickLinkKloudless);
        HBox emptyButtons = new HBox(8, addFolder, linkKloudless);
        emptyButtons.setAlignment(Pos.CENTER);
        VBox empty = new VBox(12, Ui.emptyState(EMPTY_TEXT), emptyButtons);
        empty.setAlignment(Pos.CENTER);
        list.setPlaceholder(empty);
        list.getStyleClass().add(Styles.BORDERED);
        // The form's fields disappear when it closes, so the focus moves to the list instead of getting lost.
        model.addingProperty().addListener((observable, old, open) -> {
            if (!open) {
                list.requestFocus();
            }
        });

        list.getSelectionModel().selectedItemProperty().addListener((observable, old, row) -> model.selectedProperty().set(row));
        model.selectedProperty().addListener((observable, old, row) -> {
            if (row == null) {
                list.getSelectionModel().clearSelection();
            } else if (!row.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(row);
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.F2) {
                didClickRename();
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                didClickRemove();
                event.consume();
            }
        });
        MenuItem rename = new MenuItem("Rename…", new FontIcon(Feather.EDIT_2));
        rename.setOnAction(event -> didClickRename());
        MenuItem remove = new MenuItem("Remove…", new FontIcon(Feather.TRASH_2));
        remove.setOnAction(event -> didClickRemove());
        MenuItem relink = new MenuItem("Link again…", new FontIcon(Feather.LINK));
        relink.setOnAction(event -> didClickRelink());
        relink.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() != null
                && model.selectedProperty().get().needsRelink(), model.selectedProperty()));
        list.setContextMenu(new ContextMenu(relink, rename, remove));
        return list;
    }

    private void didClickAddLocalFolder() {
        model.startAddingLocalFolder();
        nameField.requestFocus();
    }

    /** Stops waiting for the browser, or closes the note about settings; returns whether either card was shown. */
    private boolean didPressEscapeOnKloudlessCard() {
        KloudlessViewModel kloudless = model.kloudless();
        if (kloudless.waitingProperty().get()) {
            kloudless.cancel();
            return true;
        }
        if (kloudless.setupNeededProperty().get()) {
            kloudless.dismissSetup();
            return true;
        }
        return false;
    }

    private void didClickLinkKloudless() {
        model.cancelAdding();
        model.kloudless().link();
    }

    private void didClickAddWithToken() {
        model.cancelAdding();
        new TokenDialog(model.kloudless().newTokenForm()).show(view().getScene().getWindow());
    }

    private void didClickRelink() {
        AccountRow row = model.selectedProperty().get();
        if (row != null && row.needsRelink()) {
            relink(row);
        }
    }

    private void relink(AccountRow row) {
        model.cancelAdding();
        model.kloudless().relink(row, form -> new TokenDialog(form).show(view().getScene().getWindow()));
    }

    private void didClickCopyLink() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.kloudless().authorizationUrlProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
        status.info("Copied the Kloudless sign-in link: open it in a browser on this computer.");
    }

    private void didClickChooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the folder to share");
        File current = model.newFolderProperty().get().isBlank() ? null : new File(model.newFolderProperty().get());
        if (current != null && current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        File folder = chooser.showDialog(view().getScene().getWindow());
        if (folder != null) {
            model.chooseFolder(folder.getAbsolutePath());
            if (model.newNameProperty().get().isBlank()) {
                model.newNameProperty().set(folder.getName());
            }
        }
    }

    private void didClickRename() {
        AccountRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        new RenameDialog(row, model).ask(view().getScene().getWindow()).ifPresent(name -> model.rename(row, name));
    }

    private void didClickRemove() {
        AccountRow row = model.selectedProperty().get();
        if (row != null) {
            model.requestRemove(row);
        }
    }

    private boolean confirm(String question, String action) {
        return Ui.confirm(view(), "Remove account", question, action);
    }

    /** Gives a field the theme's red border while it has a problem. */
    static void markInvalid(Node field, ObservableStringValue problem) {
        field.pseudoClassStateChanged(Styles.STATE_DANGER, !problem.get().isEmpty());
        problem.addListener((observable, old, text) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !text.isEmpty()));
    }

    /** Returns an icon for the add menu, which takes its style from the accent button and would paint it white on white. */
    private static FontIcon menuIcon(Feather icon) {
        FontIcon graphic = new FontIcon(icon);
        graphic.setStyle(graphic.getStyle() + "-fx-icon-color: -color-fg-default;");
        return graphic;
    }

    private static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }

    /** Returns a label that shows a field's problem in red and takes no space while there is none. */
    static Label problem(ObservableStringValue text, String id) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
