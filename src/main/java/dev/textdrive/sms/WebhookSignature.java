package dev.textdrive.sms;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks and creates {@code X-Twilio-Signature} values: an HMAC-SHA1, keyed with the auth token, of the
 * URL followed by each form key and value, keys sorted.
 *
 * <p>Validation uses the Twilio SDK's {@link RequestValidator}. Its map takes one value per key, so a key
 * that appears more than once is passed as one value that interleaves the key, which produces the string
 * Twilio signs for repeated keys: the key and each of its values, values sorted.
 */
public final class WebhookSignature {

    private final RequestValidator validator;
    /** One keyed HMAC per thread, so that signing a form does not look up and key a new Mac each time. */
    private final ThreadLocal<Mac> keyedMac;

    public WebhookSignature(String authToken) {
        this.validator = new RequestValidator(authToken);
        SecretKeySpec key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        this.keyedMac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(key);
                return mac;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HMAC-SHA1 is not available in this Java runtime.", e);
            }
        });
    }

    /** Returns whether a signature matches the URL and form values. */
    public boolean valid(String url, Map<String, List<String>> form, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return validator.validate(url, collapse(form), signature);
    }

    /** Returns the signature Twilio would send; the simulator signs its requests with the local secret. */
    public String sign(String url, Map<String, List<String>> form) {
        StringBuilder data = new StringBuilder(url);
        collapse(new TreeMap<>(form)).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> data.append(entry.getKey()).append(entry.getValue()));
        // doFinal resets the Mac to its key, ready for the next form.
        return Base64.getEncoder().encodeToString(keyedMac.get().doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> collapse(Map<String, List<String>> form) {
        Map<String, String> collapsed = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            collapsed.put(key, String.join(key, sorted));
        });
        return collapsed;
    }
}
