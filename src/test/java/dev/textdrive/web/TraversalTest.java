package dev.textdrive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.storage.StorageAccount;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraversalTest {

    private static final String PHONE = "+14155550123";
    private static final String SECRET = "TOP-SECRET-7f3a9c";
    private static final FileTime MODIFIED = FileTime.from(Instant.parse("2026-11-30T09:00:00Z"));

    @TempDir
    Path directory;

    private TestServer server;
    private Path folder;
    private Path secret;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"));
        folder = server.phoneWithFolder(PHONE, "Work");
        Files.setLastModifiedTime(Files.writeString(folder.resolve("public.txt"), "public"), MODIFIED);
        secret = Files.writeString(folder.getParent().resolve("secret.txt"), SECRET);
        Files.writeString(directory.resolve("secret.txt"), SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * Paths that try to leave {@code /d/}. Jetty answers 400 itself, before any handler runs, when the
     * decoded path climbs above the root or holds a raw backslash, a NUL or a {@code ..;} segment. The
     * others reach the router or the download handler, which return 404, because an encoded slash or
     * backslash is not a separator and such a path is one invalid token.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/d/../secret.txt                        | 404",
        "/d/../../secret.txt                     | 400",
        "/d/../../../../../etc/passwd            | 400",
        "/d/..%2f..%2fsecret.txt                 | 404",
        "/d/..%2F..%2F..%2Fsecret.txt            | 404",
        "/d/%2e%2e/%2e%2e/secret.txt             | 400",
        "/d/%2e%2e/secret.txt                    | 404",
        "/d/%252e%252e%252fsecret.txt            | 404",
        "/d/%252e%252e%252f%252e%252e%252fsecret.txt | 404",
        "/d/..%5c..%5csecret.txt                 | 404",
        "/d/..\\..\\secret.txt                   | 400",
        "/d/..;/secret.txt                       | 400",
        "/d/..;/..;/secret.txt                   | 400",
        "/d/%00../secret.txt                     | 400",
        "/d/secret.txt                           | 404",
        "/secret.txt                             | 404",
    })
    void rawPathTraversalRejected(String path, int status) throws Exception {
        RawResponse response = rawGet(path);

        assertEquals(status, response.status(), response.text());
        assertFalse(response.text().contains(SECRET), response.text());
    }

    /** A valid token followed by a path that climbs out must not serve the token's file or anything else. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/../secret.txt           | 404",
        "/../../secret.txt        | 404",
        "/../../../secret.txt     | 400",
        "%2f..%2f..%2fsecret.txt  | 404",
        "/%2e%2e/%2e%2e/secret.txt | 404",
        "/..%5c..%5csecret.txt    | 404",
        ";/../../secret.txt       | 404",
    })
    void tokenWithTrailingPathRejected(String suffix, int status) throws Exception {
        server.text(PHONE, "cd 1");
        String token = token(server.text(PHONE, "get 1").link());

        RawResponse response = rawGet("/d/" + token + suffix);

        assertEquals(status, response.status(), response.text());
        assertFalse(response.text().contains(SECRET), response.text());
        assertFalse(response.text().contains("public"), response.text());
    }

    @Test
    void symlinkToOutsideFileHidden() throws Exception {
        Files.createSymbolicLink(folder.resolve("shortcut.txt"), secret);
        Path inside = Files.createSymbolicLink(folder.resolve("alias.txt"), folder.resolve("public.txt"));

        String listing = server.text(PHONE, "cd 1").text();

        assertFalse(listing.contains("shortcut"), listing);
        assertTrue(listing.contains(inside.getFileName().toString()), listing);
        assertEquals("Work:\n1 alias.txt 6B 2026-11-30\n2 public.txt 6B 2026-11-30", listing);
    }

    @Test
    void symlinkToOutsideFolderHidden() throws Exception {
        Path outside = Files.createDirectory(directory.resolve("private"));
        Files.writeString(outside.resolve("diary.txt"), SECRET);
        Files.createSymbolicLink(folder.resolve("linked"), outside);

        String listing = server.text(PHONE, "cd 1").text();
        String opened = server.text(PHONE, "cd 1").text();

        assertEquals("Work:\n1 public.txt 6B 2026-11-30", listing);
        assertEquals("1 is a file: send get 1 for a link.", opened);
    }

    /** Checks that a stored link whose file id leads outside the folder, as a stale row might, serves nothing. */
    @ParameterizedTest
    @CsvSource({"shortcut.txt", "../secret.txt", "/etc/passwd", "linked/diary.txt"})
    void linkToOutsideIdNotServed(String fileId) throws Exception {
        Files.createSymbolicLink(folder.resolve("shortcut.txt"), secret);
        Path outside = Files.createDirectory(directory.resolve("private"));
        Files.writeString(outside.resolve("diary.txt"), SECRET);
        Files.createSymbolicLink(folder.resolve("linked"), outside);
        StorageAccount account = server.app().accounts().findByName("Work").orElseThrow();
        String token = server.app().links().create(account.id(), fileId, "x.txt", PHONE, Instant.parse("2026-12-05T12:00:00Z"));

        HttpResponse<String> response = httpGet(server.localUrl() + "/d/" + token);

        assertEquals(404, response.statusCode());
        assertFalse(response.body().contains(SECRET), response.body());
    }

    @Test
    void fileSwappedForSymlinkNotServed() throws Exception {
        server.text(PHONE, "cd 1");
        String link = server.local(server.text(PHONE, "get 1").link());
        HttpResponse<String> before = httpGet(link);
        Path file = folder.resolve("public.txt");
        Files.delete(file);
        Files.createSymbolicLink(file, secret);

        HttpResponse<String> after = httpGet(link);

        assertEquals(200, before.statusCode());
        assertEquals("public", before.body());
        assertEquals(404, after.statusCode());
        assertFalse(after.body().contains(SECRET), after.body());
    }

    @Test
    void folderSwappedForSymlinkNotServed() throws Exception {
        Path sub = Files.createDirectory(folder.resolve("sub"));
        Files.writeString(sub.resolve("secret.txt"), "inside");
        server.text(PHONE, "cd 1");
        server.text(PHONE, "cd 1");
        String link = server.local(server.text(PHONE, "get 1").link());
        Files.delete(sub.resolve("secret.txt"));
        Files.delete(sub);
        Files.createSymbolicLink(sub, secret.getParent());

        HttpResponse<String> after = httpGet(link);

        assertEquals(404, after.statusCode());
        assertFalse(after.body().contains(SECRET), after.body());
    }

    private HttpResponse<String> httpGet(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a request line exactly as given, since HTTP clients normalise paths before sending them. */
    private RawResponse rawGet(String path) throws Exception {
        URI local = URI.create(server.localUrl());
        try (Socket socket = new Socket(local.getHost(), local.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + local.getHost() + ":" + local.getPort()
                    + "\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String statusLine = text.lines().findFirst().orElseThrow(() -> new AssertionError("No response to " + path));
            return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), text);
        }
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf("/d/") + 3);
    }

    /**
     * A response read from the socket.
     *
     * @param status the status code of the status line
     * @param text the whole response, headers and body
     */
    private record RawResponse(int status, String text) {
    }
}
