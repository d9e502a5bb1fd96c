package dev.textdrive.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * A local fake of the Kloudless v1 API on a loopback port, for the parts TextDrive uses: account metadata,
 * folder contents in pages, direct links (served by the fake itself), and the OAuth 2.0 authorization-code
 * flow. Errors come back as Kloudless's error JSON ({@code status_code}, {@code error_code}, {@code message},
 * {@code id}).
 *
 * <p>Tests can make it fail: reject a token with 401, respond 404 for an item, respond 429 with a Retry-After
 * header or a 5xx status to the next few requests, and delay every API response.
 */
public final class FakeKloudless implements AutoCloseable {

    /** The page size when a request gives none, as in the Kloudless API. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCOUNT = Pattern.compile("/v1/accounts/([^/]+)");
    private static final Pattern CONTENTS = Pattern.compile("/v1/accounts/([^/]+)/storage/folders/([^/]+)/contents");
    private static final Pattern LINKS = Pattern.compile("/v1/accounts/([^/]+)/storage/links");
    private static final Pattern DOWNLOAD = Pattern.compile("/download/([A-Za-z0-9_-]+)");

    private final Server server = new Server();
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor();
    private final Set<Callback> delayed = ConcurrentHashMap.newKeySet();

    private final Map<String, ObjectNode> accounts = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Map<String, List<Item>> children = new ConcurrentHashMap<>();
    private final Map<String, byte[]> downloads = new ConcurrentHashMap<>();
    private final Map<String, String> clientSecrets = new ConcurrentHashMap<>();
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();

    private final Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> missingItems = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rateLimitedRequests = new AtomicInteger();
    private volatile long retryAfterSeconds;
    private final AtomicInteger failingRequests = new AtomicInteger();
    private volatile int failureStatus;
    private volatile Duration delay = Duration.ZERO;
    private volatile String signInAccount;
    private volatile boolean denySignIn;

    private final AtomicInteger apiRequests = new AtomicInteger();
    private final List<ContentsRequest> contentsRequests = new CopyOnWriteArrayList<>();
    private final List<LinkRequest> linkRequests = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    public FakeKloudless() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                Duration wait = delay;
                if (path.startsWith("/v1/accounts") && !wait.isZero()) {
                    // The response is written later by another thread, so a slow response keeps no server thread busy.
                    delayed.add(callback);
                    delayer.schedule(() -> {
                        if (delayed.remove(callback)) {
                            respond(request, response, callback);
                        }
                    }, wait.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    respond(request, response, callback);
                }
                return true;
            }
        });
        // Stops at once: a graceful stop would wait for the keep-alive connections of the client under test.
        server.setStopTimeout(0);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    // ---- Setup ----

    /**
     * Adds an account with a token that reaches it.
     *
     * @param service the service id, such as {@code dropbox}
     * @param login the login at the service, such as ann@example.com
     */
    public void addAccount(String accountId, String service, String login, String token) {
        ObjectNode account = JSON.createObjectNode();
        account.put("id", accountId);
        account.put("account", login);
        account.put("service", service);
        account.put("active", true);
        account.put("api", "meta");
        account.put("type", "account");
        accounts.put(accountId, account);
        children.computeIfAbsent(key(accountId, "root"), ignored -> new CopyOnWriteArrayList<>());
        addToken(token, accountId);
    }

    /** Lets a token reach one more account. */
    public void addToken(String token, String accountId) {
        tokens.computeIfAbsent(token, ignored -> ConcurrentHashMap.newKeySet()).add(accountId);
    }

    /** Adds a folder inside a folder ({@code root} for the top) of an account. */
    public void addFolder(String accountId, String parentId, String folderId, String name) {
        add(accountId, parentId, new Item(accountId, folderId, name, "folder", null, null, parentId));
    }

    /** Adds a file inside a folder ({@code root} for the top) of an account. */
    public void addFile(String accountId, String parentId, String fileId, String name, byte[] content, Instant modified) {
        add(accountId, parentId, new Item(accountId, fileId, name, "file", content, modified, parentId));
    }

    /** Registers an OAuth app: its id (client_id) and API key (client_secret). */
    public void addApp(String clientId, String clientSecret) {
        clientSecrets.put(clientId, clientSecret);
    }

    /** Sets the account that signs in at the authorization URL. */
    public void signInAs(String accountId) {
        signInAccount = accountId;
    }

    // ---- Failure switches ----

