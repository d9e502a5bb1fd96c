package dev.textdrive.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import dev.textdrive.inbound.InboundService;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.sms.InboundSms;
import dev.textdrive.sms.WebhookSignature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /sms}, the webhook Twilio calls for each inbound SMS.
 *
 * <p>The signature is checked against the configured public URL, which is what Twilio called and signed,
 * not the URL Jetty sees behind a tunnel or proxy. Every response is TwiML, on error paths too.
 */
public final class SmsWebhookHandler extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(SmsWebhookHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private static final long REJECTION_LOG_INTERVAL_MILLIS = 60_000;

    private final Supplier<String> webhookUrl;
    private final AtomicLong lastRejectionLog = new AtomicLong(-REJECTION_LOG_INTERVAL_MILLIS);
    private final AtomicLong suppressedRejections = new AtomicLong();
    private final WebhookSignature signature;
    private final InboundService inbound;

    /**
     * @param webhookUrl the URL Twilio calls, {@code server.public_url} followed by {@code /sms}
     * @param signature the validator for the Twilio auth token, or for the local secret in simulator mode
     */
    public SmsWebhookHandler(Supplier<String> webhookUrl, WebhookSignature signature,
                             InboundService inbound) {
        this.webhookUrl = webhookUrl;
        this.signature = signature;
        this.inbound = inbound;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            if (!HttpMethod.POST.is(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
                twiml(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "");
                return true;
            }

            Map<String, List<String>> form;
            try {
                form = form(request);
            } catch (IllegalArgumentException | IllegalStateException | HttpException.RuntimeException e) {
                // Twilio never sends such a form, so this is a client error and not worth a stack trace.
                int status = e instanceof HttpException http ? http.getCode() : HttpStatus.BAD_REQUEST_400;
                log.warn("Rejected a webhook request whose form cannot be read: {}", e.getMessage());
                twiml(response, callback, status, "");
                return true;
            }
            String query = request.getHttpURI().getQuery();
            String signedUrl = query == null ? webhookUrl.get() : webhookUrl.get() + "?" + query;
            String given = request.getHeaders().get(SIGNATURE_HEADER);
            if (!signature.valid(signedUrl, form, given)) {
                logRejected(given == null ? "no" : "a wrong", signedUrl);
                twiml(response, callback, HttpStatus.FORBIDDEN_403, "");
                return true;
            }

            String messageSid = first(form, "MessageSid");
            String from = first(form, "From");
            if (messageSid == null || from == null) {
                log.warn("Rejected a signed webhook request without MessageSid or From.");
                twiml(response, callback, HttpStatus.BAD_REQUEST_400, "");
                return true;
            }

            String body = first(form, "Body");
            InboundSms sms = new InboundSms(messageSid, from, body == null ? "" : body, JSON.writeValueAsString(form));
            log.debug("Message {} from {}.", messageSid, PhoneNumbers.mask(from));
            twiml(response, callback, HttpStatus.OK_200, inbound.receive(sms));
        } catch (Exception e) {
            log.error("The SMS webhook failed.", e);
            twiml(response, callback, HttpStatus.OK_200, "");
        }
        return true;
    }

    /** Logs rejected requests at most once a minute with a count, so unsigned requests cannot flood the log. */
    private void logRejected(String kind, String signedUrl) {
        long now = System.currentTimeMillis();
        long last = lastRejectionLog.get();
        if (now - last < REJECTION_LOG_INTERVAL_MILLIS || !lastRejectionLog.compareAndSet(last, now)) {
            suppressedRejections.incrementAndGet();
            return;
        }
        long suppressed = suppressedRejections.getAndSet(0);
        log.warn("Rejected a webhook request with {} signature{}; Twilio signs {}, so check server.public_url.", kind,
                suppressed == 0 ? "" : " (and " + suppressed + " more since the last warning)", signedUrl);
    }

    private static Map<String, List<String>> form(Request request) {
        Fields fields = FormFields.getFields(request);
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            form.put(field.getName(), List.copyOf(field.getValues()));
        }
        return form;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Writes a TwiML response that replies with {@code text}, or replies nothing when it is empty. */
    private static void twiml(Response response, Callback callback, int status, String text) {
        MessagingResponse.Builder twiml = new MessagingResponse.Builder();
        if (!text.isEmpty()) {
            twiml.message(new Message.Builder().body(new Body.Builder(text).build()).build());
        }
        Responses.text(response, callback, status, "text/xml; charset=utf-8", twiml.build().toXml());
    }

}
