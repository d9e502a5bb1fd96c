package dev.textdrive.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /health}: 200 while the server runs, for monitors and start-up scripts. */
public final class HealthHandler extends Handler.Abstract.NonBlocking {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Responses.plain(response, callback, HttpStatus.OK_200, "ok\n");
        return true;
    }
}