    /** Responds 401 invalid_token to every request with this token from now on. */
    public void rejectToken(String token) {
        rejectedTokens.add(token);
    }

    /** Responds 404 to requests for this folder's contents or a link to this file. */
    public void makeMissing(String itemId) {
        missingItems.add(itemId);
    }

    /** Responds to the next {@code count} API requests with 429 and {@code Retry-After: seconds}. */
    public void rateLimit(int count, long seconds) {
        retryAfterSeconds = seconds;
        rateLimitedRequests.set(count);
    }

    /** Responds to the next {@code count} API requests with an error status, such as 500 or 503. */
    public void fail(int count, int status) {
        failureStatus = status;
        failingRequests.set(count);
    }

    /** Delays every API response under {@code /v1/accounts} by this long; zero for none. */
    public void delay(Duration duration) {
        delay = duration;
    }

    /** Makes the sign-in end with {@code error=access_denied}, as when the user cancels. */
    public void denySignIn() {
        denySignIn = true;
    }

    // ---- What the fake saw ----

    /** Returns the number of requests under {@code /v1/accounts} so far, failed ones included. */
    public int apiRequests() {
        return apiRequests.get();
    }

    /** Returns every folder-contents request that got a page back, in order. */
    public List<ContentsRequest> contentsRequests() {
        return List.copyOf(contentsRequests);
    }

    /** Returns every link created, in order. */
    public List<LinkRequest> linkRequests() {
        return List.copyOf(linkRequests);
    }

    /** Returns the form of every token request, in order. */
    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** Returns the tokens that reach an account, including those issued by the token exchange. */
    public Set<String> tokensOf(String accountId) {
        Set<String> result = new HashSet<>();
        tokens.forEach((token, reached) -> {
            if (reached.contains(accountId)) {
                result.add(token);
            }
        });
        return result;
    }

    /**
     * One folder-contents request that got a page back.
     *
     * @param page the 1-based page number
     */
    public record ContentsRequest(String accountId, String folderId, int page, int pageSize) {
    }

    /**
     * One created link.
     *
     * @param expiration the expiration the request carried, null when none
     * @param url the URL the fake returned, which serves the file's bytes
     */
    public record LinkRequest(String accountId, String fileId, boolean direct, Instant expiration, String url) {
    }

    private record Item(String accountId, String id, String name, String type, byte[] content, Instant modified,
                        String parentId) {
    }

    private record IssuedCode(String clientId, String redirectUri, String accountId) {
    }

    // ---- Request handling ----

    private void respond(Request request, Response response, Callback callback) {
        try {
            route(request, response, callback);
        } catch (Exception e) {
            write(response, callback, 500, error(500, "internal_server_error", "The fake failed: " + e));
        }
    }

