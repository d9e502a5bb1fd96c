package dev.textdrive.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * A local fake of the Twilio REST API's Messages resource
 * ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}) on a loopback port: it checks HTTP Basic
 * auth, records each message, and answers with Twilio's JSON, or with Twilio's error JSON for numbers that a
 * test registers as failing.
 */
public final class FakeTwilio implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accountSid;
    private final String authToken;
    private final Server server = new Server();
    private final List<Map<String, String>> messages = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> errors = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    public FakeTwilio(String accountSid, String authToken) throws Exception {
        this.accountSid = accountSid;
        this.authToken = authToken;
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                handleRequest(request, response, callback);
                return true;
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Makes messages to a number fail with a Twilio error code, such as 21610 for an opted-out recipient. */
    public void failFor(String to, int code) {
        errors.put(to, code);
    }

    /** Returns the form of every message accepted so far, in order. */
    public List<Map<String, String>> messages() {
        return List.copyOf(messages);
    }

    private void handleRequest(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String expectedPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        String expectedAuth = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        if (!expectedAuth.equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            write(response, callback, 401, error(20003, "Authenticate", 401));
            return;
        }
        if (!"POST".equals(request.getMethod()) || !expectedPath.equals(path)) {
            write(response, callback, 404, error(20404, "The requested resource " + path + " was not found", 404));
            return;
        }

        Fields fields = FormFields.getFields(request);
        Map<String, String> form = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            form.put(field.getName(), field.getValue());
        }
        Integer code = errors.get(form.get("To"));
        if (code != null) {
            write(response, callback, 400, error(code, "Error " + code + " for " + form.get("To"), 400));
            return;
        }

        messages.add(form);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("sid", String.format("SM%032d", sequence.incrementAndGet()));
        message.put("account_sid", accountSid);
        message.put("to", form.get("To"));
        message.put("from", form.get("From"));
        message.put("body", form.get("Body"));
        message.put("status", "queued");
        message.put("direction", "outbound-api");
        message.put("num_segments", "1");
        message.put("api_version", "2010-04-01");
        message.put("date_created", "Fri, 04 Dec 2026 20:00:00 +0000");
        message.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + message.get("sid") + ".json");
        write(response, callback, 201, JSON.writeValueAsString(message));
    }

    private static String error(int code, String message, int status) throws Exception {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        error.put("status", status);
        return JSON.writeValueAsString(error);
    }

    private static void write(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
