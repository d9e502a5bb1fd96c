package dev.textdrive.testing;

import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.inbound.InboundListener;
import dev.textdrive.sms.SimulatedWebhook;
import dev.textdrive.storage.StorageAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real TextDrive for tests: its own SQLite file in a temporary folder, the real Jetty on a random loopback
 * port, and a public URL that differs from the local one, as behind a tunnel.
 */
public final class TestServer implements AutoCloseable {

    public static final String PUBLIC_URL = "https://textdrive.example.test";
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    public static final String TWILIO_NUMBER = "+14155550100";

    private final TextDrive app;
    private final Path directory;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(TextDrive app, Path directory) {
        this.app = app;
        this.directory = directory;
    }

    /**
     * Starts a server in simulator mode, or with Twilio credentials when {@code twilio} is set.
     *
     * @param extraYaml more configuration sections, such as {@code "send:\n  daily_limit: 2\n"}
     */
    public static TestServer start(Path directory, Clock clock, FakeTwilio twilio, String extraYaml) throws IOException {
        StringBuilder yaml = new StringBuilder()
                .append("server:\n  host: 127.0.0.1\n  port: 0\n  public_url: ").append(PUBLIC_URL).append('\n')
                .append("database:\n  path: ").append(directory.resolve("textdrive.db")).append('\n');
        if (!extraYaml.contains("sms:")) {
            yaml.append("sms:\n  default_region: US\n");
        }
        if (twilio != null) {
            yaml.append("twilio:\n  account_sid: ").append(ACCOUNT_SID).append("\n  auth_token: ").append(AUTH_TOKEN)
                    .append("\n  phone_number: '").append(TWILIO_NUMBER).append("'\n  api_base_url: ")
                    .append(twilio.baseUrl()).append('\n');
        }
        yaml.append(extraYaml);
        Path file = directory.resolve("config.yml");
        Files.writeString(file, yaml);
        Config config = new ConfigLoader(directory.resolve("data")).load(file);
        TextDrive app = TextDrive.open(config, clock, InboundListener.NONE);
        app.server().start();
        return new TestServer(app, directory);
    }

    public static TestServer start(Path directory, Clock clock) throws IOException {
        return start(directory, clock, null, "");
    }

    public TextDrive app() {
        return app;
    }

    public String localUrl() {
        return app.server().localUrl();
    }

    /** Returns the key webhooks are signed with: the auth token, or the simulator's local secret. */
    public String secret() {
        return app.config().twilio().map(Config.Twilio::authToken)
                .orElseGet(() -> app.settings().get(TextDrive.SIMULATOR_SECRET).orElseThrow());
    }

    /** Adds a verified phone with one local-folder account granted, creating the folder. */
    public Path phoneWithFolder(String phone, String accountName) throws IOException {
        Path folder = Files.createDirectories(directory.resolve("folders").resolve(accountName));
        if (app.phones().find(phone).isEmpty()) {
            app.phones().add(phone, "", true, "test");
        }
        app.accounts().add(accountName, StorageAccount.LOCAL, folder.toString(), null, "test");
        app.accounts().grant(phone, accountName, "test");
        return folder;
    }

    /** Returns the form Twilio posts for an inbound SMS, with a new MessageSid. */
    public static Map<String, List<String>> form(String from, String body) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("ToCountry", List.of("US"));
        form.put("ToState", List.of("CA"));
        form.put("SmsMessageSid", List.of(sid));
        form.put("NumMedia", List.of("0"));
        form.put("ToCity", List.of("SAN FRANCISCO"));
        form.put("FromZip", List.of(""));
        form.put("SmsSid", List.of(sid));
        form.put("FromState", List.of(""));
        form.put("SmsStatus", List.of("received"));
        form.put("FromCity", List.of(""));
        form.put("Body", List.of(body));
        form.put("FromCountry", List.of("US"));
        form.put("To", List.of(TWILIO_NUMBER));
        form.put("ToZip", List.of("94105"));
        form.put("NumSegments", List.of("1"));
        form.put("MessageSid", List.of(sid));
        form.put("AccountSid", List.of(ACCOUNT_SID));
        form.put("From", List.of(from));
        form.put("ApiVersion", List.of("2010-04-01"));
        return form;
    }

    /** Texts as a phone through the real webhook, signed for the public URL, and returns the reply. */
    public Reply text(String from, String body) throws IOException, InterruptedException {
        return post(form(from, body));
    }

    /** Posts a form signed correctly for the public URL. */
    public Reply post(Map<String, List<String>> form) throws IOException, InterruptedException {
        return post(form, TwilioSigner.sign(secret(), PUBLIC_URL + "/sms", form), Map.of());
    }

    /** Posts a form with the given signature (null for none) and extra headers. */
    public Reply post(Map<String, List<String>> form, String signature, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(localUrl() + "/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SimulatedWebhook.encode(form)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), SimulatedWebhook.replyText(response.body()));
    }

    /** Returns the local URL that serves a link the server handed out with its public URL. */
    public String local(String publicLink) {
        return publicLink.replace(PUBLIC_URL, localUrl());
    }

    @Override
    public void close() {
        app.close();
    }

    /**
     * The webhook's response.
     *
     * @param status the HTTP status
     * @param contentType the Content-Type header
     * @param twiml the body
     * @param text the reply text inside the TwiML, empty when none
     */
    public record Reply(int status, String contentType, String twiml, String text) {

        /** Returns the first line of the reply that starts with http, the download link. */
        public String link() {
            return text.lines().filter(line -> line.startsWith("http")).findFirst()
                    .orElseThrow(() -> new AssertionError("No link in reply: " + text));
        }
    }
}
