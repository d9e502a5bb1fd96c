package dev.textdrive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HealthTest {

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthReturnsOk() throws Exception {
        HttpResponse<String> response = get("/health");

        assertEquals(200, response.statusCode());
        assertEquals("ok\n", response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertFalse(response.headers().firstValue("Server").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/unknown", "/health/extra", "/sms/", "/d", "/admin", "/index.html"})
    void unknownPathNotFound(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertEquals(404, response.statusCode());
        assertEquals("Not found.\n", response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                response.headers().firstValue("Content-Type").orElse("none"));
        assertFalse(response.headers().firstValue("Server").isPresent());
        assertFalse(response.headers().firstValue("X-Powered-By").isPresent());
        assertFalse(response.body().toLowerCase(Locale.ROOT).contains("jetty"), response.body());
        assertFalse(response.body().contains("<"), response.body());
    }

    @Test
    void rootSaysServerRuns() throws Exception {
        HttpResponse<String> response = get("/");

        assertEquals(200, response.statusCode());
        assertEquals("TextDrive is running. Twilio sends SMS to /sms.\n", response.body());
    }

    /** Jetty's own errors, raised before any handler runs, get the same plain page without a version. */
    @Test
    void jettyErrorHidesVersion() throws Exception {
        URI local = URI.create(server.localUrl());
        String text;
        try (Socket socket = new Socket(local.getHost(), local.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /d/../../etc/passwd HTTP/1.1\r\nHost: " + local.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertTrue(text.startsWith("HTTP/1.1 400 "), text);
        assertTrue(text.endsWith("\r\n\r\n400 Bad Request\n"), text);
        assertFalse(text.toLowerCase(Locale.ROOT).contains("\nserver:"), text);
        assertFalse(text.toLowerCase(Locale.ROOT).contains("jetty"), text);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.localUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
