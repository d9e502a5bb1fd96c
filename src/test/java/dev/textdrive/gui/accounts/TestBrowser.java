package dev.textdrive.gui.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A link opener that signs in as a browser would, without a browser: it opens the authorization URL on the fake
 * Kloudless server, follows its redirect to the callback of the embedded server, and keeps the page it got.
 */
final class TestBrowser implements Consumer<String> {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<HttpResponse<String>> pages = new CopyOnWriteArrayList<>();

    @Override
    public void accept(String url) {
        opened.add(url);
        try {
            HttpResponse<String> redirect = get(url);
            if (redirect.statusCode() != 302) {
                throw new IllegalStateException("The sign-in page returned " + redirect.statusCode() + ": " + redirect.body());
            }
            pages.add(get(redirect.headers().firstValue("Location").orElseThrow()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Returns the URLs opened, in order. */
    List<String> opened() {
        return List.copyOf(opened);
    }

    /** Returns the pages the callback returned, in order. */
    List<HttpResponse<String>> pages() {
        return List.copyOf(pages);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
