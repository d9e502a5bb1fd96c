package dev.textdrive.sms;

import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Sends the Twilio SDK's requests to another base URL, such as a local fake of the REST API in tests or a
 * staging proxy; the SDK (13.0.1) always builds {@code https://<domain>.twilio.com/...} URLs itself.
 */
final class RebasingHttpClient extends HttpClient {

    private final String baseUrl;
    private final HttpClient delegate;

    RebasingHttpClient(String baseUrl, HttpClient delegate) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.delegate = delegate;
    }

    @Override
    public Response makeRequest(Request request) {
        URI original = URI.create(request.getUrl());
        String path = original.getRawPath() == null ? "" : original.getRawPath();
        Request rebased = new Request(request.getMethod(), baseUrl + path);

        // TwilioRestClient puts the account SID and auth token on the request as username and password
        // (HTTP Basic), and sets an auth strategy only for other kinds of credentials.
        if (request.getUsername() != null && request.getPassword() != null) {
            rebased.setAuth(request.getUsername(), request.getPassword());
        } else if (request.getAuthStrategy() != null) {
            rebased.setAuth(request.getAuthStrategy());
        }
        if (request.getContentType() != null) {
            rebased.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            rebased.setBody(request.getBody());
        }
        copy(request.getQueryParams(), rebased::addQueryParam);
        copy(request.getPostParams(), rebased::addPostParam);
        copy(request.getHeaderParams(), rebased::addHeaderParam);
        return delegate.makeRequest(rebased);
    }

    private static void copy(Map<String, List<String>> parameters, BiConsumer<String, String> target) {
        if (parameters == null) {
            return;
        }
        parameters.forEach((name, values) -> values.forEach(value -> target.accept(name, value)));
    }
}
