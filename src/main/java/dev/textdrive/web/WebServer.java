package dev.textdrive.web;

import java.io.IOException;
import java.net.BindException;
import java.util.Map;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the embedded Jetty server: start on a host and port (0 for any free port), {@link #port()}, stop. */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final String host;
    private final int requestedPort;
    private final Map<String, Handler> routes;
    private Server server;
    private ServerConnector connector;

    /**
     * @param routes handlers by path prefix; a prefix ending in {@code /} matches everything below it,
     *               any other prefix matches only that exact path
     */
    public WebServer(String host, int port, Map<String, Handler> routes) {
        this.host = host;
        this.requestedPort = port;
        this.routes = Map.copyOf(routes);
    }

    /**
     * Starts listening.
     *
     * @throws WebServerException when the port is taken or the host cannot be bound, with advice for the operator
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("textdrive-http");
        Server created = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Odd paths such as /d/%2e%2e reach the router, which returns 404, instead of Jetty's 400.
        http.setUriCompliance(UriCompliance.LEGACY);
        ServerConnector listener = new ServerConnector(created, new HttpConnectionFactory(http));
        listener.setHost(host);
        listener.setPort(requestedPort);
        created.addConnector(listener);

        created.setErrorHandler(new PlainErrorHandler());
        created.setHandler(new Router(routes));
        created.setStopTimeout(2_000);

        try {
            created.start();
        } catch (IOException e) {
            stopQuietly(created);
            throw bindFailure(e);
        } catch (Exception e) {
            stopQuietly(created);
            throw new WebServerException("Cannot start the web server on " + host + ":" + requestedPort + ": "
                    + e.getMessage(), e);
        }
        server = created;
        connector = listener;
        log.info("Web server listening on {}.", localUrl());
    }

    private WebServerException bindFailure(IOException e) {
        Throwable bind = e instanceof BindException ? e : e.getCause();
        String reason = bind == null || bind.getMessage() == null ? String.valueOf(e.getMessage()) : bind.getMessage();
        if (bind instanceof BindException && reason.contains("in use")) {
            return new WebServerException("Port " + requestedPort + " on " + host + " is already in use: stop the "
                    + "other program that uses it, or set server.port in the config to a free port.", e);
        }
        if (bind instanceof BindException && reason.contains("assign")) {
            return new WebServerException("Cannot listen on " + host + ": it is not an address of this machine. "
                    + "Set server.host to 127.0.0.1, to 0.0.0.0 for all interfaces, or to one of this machine's addresses.", e);
        }
        return new WebServerException("Cannot listen on " + host + ":" + requestedPort + " (" + reason
                + "): check server.host and server.port in the config.", e);
    }

    /** Returns the port listened on, which differs from the configured one when that was 0. */
    public synchronized int port() {
        if (connector == null) {
            throw new IllegalStateException("The web server is not running.");
        }
        return connector.getLocalPort();
    }

    /** Returns the URL the server listens on, such as {@code http://127.0.0.1:15456}. */
    public synchronized String localUrl() {
        String shownHost = host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shownHost + ":" + port();
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Stops the server; safe to call twice. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        stopQuietly(server);
        server = null;
        connector = null;
        log.info("Web server stopped.");
    }

    @Override
    public void close() {
        stop();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("Stopping the web server failed.", e);
        }
    }

    /** Sends each request to the handler of its path, or returns 404. */
    private static final class Router extends Handler.Abstract {
        private final Map<String, Handler> routes;

        Router(Map<String, Handler> routes) {
            this.routes = routes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            for (Map.Entry<String, Handler> route : routes.entrySet()) {
                String prefix = route.getKey();
                boolean matches = prefix.endsWith("/") ? path.startsWith(prefix) : path.equals(prefix);
                if (matches) {
                    return route.getValue().handle(request, response, callback);
                }
            }
            if (path.equals("/")) {
                Responses.plain(response, callback, 200, "TextDrive is running. Twilio sends SMS to /sms.\n");
            } else {
                Responses.plain(response, callback, 404, "Not found.\n");
            }
            return true;
        }

        @Override
        protected void doStart() throws Exception {
            for (Handler handler : routes.values()) {
                handler.setServer(getServer());
                addBean(handler);
            }
            super.doStart();
        }
    }
}
