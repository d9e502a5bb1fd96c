package dev.textdrive.sms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Sends an inbound SMS to a running TextDrive the way Twilio does: a form POST with Twilio's usual fields,
 * signed for the public URL, to the local webhook. The simulator and the {@code simulate} command use it.
 */
public final class SimulatedWebhook {

    /** The number simulated texts are addressed to when no Twilio number is configured, reserved for fiction. */
    public static final String SIMULATOR_NUMBER = "+15555550199";
    /** The AccountSid of simulated texts when no Twilio account is configured. */
    public static final String SIMULATOR_ACCOUNT_SID = "AC00000000000000000000000000000000";

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String localUrl;
    private final String signedUrl;
    private final WebhookSignature signature;
    private final String accountSid;
    private final String to;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param localUrl where the webhook listens, such as {@code http://127.0.0.1:15456/sms}
     * @param signedUrl the URL Twilio would call and sign, {@code server.public_url} followed by {@code /sms}
     * @param to the TextDrive number the message is addressed to
     */
    public SimulatedWebhook(String localUrl, String signedUrl, WebhookSignature signature, String accountSid, String to) {
        this.localUrl = localUrl;
        this.signedUrl = signedUrl;
        this.signature = signature;
        this.accountSid = accountSid;
        this.to = to;
    }

    /**
     * The outcome of one simulated message.
     *
     * @param status the HTTP status
     * @param twiml the response body
     * @param reply the text of the TwiML reply, empty when it replied nothing
     */
    public record Result(int status, String twiml, String reply) {
    }

    /** Posts one message from {@code from} and returns TextDrive's reply. */
    public Result send(String from, String body) throws IOException, InterruptedException {
        Map<String, List<String>> form = form(from, body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(localUrl))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", signature.sign(signedUrl, form))
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Result(response.statusCode(), response.body(), replyText(response.body()));
    }

    /** Returns the form fields Twilio sends for an inbound SMS. */
    public Map<String, List<String>> form(String from, String body) {
        String messageSid = "SM" + randomHex();
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("ToCountry", List.of("US"));
        form.put("SmsMessageSid", List.of(messageSid));
        form.put("NumMedia", List.of("0"));
        form.put("SmsSid", List.of(messageSid));
        form.put("SmsStatus", List.of("received"));
        form.put("Body", List.of(body));
        form.put("To", List.of(to));
        form.put("NumSegments", List.of(Integer.toString(SmsText.segments(body))));
        form.put("MessageSid", List.of(messageSid));
        form.put("AccountSid", List.of(accountSid));
        form.put("From", List.of(from));
        form.put("ApiVersion", List.of("2010-04-01"));
        return form;
    }

    /** Encodes form fields as {@code application/x-www-form-urlencoded}, repeated keys included. */
    public static String encode(Map<String, List<String>> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((key, values) -> values.forEach(value -> pairs.add(
                URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    /** Returns the text of the Message elements of a TwiML document, joined by blank lines. */
    public static String replyText(String twiml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
            NodeList messages = document.getElementsByTagName("Message");
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < messages.getLength(); i++) {
                texts.add(messages.item(i).getTextContent());
            }
            return String.join("\n\n", texts);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("The webhook did not return TwiML: " + e.getMessage(), e);
        }
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
