package dev.textdrive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.store.Sql;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownloadTest {

    private static final String PHONE = "+14155550123";
    private static final String NAME = "Résumé 東京.pdf";
    private static final Pattern EXTENDED_FILENAME = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)");

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-12-04T12:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;
    private Path folder;
    private byte[] content;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(directory, clock);
        folder = server.phoneWithFolder(PHONE, "Work");
        content = new byte[300 * 1024 + 17];
        new Random(42).nextBytes(content);
        Files.write(folder.resolve(NAME), content);
        server.text(PHONE, "cd 1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void linkDownloadsExactBytes() throws Exception {
        String link = server.local(get(1));

        HttpResponse<byte[]> response = download(link, null);

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
        assertEquals(String.valueOf(content.length), header(response, "Content-Length"));
        assertEquals("application/pdf", header(response, "Content-Type"));
        assertEquals("bytes", header(response, "Accept-Ranges"));
        assertEquals(1, count("SELECT downloads FROM links"));
    }

    @Test
    void dispositionKeepsUtf8Name() throws Exception {
        HttpResponse<byte[]> response = download(server.local(get(1)), null);

        String disposition = header(response, "Content-Disposition");
        assertTrue(disposition.startsWith("attachment;"), disposition);
        Matcher extended = EXTENDED_FILENAME.matcher(disposition);
        assertTrue(extended.find(), disposition);
        assertEquals(NAME, percentDecode(extended.group(1)));
        assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(disposition), disposition);
    }

    @ParameterizedTest
    @CsvSource({
        "photo.png, image/png",
        "scan.PDF, application/pdf",
        "notes.txt, text/plain",
        "archive.unknownext, application/octet-stream",
        "README, application/octet-stream",
    })
    void contentTypeFollowsExtension(String name, String type) throws Exception {
        Files.writeString(folder.resolve(name), "data");
        String reply = server.text(PHONE, "ls").text();
        int index = indexOf(reply, name);

        HttpResponse<byte[]> response = download(server.local(get(index)), null);

        assertEquals(200, response.statusCode());
        assertEquals(type, header(response, "Content-Type").replaceFirst(";.*", ""));
        assertEquals("nosniff", header(response, "X-Content-Type-Options"));
        assertArrayEquals("data".getBytes(StandardCharsets.UTF_8), response.body());
    }

    @Test
    void firstTenBytesRange() throws Exception {
        HttpResponse<byte[]> response = download(server.local(get(1)), "bytes=0-9");

        assertEquals(206, response.statusCode());
        assertEquals("bytes 0-9/" + content.length, header(response, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(content, 0, 10), response.body());
        assertEquals("10", header(response, "Content-Length"));
    }

    @Test
    void suffixRangeGetsLastBytes() throws Exception {
        HttpResponse<byte[]> response = download(server.local(get(1)), "bytes=-5");

        assertEquals(206, response.statusCode());
        assertEquals("bytes " + (content.length - 5) + "-" + (content.length - 1) + "/" + content.length,
                header(response, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(content, content.length - 5, content.length), response.body());
    }

    @Test
    void openRangeGetsRest() throws Exception {
        HttpResponse<byte[]> response = download(server.local(get(1)), "bytes=100-");

        assertEquals(206, response.statusCode());
        assertEquals("bytes 100-" + (content.length - 1) + "/" + content.length, header(response, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(content, 100, content.length), response.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"bytes=%d-", "bytes=%d-%d", "bytes=-0", "bytes=20-10"})
    void unsatisfiableRangeRejected(String pattern) throws Exception {
        String range = String.format(pattern, content.length, content.length + 10);

        HttpResponse<byte[]> response = download(server.local(get(1)), range);

        assertEquals(416, response.statusCode());
        assertEquals("bytes */" + content.length, header(response, "Content-Range"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"bytes=0-1,5-6", "items=0-9", "bytes=x-y"})
    void unsupportedRangeGetsWholeFile(String range) throws Exception {
        HttpResponse<byte[]> response = download(server.local(get(1)), range);

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
    }

    @Test
    void headSendsHeadersOnly() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.local(get(1))))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();

        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertEquals(0, response.body().length);
        assertEquals(String.valueOf(content.length), header(response, "Content-Length"));
        assertEquals("application/pdf", header(response, "Content-Type"));
        assertEquals(0, count("SELECT downloads FROM links"));
    }

    @Test
    void expiredLinkNotFound() throws Exception {
        String link = server.local(get(1));
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        HttpResponse<byte[]> beforeExpiry = download(link, "bytes=0-0");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        HttpResponse<byte[]> response = download(link, null);

        assertEquals(206, beforeExpiry.statusCode());
        assertEquals(404, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("text/plain"), header(response, "Content-Type"));
        assertEquals("Not found. This link has expired or does not exist: ask the sender for a new one.\n",
                new String(response.body(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"AAAAAAAAAAAAAAAAAAAAAAAA", "short", "not-a-token!", "''"})
    void unknownTokenNotFound(String token) throws Exception {
        HttpResponse<byte[]> response = download(server.localUrl() + "/d/" + token, null);

        assertEquals(404, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("text/plain"), header(response, "Content-Type"));
    }

    @Test
    void postToLinkNotAllowed() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.local(get(1))))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();

        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD", header(response, "Allow"));
    }

    private String get(int index) throws Exception {
        return server.text(PHONE, "get " + index).link();
    }

    private HttpResponse<byte[]> download(String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private long count(String sql) {
        return server.app().database().read(connection -> Sql.count(connection, sql));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** Returns the number a listing shows for a name. */
    private static int indexOf(String listing, String name) {
        return listing.lines()
                .filter(line -> line.matches("\\d+ " + Pattern.quote(name) + " .*"))
                .map(line -> Integer.parseInt(line.substring(0, line.indexOf(' '))))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in the listing:\n" + listing));
    }

    /** Decodes an RFC 5987 value-chars string: percent-encoded UTF-8, where '+' is a literal plus. */
    private static String percentDecode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
