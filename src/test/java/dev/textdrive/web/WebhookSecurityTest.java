package dev.textdrive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.textdrive.store.Sql;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import dev.textdrive.testing.TwilioSigner;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

class WebhookSecurityTest {

    private static final String PHONE = "+14155550123";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"));
        Path folder = server.phoneWithFolder(PHONE, "Work");
        Files.writeString(folder.resolve("notes.txt"), "hello");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void badSignatureRejected() throws Exception {
        Map<String, List<String>> form = TestServer.form(PHONE, "ls");
        String signature = TwilioSigner.sign("not-the-secret", TestServer.PUBLIC_URL + "/sms", form);

        TestServer.Reply reply = server.post(form, signature, Map.of());

        assertEquals(403, reply.status());
        assertTrue(reply.contentType().startsWith("text/xml"), reply.contentType());
        assertEquals("Response", rootElement(reply.twiml()));
        assertEquals("", reply.text());
        assertEquals(0, count("SELECT COUNT(*) FROM messages"));
        assertEquals(0, count("SELECT COUNT(*) FROM sessions"));
    }

    @Test
    void missingSignatureRejected() throws Exception {
        TestServer.Reply reply = server.post(TestServer.form(PHONE, "ls"), null, Map.of());

        assertEquals(403, reply.status());
        assertEquals("Response", rootElement(reply.twiml()));
        assertEquals(0, count("SELECT COUNT(*) FROM messages"));
    }

    @Test
    void signatureOverLocalUrlRejected() throws Exception {
        Map<String, List<String>> form = TestServer.form(PHONE, "ls");
        String signature = TwilioSigner.sign(server.secret(), server.localUrl() + "/sms", form);

        TestServer.Reply reply = server.post(form, signature, Map.of());

        assertEquals(403, reply.status());
        assertEquals(0, count("SELECT COUNT(*) FROM messages"));
    }

    @Test
    void forwardedRequestAccepted() throws Exception {
        Map<String, List<String>> form = TestServer.form(PHONE, "ls");
        String signature = TwilioSigner.sign(server.secret(), TestServer.PUBLIC_URL + "/sms", form);
        Map<String, String> proxyHeaders = Map.of(
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "textdrive.example.test",
                "X-Forwarded-For", "54.172.60.1");

        TestServer.Reply reply = server.post(form, signature, proxyHeaders);

        assertEquals(200, reply.status());
        assertEquals("Your accounts:\n1 Work", reply.text());
    }

    @Test
    void repeatedKeysKeptInStoredForm() throws Exception {
        Map<String, List<String>> form = TestServer.form(PHONE, "ls");
        form.put("NumMedia", List.of("2"));
        form.put("MediaUrl0", List.of("https://api.twilio.com/media/b", "https://api.twilio.com/media/a"));
        form.put("Label", List.of("zeta", "alpha", "mu"));
        String messageSid = form.get("MessageSid").get(0);

        TestServer.Reply reply = server.post(form);

        assertEquals(200, reply.status());
        assertEquals("Your accounts:\n1 Work", reply.text());
        JsonNode stored = JSON.readTree(server.app().database().read(connection -> Sql.one(connection,
                "SELECT form FROM messages WHERE message_sid = ?", row -> row.getString(1), messageSid)).orElseThrow());
        assertEquals(List.of("https://api.twilio.com/media/b", "https://api.twilio.com/media/a"),
                texts(stored.get("MediaUrl0")));
        assertEquals(List.of("zeta", "alpha", "mu"), texts(stored.get("Label")));
        assertEquals(List.of("ls"), texts(stored.get("Body")));
    }

    @ParameterizedTest
    @CsvSource({"MessageSid", "From"})
    void missingFieldGetsBadRequest(String field) throws Exception {
        Map<String, List<String>> form = TestServer.form(PHONE, "ls");
        form.remove(field);

        TestServer.Reply reply = server.post(form);

        assertEquals(400, reply.status());
        assertTrue(reply.contentType().startsWith("text/xml"), reply.contentType());
        assertEquals("Response", rootElement(reply.twiml()));
        assertEquals(0, count("SELECT COUNT(*) FROM messages"));
    }

    @Test
    void getNotAllowed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.localUrl() + "/sms")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        assertEquals("Response", rootElement(response.body()));
        assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
    }

    /** Every way a request to the webhook can go wrong still gets TwiML, so Twilio never logs a parse error. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET    | /sms     | application/x-www-form-urlencoded | ''                | 405",
        "PUT    | /sms     | application/x-www-form-urlencoded | Body=ls           | 405",
        "DELETE | /sms     | application/x-www-form-urlencoded | ''                | 405",
        "POST   | /sms     | application/x-www-form-urlencoded | ''                | 403",
        "POST   | /sms     | application/x-www-form-urlencoded | Body=%zz&From=%   | 400",
        "POST   | /sms     | application/json                  | {\"Body\":\"ls\"} | 403",
        "POST   | /sms     | text/plain                        | Body=ls           | 403",
        "POST   | /sms?x=1 | application/x-www-form-urlencoded | Body=ls           | 403",
    })
    void everyResponseIsTwiml(String method, String path, String contentType, String body, int status) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.localUrl() + path))
                .header("Content-Type", contentType)
                .header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertEquals(status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"),
                response.headers().firstValue("Content-Type").orElse("none"));
        assertEquals("Response", rootElement(response.body()));
        assertEquals(0, count("SELECT COUNT(*) FROM messages"));
    }

    /** Forms beyond Jetty's limits on form size and key count cannot come from Twilio. */
    @ParameterizedTest
    @CsvSource({"3000, 10, 413", "10, 30000, 413"})
    void oversizedFormRejected(int keys, int valueLength, int status) throws Exception {
        StringBuilder body = new StringBuilder("From=%2B14155550123");
        for (int i = 0; i < keys; i++) {
            body.append("&Key").append(i).append('=').append("v".repeat(valueLength));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.localUrl() + "/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertEquals(status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"),
                response.headers().firstValue("Content-Type").orElse("none"));
        assertEquals("Response", rootElement(response.body()));
        assertEquals(0, count("SELECT COUNT(*) FROM messages"));
    }

    private long count(String sql) {
        return server.app().database().read(connection -> Sql.count(connection, sql));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Parses a body as XML, failing the test when it is not, and returns the name of its root element. */
    static String rootElement(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement().getTagName();
    }
}
