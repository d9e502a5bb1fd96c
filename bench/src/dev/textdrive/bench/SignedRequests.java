package dev.textdrive.bench;

import dev.textdrive.sms.SimulatedWebhook;
import dev.textdrive.sms.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds webhook requests as Twilio sends them: Twilio's usual form fields with a fresh MessageSid, signed
 * with the server's webhook secret for the URL it listens on.
 */
final class SignedRequests {

    private final String host;
    private final int port;
    private final String signedUrl;
    private final WebhookSignature signature;
    private final SimulatedWebhook forms;

    SignedRequests(String host, int port, String secret) {
        this.host = host;
        this.port = port;
        this.signedUrl = "http://" + host + ":" + port + "/sms";
        this.signature = new WebhookSignature(secret);
        this.forms = new SimulatedWebhook(signedUrl, signedUrl, signature, SimulatedWebhook.SIMULATOR_ACCOUNT_SID,
                SimulatedWebhook.SIMULATOR_NUMBER);
    }

    /**
     * One request ready to write to a connection.
     *
     * @param messageSid the MessageSid in the form
     * @param head the request line and headers
     * @param body the form
     */
    record Request(String messageSid, byte[] head, byte[] body) {
    }

    /** Returns a signed request for a text from a phone. */
    Request create(String from, String text) {
        Map<String, List<String>> form = forms.form(from, text);
        byte[] body = SimulatedWebhook.encode(form).getBytes(StandardCharsets.UTF_8);
        String header = "X-Twilio-Signature: " + signature.sign(signedUrl, form) + "\r\n";
        return new Request(form.get("MessageSid").get(0), HttpConnection.postHead(host, port, "/sms", header, body.length),
                body);
    }

    /** Returns the text of the first Message of a TwiML response, or an empty string when it has none. */
    static String replyText(String twiml) {
        int body = twiml.indexOf("<Body>");
        if (body < 0) {
            return "";
        }
        int end = twiml.indexOf("</Body>", body);
        String escaped = twiml.substring(body + "<Body>".length(), end < 0 ? twiml.length() : end);
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
