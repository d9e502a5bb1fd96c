package dev.textdrive.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String URL = "https://textdrive.example.test/sms";

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("From", List.of("+12025550100"));
        form.put("Body", List.of(body));
        form.put("MediaUrl", List.of("b", "a"));
        return form;
    }

    @Test
    void signedFormValidates() {
        WebhookSignature signature = new WebhookSignature("secret");

        assertTrue(signature.valid(URL, form("ls"), signature.sign(URL, form("ls"))));
    }

    @Test
    void signingTwiceGivesSameValue() {
        WebhookSignature signature = new WebhookSignature("secret");
        String first = signature.sign(URL, form("ls"));
        signature.sign(URL, form("get 2"));

        assertEquals(first, signature.sign(URL, form("ls")));
    }

    @Test
    void otherTokenOrBodyFails() {
        WebhookSignature signature = new WebhookSignature("secret");
        String signed = signature.sign(URL, form("ls"));

        assertFalse(new WebhookSignature("other").valid(URL, form("ls"), signed));
        assertFalse(signature.valid(URL, form("ls "), signed));
    }

    @Test
    void threadsSignAtOnce() throws Exception {
        WebhookSignature signature = new WebhookSignature("secret");
        String expected = signature.sign(URL, form("ls"));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> signed = threads.invokeAll(
                    Collections.nCopies(200, () -> signature.sign(URL, form("ls"))));
            for (Future<String> value : signed) {
                assertEquals(expected, value.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
