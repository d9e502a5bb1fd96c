package dev.textdrive.storage.kloudless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.textdrive.storage.StorageException;
import dev.textdrive.storage.StorageException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the Kloudless v1 REST API for one account: account metadata, folder contents in pages, and
 * links. The base URL is configurable because self-hosted Kloudless Enterprise appliances and compatible
 * servers serve the same API as the public service did.
 *
 * <p>Every call ends within a deadline, so that an SMS reply is sent within 10 seconds of the webhook
 * (Twilio gives up after 15): connection and read timeouts bound each request, and a 429 is retried after
 * its Retry-After only while the retry still fits the deadline. The access token is sent as a Bearer token
 * and never logged.
 */
public final class KloudlessClient {

    public static final String DEFAULT_BASE_URL = "https://api.kloudless.com";
    /** The maximum time one call may take, retries included. */
    public static final Duration CALL_DEADLINE = Duration.ofSeconds(8);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Error codes that reject a token, or an authorization code or app key at the token endpoint. */
    private static final Set<String> REJECTED_CREDENTIALS =
            Set.of("invalid_token", "unauthorized", "invalid_grant", "invalid_client", "unauthorized_client");

    private static final Logger log = LoggerFactory.getLogger(KloudlessClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String baseUrl;
    private final String accountId;
    private final String accessToken;
    private final Clock clock;

    public KloudlessClient(String baseUrl, String accountId, String accessToken, Clock clock) {
        this.baseUrl = stripTrailingSlash(baseUrl);
        this.accountId = accountId;
        this.accessToken = accessToken;
        this.clock = clock;
    }

    /**
     * An account's metadata.
     *
     * @param id the Kloudless account id
     * @param account the login at the service, such as ann@example.com
     * @param service the service's id, such as dropbox
     * @param active whether Kloudless can still reach the account
     */
    public record AccountInfo(String id, String account, String service, boolean active) {

        /** Returns the service's display name, such as "Dropbox" for {@code dropbox}. */
        public String serviceName() {
            return KloudlessServices.displayName(service);
        }
    }

    /**
     * One page of a folder's contents.
     *
     * @param objects the items of the page
     * @param nextPage the number of the next page, empty on the last page
     */
    public record ContentsPage(JsonNode objects, Optional<String> nextPage) {
    }

    /**
     * An access token and the account it reaches, from the OAuth token exchange.
     *
     * @param accessToken the Bearer token
     * @param accountId the Kloudless account id
     */
    public record Token(String accessToken, String accountId) {

        @Override
        public String toString() {
            return "Token[accessToken=(hidden), accountId=" + accountId + "]";
        }
    }

    /** Exchanges an authorization code at {@code POST /v1/oauth/token}. */
    public static Token exchangeCode(String baseUrl, String code, String redirectUri, String clientId,
                                     String clientSecret, Clock clock) throws StorageException {
        String form = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(redirectUri)
                + "&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        KloudlessClient anonymous = new KloudlessClient(baseUrl, "", "", clock);
        JsonNode body = anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.baseUrl + "/v1/oauth/token"))
                .timeout(CALL_DEADLINE)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), anonymous.deadline());
        String token = body.path("access_token").asText("");
        String accountId = body.path("account_id").asText("");
        if (token.isEmpty() || accountId.isEmpty()) {
            throw new StorageException(Reason.UNAVAILABLE, "Kloudless returned no access_token or account_id.");
        }
        return new Token(token, accountId);
    }

    /** Returns the ids of the accounts a token reaches, from {@code GET /v1/accounts}. */
    public List<String> accountIds() throws StorageException {
        JsonNode body = send(get("/v1/accounts"), deadline());
        List<String> ids = new ArrayList<>();
        body.path("objects").forEach(account -> ids.add(account.path("id").asText()));
        return ids;
    }

    /** Reads {@code GET /v1/accounts/{account_id}}. */
    public AccountInfo account() throws StorageException {
        JsonNode body = send(get("/v1/accounts/" + encode(accountId)), deadline());
        return new AccountInfo(body.path("id").asText(accountId), body.path("account").asText(""),
                body.path("service").asText(""), body.path("active").asBoolean(true));
    }

    /** Reads one page of {@code GET /v1/accounts/{account_id}/storage/folders/{folder_id}/contents}. */
    public ContentsPage contents(String folderId, String page, int pageSize) throws StorageException {
        String query = "?page_size=" + pageSize + (page == null ? "" : "&page=" + encode(page));
        JsonNode body = send(get("/v1/accounts/" + encode(accountId) + "/storage/folders/" + encode(folderId)
                + "/contents" + query), deadline());
        JsonNode next = body.path("next_page");
        Optional<String> nextPage = next.isMissingNode() || next.isNull() || next.asText().isEmpty()
                ? Optional.empty() : Optional.of(next.asText());
        return new ContentsPage(body.path("objects"), nextPage);
    }

    /** Creates a direct link with {@code POST /v1/accounts/{account_id}/storage/links} and returns its URL. */
    public String createLink(String fileId, Instant expiresAt) throws StorageException {
        ObjectNode request = JSON.createObjectNode();
        request.put("file_id", fileId);
        request.put("direct", true);
        request.put("expiration", expiresAt.toString());
        JsonNode body = send(builder("/v1/accounts/" + encode(accountId) + "/storage/links")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build(), deadline());
        String url = body.path("url").asText("");
        if (url.isEmpty()) {
            throw new StorageException(Reason.UNAVAILABLE, "Kloudless returned a link without a url.");
        }
        return url;
    }

    private Instant deadline() {
        return clock.instant().plus(CALL_DEADLINE);
    }

    private HttpRequest get(String path) {
        return builder(path).GET().build();
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(CALL_DEADLINE)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken);
    }

    private JsonNode send(HttpRequest request, Instant deadline) throws StorageException {
        String what = request.method() + " " + request.uri().getPath();
        HttpResponse<String> response;
        try {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new StorageException(Reason.UNAVAILABLE, "No time left for " + what + ".");
            }
            HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true)
                    .timeout(left.compareTo(CALL_DEADLINE) < 0 ? left : CALL_DEADLINE).build();
            response = HTTP.send(bounded, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            log.warn("Kloudless at {} cannot be reached for {}: {}", baseUrl, what, e.toString());
            throw new StorageException(Reason.UNAVAILABLE, "Kloudless cannot be reached.", e);
        } catch (HttpTimeoutException e) {
            log.warn("Kloudless at {} timed out on {}.", baseUrl, what);
            throw new StorageException(Reason.UNAVAILABLE, "Kloudless timed out.", e);
        } catch (IOException e) {
            log.warn("Kloudless at {} failed on {}: {}", baseUrl, what, e.toString());
            throw new StorageException(Reason.UNAVAILABLE, "Kloudless request failed.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(Reason.UNAVAILABLE, "Interrupted while waiting for Kloudless.", e);
        }

        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(response.body(), what);
        }
        if (status == 429) {
            OptionalLong retryAfter = retryAfterSeconds(response);
            Instant retryAt = clock.instant().plusSeconds(retryAfter.orElse(1));
            if (retryAfter.isPresent() && retryAt.plusSeconds(1).isBefore(deadline)) {
                log.info("Kloudless rate-limited {}; retrying after {} s.", what, retryAfter.getAsLong());
                pause(Duration.ofSeconds(retryAfter.getAsLong()));
                return send(request, deadline);
            }
        }
        throw failure(status, response.body(), what);
    }

    private StorageException failure(int status, String body, String what) {
        JsonNode error = tryParse(body);
        // The token endpoint may return errors in the OAuth 2.0 format, {"error": "invalid_grant"} (RFC 6749, 5.2).
        String code = error.path("error_code").asText(error.path("error").asText(""));
        String message = error.path("message").asText("");
        String requestId = error.path("id").asText("");
        log.warn("Kloudless returned {} for {}: error_code '{}', message '{}', request id '{}'.", status, what, code,
                message, requestId);
        String detail = "Kloudless error " + status + (code.isEmpty() ? "" : " (" + code + ")")
                + (requestId.isEmpty() ? "" : ", request " + requestId);
        if (status == 401 || REJECTED_CREDENTIALS.contains(code)) {
            return new StorageException(Reason.UNAUTHORIZED, detail);
        }
        if (status == 404) {
            return new StorageException(Reason.NOT_FOUND, detail);
        }
        if (status == 403) {
            return new StorageException(Reason.FORBIDDEN, detail);
        }
        return new StorageException(Reason.UNAVAILABLE, detail);
    }

    private static OptionalLong retryAfterSeconds(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long seconds = Long.parseLong(header.get().strip());
            return seconds >= 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    // NOTE: the wait blocks the webhook thread; it only happens while the retry still fits the deadline.
    private static void pause(Duration duration) throws StorageException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(Reason.UNAVAILABLE, "Interrupted while waiting for Kloudless.", e);
        }
    }

    private static JsonNode parse(String body, String what) throws StorageException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            log.warn("Kloudless returned invalid JSON for {}.", what);
            throw new StorageException(Reason.UNAVAILABLE, "Kloudless returned invalid JSON.", e);
        }
    }

    private static JsonNode tryParse(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String stripTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
