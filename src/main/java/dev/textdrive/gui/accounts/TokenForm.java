package dev.textdrive.gui.accounts;

import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.kloudless.AmbiguousTokenException;
import dev.textdrive.storage.kloudless.LinkingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The form that adds a Kloudless account with an access token the operator already has, or links an account
 * again with a new token. The core checks the token against the Kloudless API, off the UI thread, before it
 * saves the account, and a token for an account that is already linked updates that account in place.
 */
public final class TokenForm {

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private final Function<String, Optional<String>> nameRule;
    private final LongConsumer saved;
    private final AccountRow relinking;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty accountId = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty nameProblem = new SimpleStringProperty("");
    private final StringProperty baseUrlProblem = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private final BooleanBinding canAdd;

    /**
     * @param nameRule returns why a new account may not take a name, or empty when it may
     * @param saved receives the id of the added or updated account, to select it and reload the list
     * @param relinking the account to link again, whose name stays; null to add a new account
     * @param baseUrl the API base URL to start with
     */
    TokenForm(Services services, Background background, StatusReporter status, Function<String, Optional<String>> nameRule,
              LongConsumer saved, AccountRow relinking, String baseUrl) {
        this.services = services;
        this.background = background;
        this.status = status;
        this.nameRule = nameRule;
        this.saved = saved;
        this.relinking = relinking;

        name.addListener((observable, old, text) -> nameProblem.set(typedNameProblem(text)));
        this.baseUrl.addListener((observable, old, text) -> baseUrlProblem.set(baseUrlProblem(text)));
        // The operator edits a field to fix the last error, so the error stops showing until the next attempt.
        List.of(name, token, accountId, this.baseUrl).forEach(field -> field.addListener((observable, old, text) -> error.set("")));
        canAdd = Bindings.createBooleanBinding(
                () -> !token.get().isBlank() && nameProblem.get().isEmpty() && baseUrlProblem.get().isEmpty() && !working.get(),
                token, nameProblem, baseUrlProblem, working);

        this.baseUrl.set(baseUrl);
        if (relinking != null) {
            name.set(relinking.name());
        }
    }

    /**
     * Checks the token with Kloudless and saves the account, off the UI thread. Success closes the form
     * ({@link #doneProperty()}); a failure keeps it open and shows the reason in {@link #errorProperty()} and in
     * the status line.
     */
    public void add() {
        if (!canAdd.get()) {
            return;
        }
        String requestedName = relinking != null ? relinking.name() : name.get().strip();
        String secret = token.get().strip();
        Optional<String> id = Optional.of(accountId.get().strip()).filter(text -> !text.isEmpty());
        String base = stripTrailingSlash(baseUrl.get().strip());
        error.set("");
        working.set(true);
        background.run("Checking the token with Kloudless", () -> save(requestedName, secret, id, base),
                this::saved, this::failed);
    }

    private Outcome save(String requestedName, String secret, Optional<String> id, String base) throws LinkingException {
        Set<Long> existing = services.app().accounts().list().stream().map(StorageAccount::id).collect(Collectors.toSet());
        StorageAccount account = services.app().kloudless().addWithToken(requestedName.isEmpty() ? null : requestedName,
                secret, id, base, AccountsViewModel.ACTOR);
        return new Outcome(account, existing.contains(account.id()));
    }

    private void saved(Outcome outcome) {
        working.set(false);
        token.set("");
        StorageAccount account = outcome.account();
        if (outcome.updated()) {
            status.info("Linked " + describe(account) + " again; texters can open it from their next command.");
        } else {
            status.info("Added " + describe(account) + ". Grant it to phones on the Access screen.");
        }
        done.set(true);
        saved.accept(account.id());
    }

    private void failed(Exception e) {
        working.set(false);
        String message = message(e);
        error.set(message);
        status.error(message);
    }

    /** Returns the reason a link failed in the words of the desktop app. */
    static String message(Exception e) {
        if (e instanceof AmbiguousTokenException ambiguous) {
            List<String> ids = ambiguous.accountIds();
            if (ids.isEmpty()) {
                return "The token reaches no Kloudless account: check that you copied the whole token.";
            }
            return "The token reaches " + ids.size() + " Kloudless accounts (" + String.join(", ", ids)
                    + "): enter the ID of the one to add under Account ID.";
        }
        if (e instanceof LinkingException) {
            return e.getMessage();
        }
        return "The account could not be added: " + e.getMessage();
    }

    /** Returns the account's name with the provider's detail when it adds something, such as "Work (Dropbox (ann@example.com))". */
    static String describe(StorageAccount account) {
        if (account.detail().isEmpty() || account.detail().equalsIgnoreCase(account.name())) {
            return account.name();
        }
        return account.name() + " (" + account.detail() + ")";
    }

    /** Returns why a base URL cannot be used, or an empty string when it can. */
    static String baseUrlProblem(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return "Enter the Kloudless API base URL, such as https://api.kloudless.com.";
        }
        String expected = "'" + value + "' is not an http:// or https:// URL: enter one such as https://api.kloudless.com.";
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean valid = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null;
            return valid ? "" : expected;
        } catch (URISyntaxException e) {
            return expected;
        }
    }

    private String typedNameProblem(String text) {
        if (relinking != null || text == null || text.isBlank()) {
            return "";
        }
        return nameRule.apply(text).orElse("");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The saved account, and whether it was already linked, so the core updated it instead of adding it. */
    private record Outcome(StorageAccount account, boolean updated) {
    }

    /** Returns the account to link again, or null when the form adds a new account. */
    public AccountRow relinking() {
        return relinking;
    }

    /** Returns the name texters see; empty takes the provider's description, such as "Dropbox (ann@example.com)". */
    public StringProperty nameProperty() {
        return name;
    }

    /** Returns the access token; never logged, and cleared once the account is saved. */
    public StringProperty tokenProperty() {
        return token;
    }

    /** Returns the Kloudless account id; empty takes the only account the token reaches. */
    public StringProperty accountIdProperty() {
        return accountId;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty nameProblemProperty() {
        return nameProblem;
    }

    public StringProperty baseUrlProblemProperty() {
        return baseUrlProblem;
    }

    /** Returns why the last attempt failed, in plain words, or an empty string. */
    public StringProperty errorProperty() {
        return error;
    }

    /** Returns whether the token is being checked with Kloudless. */
    public BooleanProperty workingProperty() {
        return working;
    }

    /** Returns whether the account was saved, so the form can close. */
    public BooleanProperty doneProperty() {
        return done;
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }
}
