package dev.textdrive.storage.kloudless;

import dev.textdrive.config.Config;
import dev.textdrive.storage.AccountStore;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.StorageException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links Kloudless accounts: by the OAuth 2.0 authorization-code flow in the operator's browser, or with a
 * token the operator already has. Either way the token is checked against the API before the account is
 * saved, and an account that is already linked is updated instead of added twice.
 */
public final class KloudlessLinking {

    public static final String CALLBACK_PATH = "/oauth/kloudless/callback";
    /** How long the operator has to finish the browser flow. */
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(KloudlessLinking.class);

    private final Config.Kloudless app;
    private final AccountStore accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> pendingStates = new ConcurrentHashMap<>();

    public KloudlessLinking(Config.Kloudless app, AccountStore accounts, Clock clock) {
        this.app = app;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Starts the browser flow and returns the authorization URL to open.
     *
     * @param redirectUri the callback URL of the embedded server
     * @throws IllegalStateException when the Kloudless app id or API key is not configured
     */
    public String start(String redirectUri) {
        if (!app.oauthReady()) {
            throw new IllegalStateException("Set the Kloudless app id and API key in Settings first.");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        pendingStates.values().removeIf(expiry -> expiry.isBefore(now));
        pendingStates.put(state, now.plus(STATE_LIFETIME));
        return app.baseUrl() + "/v1/oauth?client_id=" + encode(app.appId().orElseThrow()) + "&response_type=code"
                + "&redirect_uri=" + encode(redirectUri) + "&scope=any.storage&state=" + encode(state);
    }

    /**
     * Finishes the browser flow: checks the state (single use, expiring), exchanges the code and saves the
     * account.
     *
     * @throws LinkingException with a message for the operator's browser page
     */
    public StorageAccount complete(String state, String code, String redirectUri) throws LinkingException {
        Instant expiry = state == null ? null : pendingStates.remove(state);
        if (expiry == null || expiry.isBefore(clock.instant())) {
            throw new LinkingException("This sign-in link is not valid or has expired: start linking again from TextDrive.");
        }
        if (code == null || code.isBlank()) {
            throw new LinkingException("Kloudless did not send an authorization code: start linking again from TextDrive.");
        }
        try {
            KloudlessClient.Token token = KloudlessClient.exchangeCode(app.baseUrl(), code, redirectUri,
                    app.appId().orElseThrow(), app.apiKey().orElseThrow(), clock);
            return save(null, token.accessToken(), token.accountId(), app.baseUrl(), "oauth");
        } catch (StorageException e) {
            if (e.reason() == StorageException.Reason.UNAVAILABLE) {
                throw new LinkingException("Could not finish the sign-in with Kloudless: " + sentence(e)
                        + " Start linking again from TextDrive in a minute.", e);
            }
            throw new LinkingException("Kloudless did not accept the sign-in: " + reason(e), e);
        }
    }

    /**
     * Links an account with a token the operator has, checking it against the API first.
     *
     * @param name the account name, or null for the provider's description such as "Dropbox (ann@example.com)"
     * @param accountId the Kloudless account id, or empty to use the only account the token reaches
     * @throws AmbiguousTokenException when no account id is given and the token reaches no account or several
     */
    public StorageAccount addWithToken(String name, String token, Optional<String> accountId, String baseUrl, String actor)
            throws LinkingException {
        try {
            String id = accountId.isPresent() ? accountId.get() : onlyAccount(baseUrl, token);
            return save(name, token, id, baseUrl, actor);
        } catch (StorageException e) {
            if (e.reason() == StorageException.Reason.UNAVAILABLE) {
                throw new LinkingException("Could not check the token with Kloudless at " + baseUrl + ": " + sentence(e)
                        + " Check the base URL, or try again later.", e);
            }
            throw new LinkingException("Kloudless at " + baseUrl + " did not accept the token: " + reason(e), e);
        }
    }

    private String onlyAccount(String baseUrl, String token) throws StorageException, LinkingException {
        List<String> ids = new KloudlessClient(baseUrl, "", token, clock).accountIds();
        if (ids.size() != 1) {
            throw new AmbiguousTokenException(ids);
        }
        return ids.get(0);
    }

    private StorageAccount save(String name, String token, String accountId, String baseUrl, String actor)
            throws StorageException, LinkingException {
        KloudlessClient.AccountInfo info = new KloudlessClient(baseUrl, accountId, token, clock).account();
        String detail = info.serviceName() + (info.account().isEmpty() ? "" : " (" + info.account() + ")");
        String credentials = new KloudlessCredentials(info.id(), token, baseUrl).toJson();

        Optional<StorageAccount> existing = findLinked(info.id(), baseUrl);
        if (existing.isPresent()) {
            accounts.relink(existing.get().id(), credentials, detail, actor);
            log.info("Linked Kloudless account {} again as '{}'.", info.id(), existing.get().name());
            return accounts.find(existing.get().id()).orElseThrow();
        }
        String accountName = name == null || name.isBlank() ? detail : name.strip();
        try {
            StorageAccount added = accounts.add(accountName, StorageAccount.KLOUDLESS, baseUrl, credentials, detail, actor);
            log.info("Linked Kloudless account {} as '{}'.", info.id(), added.name());
            return added;
        } catch (IllegalStateException e) {
            throw new LinkingException(e.getMessage(), e);
        }
    }

    private Optional<StorageAccount> findLinked(String accountId, String baseUrl) {
        return accounts.list().stream()
                .filter(account -> account.provider().equals(StorageAccount.KLOUDLESS))
                .filter(account -> account.location().equals(baseUrl))
                .filter(account -> accounts.credentials(account.id())
                        .map(json -> KloudlessCredentials.fromJson(json).accountId().equals(accountId)).orElse(false))
                .findFirst();
    }

    private static String reason(StorageException e) {
        return switch (e.reason()) {
            case UNAUTHORIZED -> "the token or code was rejected (" + e.getMessage() + ").";
            case NOT_FOUND -> "the account was not found (" + e.getMessage() + ").";
            default -> e.getMessage();
        };
    }

    /** Returns the exception's message as a sentence that ends with a period. */
    private static String sentence(StorageException e) {
        String message = e.getMessage();
        return message.endsWith(".") ? message : message + ".";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