    private void route(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (path.equals("/v1/oauth") && method.equals("GET")) {
            authorize(request, response, callback);
            return;
        }
        if (path.equals("/v1/oauth/token") && method.equals("POST")) {
            exchange(request, response, callback);
            return;
        }
        Matcher download = DOWNLOAD.matcher(path);
        if (download.matches() && method.equals("GET")) {
            byte[] content = downloads.get(download.group(1));
            if (content == null) {
                write(response, callback, 404, error(404, "not_found", "No such link."));
                return;
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
            response.write(true, ByteBuffer.wrap(content), callback);
            return;
        }
        if (!path.startsWith("/v1/accounts")) {
            write(response, callback, 404, error(404, "not_found", "No route for " + path + "."));
            return;
        }
        api(request, response, callback, path, method);
    }

    private void api(Request request, Response response, Callback callback, String path, String method)
            throws Exception {
        apiRequests.incrementAndGet();
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!tokens.containsKey(token) || rejectedTokens.contains(token)) {
            write(response, callback, 401, error(401, "invalid_token", "The access token is invalid or has expired."));
            return;
        }
        if (rateLimitedRequests.getAndUpdate(count -> Math.max(0, count - 1)) > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds));
            write(response, callback, 429, error(429, "rate_limit_exceeded", "Too many requests."));
            return;
        }
        if (failingRequests.getAndUpdate(count -> Math.max(0, count - 1)) > 0) {
            write(response, callback, failureStatus, error(failureStatus, "service_unavailable",
                    "The upstream service failed."));
            return;
        }

        if (path.equals("/v1/accounts") && method.equals("GET")) {
            ArrayNode objects = JSON.createArrayNode();
            tokens.get(token).stream().sorted().map(accounts::get).forEach(objects::add);
            write(response, callback, 200, objectList(objects, 1, null).toString());
            return;
        }
        Matcher contents = CONTENTS.matcher(path);
        if (contents.matches() && method.equals("GET")) {
            contents(request, response, callback, token, contents.group(1), contents.group(2));
            return;
        }
        Matcher links = LINKS.matcher(path);
        if (links.matches() && method.equals("POST")) {
            link(request, response, callback, token, links.group(1));
            return;
        }
        Matcher account = ACCOUNT.matcher(path);
        if (account.matches() && method.equals("GET")) {
            if (reachable(response, callback, token, account.group(1))) {
                write(response, callback, 200, accounts.get(account.group(1)).toString());
            }
            return;
        }
        write(response, callback, 404, error(404, "not_found", "No route for " + method + " " + path + "."));
    }

    private void contents(Request request, Response response, Callback callback, String token, String accountId,
                          String folderId) {
        if (!reachable(response, callback, token, accountId)) {
            return;
        }
        List<Item> folder = children.get(key(accountId, folderId));
        if (folder == null || missingItems.contains(folderId)) {
            write(response, callback, 404, error(404, "not_found", "Folder " + folderId + " was not found."));
            return;
        }
        Fields query = Request.extractQueryParameters(request);
        int pageSize;
        int page;
        try {
            pageSize = query.getValue("page_size") == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(query.getValue("page_size"));
            page = query.getValue("page") == null ? 1 : Integer.parseInt(query.getValue("page"));
        } catch (NumberFormatException e) {
            write(response, callback, 400, error(400, "invalid_parameters", "page and page_size must be integers."));
            return;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || page < 1) {
            write(response, callback, 400, error(400, "invalid_parameters",
                    "page_size must be 1-" + MAX_PAGE_SIZE + " and page at least 1."));
            return;
        }
        int from = (page - 1) * pageSize;
        if (from > 0 && from >= folder.size()) {
            write(response, callback, 404, error(404, "not_found", "Page " + page + " does not exist."));
            return;
        }

        contentsRequests.add(new ContentsRequest(accountId, folderId, page, pageSize));
        int to = Math.min(folder.size(), from + pageSize);
        ArrayNode objects = JSON.createArrayNode();
        for (Item item : folder.subList(from, to)) {
            objects.add(json(item));
        }
        write(response, callback, 200, objectList(objects, page, to < folder.size() ? page + 1 : null).toString());
    }

    private void link(Request request, Response response, Callback callback, String token, String accountId)
            throws Exception {
        if (!reachable(response, callback, token, accountId)) {
            return;
        }
        JsonNode body = JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
        String fileId = body.path("file_id").asText("");
        Item file = items.get(key(accountId, fileId));
        if (file == null || missingItems.contains(fileId)) {
            write(response, callback, 404, error(404, "not_found", "File " + fileId + " was not found."));
            return;
        }
        if (!file.type().equals("file")) {
            write(response, callback, 400, error(400, "invalid_parameters", fileId + " is a folder."));
            return;
        }
        Instant expiration = null;
        if (body.hasNonNull("expiration")) {
            try {
                expiration = OffsetDateTime.parse(body.path("expiration").asText()).toInstant();
            } catch (DateTimeParseException e) {
                write(response, callback, 400, error(400, "invalid_parameters", "expiration is not ISO 8601."));
                return;
            }
        }

        String linkToken = UUID.randomUUID().toString().replace("-", "");
        String url = baseUrl() + "/download/" + linkToken;
        downloads.put(linkToken, file.content());
        boolean direct = body.path("direct").asBoolean(false);
        linkRequests.add(new LinkRequest(accountId, fileId, direct, expiration, url));

        ObjectNode link = JSON.createObjectNode();
        link.put("id", "lnk" + sequence.incrementAndGet());
        link.put("url", url);
        link.put("file_id", fileId);
        link.put("account", accountId);
        link.put("direct", direct);
        link.put("active", true);
        if (expiration == null) {
            link.putNull("expiration");
        } else {
            link.put("expiration", expiration.toString());
        }
        link.put("api", "storage");
        link.put("type", "link");
        write(response, callback, 201, link.toString());
    }

    private void authorize(Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        String clientId = query.getValue("client_id");
        String redirectUri = query.getValue("redirect_uri");
        String state = query.getValue("state");
        if (clientId == null || !clientSecrets.containsKey(clientId)) {
            write(response, callback, 400, error(400, "invalid_client", "Unknown client_id."));
            return;
        }
        if (!"code".equals(query.getValue("response_type")) || redirectUri == null || state == null
                || query.getValue("scope") == null) {
            write(response, callback, 400, error(400, "invalid_request",
                    "response_type=code, redirect_uri, scope and state are required."));
            return;
        }

        String location;
        if (denySignIn) {
            location = redirectUri + "?error=access_denied&error_description=" + encode("The user denied access.")
                    + "&state=" + encode(state);
        } else {
            String code = "code-" + UUID.randomUUID();
            codes.put(code, new IssuedCode(clientId, redirectUri, signInAccount));
            location = redirectUri + "?code=" + encode(code) + "&state=" + encode(state);
        }
        response.setStatus(302);
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    private void exchange(Request request, Response response, Callback callback) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (Fields.Field field : FormFields.getFields(request)) {
            form.put(field.getName(), field.getValue());
        }
        tokenRequests.add(form);
        String clientId = form.getOrDefault("client_id", "");
        String secret = clientSecrets.get(clientId);
        if (secret == null || !secret.equals(form.get("client_secret"))) {
            write(response, callback, 401, error(401, "invalid_client", "The client_id or client_secret is wrong."));
            return;
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            write(response, callback, 400, error(400, "unsupported_grant_type", "Use grant_type=authorization_code."));
            return;
        }
        // A code is used once, whether the exchange succeeds or not.
        IssuedCode issued = codes.remove(form.getOrDefault("code", ""));
        if (issued == null || !issued.clientId().equals(clientId) || !issued.redirectUri().equals(form.get("redirect_uri"))) {
            write(response, callback, 400, error(400, "invalid_grant",
                    "The code is invalid, was used already, or the redirect_uri differs."));
            return;
        }

        String accessToken = "tok-" + UUID.randomUUID();
        addToken(accessToken, issued.accountId());
        ObjectNode body = JSON.createObjectNode();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("account_id", issued.accountId());
        body.put("scope", "any.storage");
        write(response, callback, 200, body.toString());
    }

    /** Writes a 403 and returns false when the token does not reach the account. */
    private boolean reachable(Response response, Callback callback, String token, String accountId) {
        if (!accounts.containsKey(accountId)) {
            write(response, callback, 404, error(404, "not_found", "Account " + accountId + " was not found."));
            return false;
        }
        if (!tokens.get(token).contains(accountId)) {
            write(response, callback, 403, error(403, "forbidden", "The token does not reach account " + accountId + "."));
            return false;
        }
        return true;
    }

    private void add(String accountId, String parentId, Item item) {
        List<Item> folder = children.get(key(accountId, parentId));
        if (folder == null) {
            throw new IllegalArgumentException("No folder " + parentId + " in account " + accountId);
        }
        folder.add(item);
        items.put(key(accountId, item.id()), item);
        if (item.type().equals("folder")) {
            children.put(key(accountId, item.id()), new CopyOnWriteArrayList<>());
        }
    }

    private static ObjectNode json(Item item) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", item.id());
        node.put("name", item.name());
        node.put("type", item.type());
        if (item.content() == null) {
            node.putNull("size");
        } else {
            node.put("size", item.content().length);
        }
        if (item.modified() == null) {
            node.putNull("modified");
        } else {
            node.put("modified", item.modified().toString());
        }
        node.put("account", item.accountId());
        node.putObject("parent").put("id", item.parentId());
        node.put("api", "storage");
        return node;
    }

    private static ObjectNode objectList(ArrayNode objects, int page, Integer nextPage) {
        ObjectNode list = JSON.createObjectNode();
        list.put("count", objects.size());
        list.put("page", page);
        if (nextPage == null) {
            list.putNull("next_page");
        } else {
            list.put("next_page", nextPage);
        }
        list.set("objects", objects);
        list.put("type", "object_list");
        list.put("api", "storage");
        return list;
    }

    private static String error(int status, String code, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("status_code", status);
        error.put("error_code", code);
        error.put("message", message);
        error.put("id", "req-" + UUID.randomUUID());
        return error.toString();
    }

    private static void write(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String key(String accountId, String itemId) {
        return accountId + "/" + itemId;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        delayer.shutdownNow();
        // Responses still waiting would hold the server's graceful stop until its timeout.
        for (Callback callback : delayed) {
            if (delayed.remove(callback)) {
                callback.failed(new IOException("The fake Kloudless server stopped."));
            }
        }
        server.stop();
    }
}
