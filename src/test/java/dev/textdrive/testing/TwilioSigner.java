package dev.textdrive.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests as Twilio documents it, written apart from the product's code so that tests check
 * the product against the published algorithm: HMAC-SHA1 with the auth token over the full URL followed by
 * each parameter name and value, names sorted, and a repeated name once per value, values sorted.
 */
public final class TwilioSigner {

    private TwilioSigner() {
    }

    public static String sign(String authToken, String url, Map<String, List<String>> form) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(form).entrySet()) {
            List<String> values = new ArrayList<>(entry.getValue());
            values.sort(null);
            for (String value : values) {
                data.append(entry.getKey()).append(value);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
