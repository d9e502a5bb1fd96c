package dev.textdrive.gui.accounts;

import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.config.Config;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.storage.kloudless.KloudlessCredentials;
import dev.textdrive.storage.kloudless.KloudlessLinking;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kloudless part of the storage accounts screen: linking an account in the operator's browser by OAuth,
 * waiting until the embedded server's callback reports it linked, and the forms that add or link an account
 * again with a token.
 */
public final class KloudlessViewModel {

    static final String SETUP_NEEDED = "Linking in the browser needs the Kloudless app ID and API key: set them in "
            + "Settings, or add the account with a token.";

    private static final Logger log = LoggerFactory.getLogger(KloudlessViewModel.class);

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private final Consumer<String> opener;
    private final Function<String, Optional<String>> nameRule;
    private final LongConsumer selectSaved;
    private final Consumer<String> selectLinked;

    private final BooleanProperty waiting = new SimpleBooleanProperty(false);
    private final StringProperty waitingText = new SimpleStringProperty("");
    private final StringProperty authorizationUrl = new SimpleStringProperty("");
    private final BooleanProperty setupNeeded = new SimpleBooleanProperty(false);

    /**
     * @param opener opens the authorization URL in the operator's browser
     * @param nameRule returns why a new account may not take a name, or empty when it may
     * @param selectSaved receives the id of an account saved with a token, to select it and reload the list
     * @param selectLinked receives the display name of an account linked in the browser, to select it and reload the list
     */
    KloudlessViewModel(Services services, Background background, StatusReporter status, Consumer<String> opener,
                       Function<String, Optional<String>> nameRule, LongConsumer selectSaved, Consumer<String> selectLinked) {
        this.services = services;
        this.background = background;
        this.status = status;
        this.opener = opener;
        this.nameRule = nameRule;
        this.selectSaved = selectSaved;
        this.selectLinked = selectLinked;
    }

    /**
     * Starts linking a new account: opens the Kloudless sign-in page in the browser and waits for the callback.
     * Without an app ID and API key in the settings, it shows a note that names the missing settings instead.
     */
    public void link() {
        startBrowserFlow("Sign in and allow TextDrive access; the account appears here when you finish.");
    }

    /** Returns whether an account can be linked again in the browser, which needs OAuth set up for its base URL. */
    public boolean relinksInBrowser(AccountRow row) {
        Config.Kloudless app = services.config().kloudless();
        return app.oauthReady() && app.baseUrl().equals(row.location());
    }

    /**
     * Links an account again: in the browser when it can, or else with a token form for the account's base URL
     * and account id, which {@code askToken} shows. A link of the same Kloudless account updates it in place.
     */
    public void relink(AccountRow row, Consumer<TokenForm> askToken) {
        setupNeeded.set(false);
        if (relinksInBrowser(row)) {
            String signIn = row.detail().isEmpty() ? "the same account" : row.detail();
            startBrowserFlow("Sign in as " + signIn + " and allow TextDrive access; " + row.name()
                    + " is linked again when you finish.");
            return;
        }
        background.run("Reading " + row.name(), () -> storedAccountId(row.id()), accountId -> {
            TokenForm form = new TokenForm(services, background, status, nameRule, selectSaved, row, row.location());
            form.accountIdProperty().set(accountId);
            askToken.accept(form);
        }, error -> status.error("The account could not be read: " + error.getMessage()));
    }

    /** Returns an empty form that adds an account with a token, with the base URL from the settings. */
    public TokenForm newTokenForm() {
        setupNeeded.set(false);
        return new TokenForm(services, background, status, nameRule, selectSaved, null, services.config().kloudless().baseUrl());
    }

    /** Opens the sign-in page again, such as after the operator closed the browser tab. */
    public void openAgain() {
        if (waiting.get()) {
            open(authorizationUrl.get());
        }
    }

    /** Stops waiting for the browser; a sign-in finished later still links the account. */
    public void cancel() {
        if (!waiting.get()) {
            return;
        }
        waiting.set(false);
        status.info("Stopped waiting for the Kloudless sign-in.");
    }

    /**
     * Stops waiting after the core restarted, such as after saving the settings, because the new core rejects a
     * sign-in that the old one started.
     */
    public void serverRestarted() {
        if (waiting.get()) {
            waiting.set(false);
            status.info("The server restarted, so the Kloudless sign-in must start again.");
        }
    }

    /** Hides the note that OAuth needs settings. */
    public void dismissSetup() {
        setupNeeded.set(false);
    }

    /**
     * Ends the wait when the embedded server reports an account linked in the browser, and names the account in
     * the status line, such as "Linked Dropbox (ann@example.com)".
     */
    public void linked(ActivityEvent event) {
        if (!event.linked()) {
            return;
        }
        waiting.set(false);
        status.info(event.summary());
        selectLinked.accept(event.summary().substring(ActivityEvent.LINKED.length()));
    }

    private void startBrowserFlow(String explanation) {
        Config.Kloudless app = services.config().kloudless();
        if (!app.oauthReady()) {
            waiting.set(false);
            setupNeeded.set(true);
            status.error(SETUP_NEEDED);
            return;
        }
        String url;
        try {
            url = services.app().kloudless().start(services.app().kloudlessRedirectUri());
        } catch (RuntimeException e) {
            log.warn("Linking a Kloudless account could not start.", e);
            status.error("Linking could not start: " + e.getMessage());
            return;
        }
        setupNeeded.set(false);
        authorizationUrl.set(url);
        waitingText.set(explanation + " The sign-in page works for " + KloudlessLinking.STATE_LIFETIME.toMinutes()
                + " minutes.");
        // Waiting starts before the browser opens, because the callback may arrive before open() returns.
        // NOTE: only a linked account ends the wait. A sign-in that fails or expires shows its reason in the
        // browser, and the operator cancels here.
        waiting.set(true);
        open(url);
        // After opening, so this message replaces the window's generic one about opening a link.
        status.info(SIGN_IN_OPENED);
    }

    static final String SIGN_IN_OPENED = "Opened the Kloudless sign-in page in your browser; the link is also copied.";

    private void open(String url) {
        try {
            opener.accept(url);
        } catch (RuntimeException e) {
            log.warn("The browser could not be opened for the Kloudless sign-in.", e);
            status.error("The browser could not be opened: copy the sign-in link and open it yourself.");
        }
    }

    private String storedAccountId(long id) {
        return services.app().accounts().credentials(id).map(KloudlessCredentials::fromJson)
                .map(KloudlessCredentials::accountId).orElse("");
    }

    /** Returns whether the screen waits for the browser sign-in to finish. */
    public BooleanProperty waitingProperty() {
        return waiting;
    }

    /** Returns what the operator does in the browser while the screen waits. */
    public StringProperty waitingTextProperty() {
        return waitingText;
    }

    /** Returns the sign-in page's URL while the screen waits, for copying. */
    public StringProperty authorizationUrlProperty() {
        return authorizationUrl;
    }

    /** Returns whether the screen shows that linking in the browser needs the app ID and API key. */
    public BooleanProperty setupNeededProperty() {
        return setupNeeded;
    }
}
