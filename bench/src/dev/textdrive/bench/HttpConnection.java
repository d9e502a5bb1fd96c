package dev.textdrive.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection over a blocking socket, reconnected when the server closes it.
 *
 * <p>The load generator uses this instead of {@code java.net.http.HttpClient} so that the client spends as
 * little CPU per request as possible: on a 2-core machine the client shares the cores with the server, and
 * a heavy client would lower the raw-Jetty limit more than TextDrive's figure.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * A response.
     *
     * @param status the HTTP status code
     * @param body the body decoded as UTF-8
     */
    record Response(int status, String body) {
    }

    /** Sends a request with a body and reads the whole response. */
    Response send(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(head);
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return read();
    }

    /** Returns the request head of a form POST with the given extra header lines, each ending in CRLF. */
    static byte[] postHead(String host, int port, String path, String extraHeaders, int contentLength) {
        return ("POST " + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + extraHeaders
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the request head of a GET. */
    static byte[] getHead(String host, int port, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private void open() throws IOException {
        Socket created = new Socket();
        created.setTcpNoDelay(true);
        created.setSoTimeout(READ_TIMEOUT_MILLIS);
        created.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        socket = created;
        in = new BufferedInputStream(created.getInputStream(), 16 * 1024);
        out = created.getOutputStream();
    }

    private Response read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            close();
            throw new IOException("Invalid HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);

        int contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }

        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (contentLength >= 0) {
            body = in.readNBytes(contentLength);
            if (body.length < contentLength) {
                close();
                throw new EOFException("The connection closed inside a response body.");
            }
        } else {
            body = in.readAllBytes();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // Trailer fields are not used.
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder text = new StringBuilder(64);
        while (true) {
            int next = in.read();
            if (next < 0) {
                close();
                throw new EOFException("The server closed the connection.");
            }
            if (next == '\n') {
                int length = text.length();
                return length > 0 && text.charAt(length - 1) == '\r' ? text.substring(0, length - 1) : text.toString();
            }
            text.append((char) next);
        }
    }

    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that already failed has nothing left to report.
        }
        socket = null;
        in = null;
        out = null;
    }
}
