package dev.textdrive.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The limit of TextDrive's own HTTP stack: Jetty 12 from TextDrive's jar, with the thread pool and HTTP
 * settings of TextDrive's web server, reading each request body and answering a fixed TwiML reply.
 *
 * <p>Usage: {@code RawJettyServer PORT}; it binds 127.0.0.1 only and runs until the process is stopped.
 */
public final class RawJettyServer {

    private static final byte[] TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message><Body>Docs:\n1 Folder 01\n2 Folder 02</Body></Message></Response>"
            .getBytes(StandardCharsets.UTF_8);

    private RawJettyServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("raw-jetty");
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new FixedTwiml());
        server.start();
        System.out.println("Raw Jetty listening on http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    /** Reads the request body, as TextDrive must to check a signature, and answers the same TwiML each time. */
    private static final class FixedTwiml extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Content.Source.asString(request, StandardCharsets.UTF_8);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, TWIML.length);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(TWIML), callback);
            return true;
        }
    }
}
