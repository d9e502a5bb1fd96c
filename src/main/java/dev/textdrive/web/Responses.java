package dev.textdrive.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Plain responses shared by the handlers. */
final class Responses {

    static final String NOT_FOUND = "Not found. This link has expired or does not exist: ask the sender for a new one.\n";

    /** A TwiML response that sends no reply. */
    static final String EMPTY_TWIML = new com.twilio.twiml.MessagingResponse.Builder().build().toXml();

    private Responses() {
    }

    static void text(Response response, Callback callback, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    static void notFound(Response response, Callback callback) {
        text(response, callback, HttpStatus.NOT_FOUND_404, "text/plain; charset=utf-8", NOT_FOUND);
    }

    static void plain(Response response, Callback callback, int status, String body) {
        text(response, callback, status, "text/plain; charset=utf-8", body);
    }

}
