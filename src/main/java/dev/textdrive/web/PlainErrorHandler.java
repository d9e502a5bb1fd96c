package dev.textdrive.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before a handler runs with short plain pages and no server details, and
 * with TwiML on the webhook path.
 *
 * <p>NOTE: Jetty rejects a path that climbs above the root, such as {@code /d/../../etc/passwd}, with 400
 * while parsing it, and passes this handler the path {@code /badMessage} instead, so such requests get a
 * 400 page rather than the 404 of an unknown link. No handler and no file is reached either way.
 */
final class PlainErrorHandler extends ErrorHandler {

    PlainErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        if (path != null && path.startsWith("/sms")) {
            Responses.text(response, callback, code, "text/xml; charset=utf-8", Responses.EMPTY_TWIML);
        } else {
            Responses.plain(response, callback, code, code + " " + HttpStatus.getMessage(code) + "\n");
        }
    }
}
