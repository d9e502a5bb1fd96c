package dev.textdrive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.kloudless.KloudlessCredentials;
import dev.textdrive.testing.FakeKloudless;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links a Kloudless account by the OAuth 2.0 authorization-code flow: the authorization URL from TextDrive,
 * the fake Kloudless server's redirect, and the real callback route on the embedded server.
 */
class KloudlessOAuthTest {

    private static final String APP_ID = "app-textdrive-1";
    private static final String API_KEY = "key-secret-9d8c7b6a";
    private static final String PHONE = "+14155550123";

    @TempDir
    Path directory;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private FakeKloudless fake;
    private MutableClock clock;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeKloudless();
        fake.addApp(APP_ID, API_KEY);
        fake.addAccount("acc-ann", "dropbox", "ann@example.com", "tok-existing");
        fake.addFile("acc-ann", "root", "file-notes", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), null);
        fake.signInAs("acc-ann");
        clock = MutableClock.at("2026-12-04T12:00:00Z");
        server = TestServer.start(directory, clock, null, "kloudless:\n  app_id: " + APP_ID + "\n  api_key: " + API_KEY
                + "\n  base_url: " + fake.baseUrl() + "/\n");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        fake.close();
    }

    @Test
    void oauthLinksAccount() throws Exception {
        String authorize = server.app().kloudless().start(server.app().kloudlessRedirectUri());
        Map<String, String> query = query(URI.create(authorize));

        assertTrue(authorize.startsWith(fake.baseUrl() + "/v1/oauth?"), authorize);
        assertEquals(APP_ID, query.get("client_id"));
        assertEquals("code", query.get("response_type"));
        assertEquals("any.storage", query.get("scope"));
        assertEquals(server.localUrl() + "/oauth/kloudless/callback", query.get("redirect_uri"));
        assertTrue(query.get("state").length() >= 32, query.get("state"));

        HttpResponse<String> page = get(signIn(authorize));

        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertTrue(page.body().contains("<h1>Account linked</h1>"), page.body());
        assertTrue(page.body().contains("Dropbox (ann@example.com) is linked to TextDrive."), page.body());
        assertFalse(page.body().contains(API_KEY), page.body());

        List<StorageAccount> accounts = server.app().accounts().list();
        assertEquals(1, accounts.size());
        StorageAccount account = accounts.get(0);
        assertEquals("Dropbox (ann@example.com)", account.name());
        assertEquals(StorageAccount.KLOUDLESS, account.provider());
        assertEquals("Dropbox (ann@example.com)", account.detail());
        assertEquals(fake.baseUrl(), account.location());
        KloudlessCredentials credentials = KloudlessCredentials.fromJson(
                server.app().accounts().credentials(account.id()).orElseThrow());
        assertEquals("acc-ann", credentials.accountId());
        assertEquals(fake.baseUrl(), credentials.baseUrl());
        assertTrue(fake.tokensOf("acc-ann").contains(credentials.accessToken()));
        assertFalse(credentials.accessToken().equals("tok-existing"));

        Map<String, String> exchange = fake.tokenRequests().get(0);
        assertEquals("authorization_code", exchange.get("grant_type"));
        assertEquals(APP_ID, exchange.get("client_id"));
        assertEquals(API_KEY, exchange.get("client_secret"));
        assertEquals(server.app().kloudlessRedirectUri(), exchange.get("redirect_uri"));
    }

    @Test
    void linkedAccountListsBySms() throws Exception {
        get(signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri())));
        server.app().phones().add(PHONE, "", true, "test");
        server.app().accounts().grant(PHONE, "Dropbox (ann@example.com)", "test");

        assertEquals("Your accounts:\n1 Dropbox (ann@example.com)", server.text(PHONE, "ls").text());
        assertEquals("Dropbox (ann@example.com):\n1 notes.txt 5B", server.text(PHONE, "cd 1").text());
    }

    @Test
    void wrongStateRejected() throws Exception {
        String callback = signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri()));
        String forged = callback.replaceFirst("state=[^&]+", "state=forged-state-value");

        HttpResponse<String> page = get(forged);

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("<h1>Linking failed</h1>"), page.body());
        assertTrue(page.body().contains("This sign-in link is not valid or has expired: start linking again from TextDrive."),
                page.body());
        assertEquals(List.of(), server.app().accounts().list());
        assertEquals(List.of(), fake.tokenRequests());
    }

    @Test
    void missingStateRejected() throws Exception {
        String callback = signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri()));

        HttpResponse<String> page = get(callback.replaceFirst("&state=[^&]+", ""));

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("This sign-in link is not valid or has expired"), page.body());
        assertEquals(List.of(), server.app().accounts().list());
    }

    @Test
    void reusedStateRejected() throws Exception {
        String callback = signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri()));
        assertEquals(200, get(callback).statusCode());

        HttpResponse<String> again = get(callback);

        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("This sign-in link is not valid or has expired"), again.body());
        assertEquals(1, server.app().accounts().list().size());
        assertEquals(1, fake.tokenRequests().size());
    }

    @Test
    void expiredStateRejected() throws Exception {
        String callback = signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri()));
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        HttpResponse<String> page = get(callback);

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("This sign-in link is not valid or has expired"), page.body());
        assertEquals(List.of(), server.app().accounts().list());
        assertEquals(List.of(), fake.tokenRequests());
    }

    @Test
    void stateJustInTimeAccepted() throws Exception {
        String callback = signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri()));
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));

        assertEquals(200, get(callback).statusCode());
        assertEquals(1, server.app().accounts().list().size());
    }

    @Test
    void deniedSignInShowsCancelled() throws Exception {
        fake.denySignIn();
        String callback = signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri()));

        HttpResponse<String> page = get(callback);

        assertTrue(callback.contains("error=access_denied"), callback);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("<h1>Linking was cancelled</h1>"), page.body());
        assertTrue(page.body().contains("Kloudless reported: access_denied."), page.body());
        assertEquals(List.of(), server.app().accounts().list());
    }

    @Test
    void rejectedCodeShowsFailure() throws Exception {
        String callback = signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri()));
        String wrongCode = callback.replaceFirst("code=[^&]+", "code=not-issued");

        HttpResponse<String> page = get(wrongCode);

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("<h1>Linking failed</h1>"), page.body());
        assertTrue(page.body().contains("Kloudless did not accept the sign-in: the token or code was rejected "
                + "(Kloudless error 400 (invalid_grant)"), page.body());
        assertFalse(page.body().contains(API_KEY), page.body());
        assertEquals(List.of(), server.app().accounts().list());
    }

    @Test
    void serverErrorSaysTryAgain() throws Exception {
        String callback = signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri()));
        fake.fail(1, 503);

        HttpResponse<String> page = get(callback);

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("<h1>Linking failed</h1>"), page.body());
        assertTrue(page.body().contains("Could not finish the sign-in with Kloudless: Kloudless error 503"), page.body());
        assertTrue(page.body().contains("Start linking again from TextDrive in a minute."), page.body());
        assertEquals(List.of(), server.app().accounts().list());
    }

    @Test
    void secondSignInUpdatesAccount() throws Exception {
        get(signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri())));
        StorageAccount first = server.app().accounts().list().get(0);
        server.app().accounts().markNeedsRelink(first.id());

        HttpResponse<String> page = get(signIn(server.app().kloudless().start(server.app().kloudlessRedirectUri())));

        assertEquals(200, page.statusCode());
        List<StorageAccount> accounts = server.app().accounts().list();
        assertEquals(1, accounts.size());
        assertEquals(first.id(), accounts.get(0).id());
        assertFalse(accounts.get(0).needsRelink());
    }

    /** Opens the authorization URL as a browser would and returns the callback URL that the fake redirects to. */
    private String signIn(String authorize) throws Exception {
        HttpResponse<String> redirect = get(authorize);
        assertEquals(302, redirect.statusCode(), redirect.body());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(server.app().kloudlessRedirectUri() + "?"), location);
        return location;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
