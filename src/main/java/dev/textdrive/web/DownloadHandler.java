package dev.textdrive.web;

import dev.textdrive.storage.AccountStore;
import dev.textdrive.storage.Link;
import dev.textdrive.storage.LinkStore;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.StorageException;
import dev.textdrive.storage.StorageProviders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /d/<token>}: downloads the file of a link that TextDrive serves itself, with HTTP Range.
 *
 * <p>The URL holds only the token; the file is found through the stored link and resolved again inside the
 * account's folder on every request, so a file swapped for a symlink that points outside is not served.
 */
public final class DownloadHandler extends Handler.Abstract {

    public static final String PREFIX = "/d/";

    private static final Logger log = LoggerFactory.getLogger(DownloadHandler.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int BUFFER = 64 * 1024;

    private final LinkStore links;
    private final AccountStore accounts;
    private final StorageProviders providers;

    public DownloadHandler(LinkStore links, AccountStore accounts, StorageProviders providers) {
        this.links = links;
        this.accounts = accounts;
        this.providers = providers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (!head && !HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Responses.plain(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Use GET to download.\n");
            return true;
        }

        String token = Request.getPathInContext(request).substring(PREFIX.length());
        Optional<Path> file = TOKEN.matcher(token).matches() ? resolve(token) : Optional.empty();
        if (file.isEmpty()) {
            Responses.notFound(response, callback);
            return true;
        }
        serve(request, response, callback, file.get(), head, token);
        return true;
    }

    private Optional<Path> resolve(String token) {
        Optional<Link> link = links.findValid(token);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Optional<StorageAccount> account = accounts.find(link.get().accountId())
                .filter(found -> found.provider().equals(StorageAccount.LOCAL));
        if (account.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(providers.local(account.get()).resolveFile(link.get().fileId()));
        } catch (StorageException e) {
            log.warn("Link {}... of account '{}' no longer leads to a file: {}", token.substring(0, 4),
                    account.get().name(), e.getMessage());
            return Optional.empty();
        }
    }

    private void serve(Request request, Response response, Callback callback, Path file, boolean head, String token)
            throws IOException {
        long size = Files.size(file);
        String name = file.getFileName().toString();
        String type = Optional.ofNullable(MimeTypes.DEFAULTS.getMimeByExtension(name)).orElse("application/octet-stream");

        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, type);
        headers.put(HttpHeader.ACCEPT_RANGES, "bytes");
        headers.put(HttpHeader.CONTENT_DISPOSITION, contentDisposition(name));
        headers.put(HttpHeader.LAST_MODIFIED, HTTP_DATE.format(Files.getLastModifiedTime(file).toInstant()));
        headers.put(HttpHeader.CACHE_CONTROL, "private, no-store");
        headers.put("X-Content-Type-Options", "nosniff");

        long start = 0;
        long end = size - 1;
        int status = HttpStatus.OK_200;
        String range = request.getHeaders().get(HttpHeader.RANGE);
        if (range != null) {
            long[] bounds = parseRange(range.strip(), size);
            if (bounds == null) {
                headers.put(HttpHeader.CONTENT_RANGE, "bytes */" + size);
                Responses.plain(response, callback, HttpStatus.RANGE_NOT_SATISFIABLE_416, "Range not satisfiable.\n");
                return;
            }
            if (bounds.length == 2) {
                start = bounds[0];
                end = bounds[1];
                status = HttpStatus.PARTIAL_CONTENT_206;
                headers.put(HttpHeader.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
            }
        }
        long length = Math.max(0, end - start + 1);
        response.setStatus(status);
        headers.put(HttpHeader.CONTENT_LENGTH, length);
        if (head) {
            Content.Sink.write(response, true, "", callback);
            return;
        }
        if (status == HttpStatus.OK_200) {
            links.countDownload(token);
        }

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             OutputStream out = Content.Sink.asOutputStream(response)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long position = start;
            long remaining = length;
            while (remaining > 0) {
                buffer.clear().limit((int) Math.min(BUFFER, remaining));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                out.write(buffer.array(), 0, read);
                position += read;
                remaining -= read;
            }
            callback.succeeded();
        } catch (IOException e) {
            log.info("A download ended early: {}", e.getMessage());
            callback.failed(e);
        }
    }

    /**
     * Parses a Range header with one range.
     *
     * @return {start, end} for a satisfiable range, an empty array to send the whole file (several ranges or
     *         a unit other than bytes), or null when the range is not satisfiable
     */
    static long[] parseRange(String header, long size) {
        Matcher matcher = SINGLE_RANGE.matcher(header);
        if (!matcher.matches()) {
            return new long[0];
        }
        String first = matcher.group(1);
        String last = matcher.group(2);
        try {
            if (first.isEmpty()) {
                if (last.isEmpty()) {
                    return new long[0];
                }
                long suffix = Long.parseLong(last);
                if (suffix == 0 || size == 0) {
                    return null;
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size || (!last.isEmpty() && Long.parseLong(last) < start)) {
                return null;
            }
            return new long[] {start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Returns an attachment disposition with an ASCII fallback name and the exact UTF-8 name (RFC 6266, 5987). */
    static String contentDisposition(String name) {
        StringBuilder fallback = new StringBuilder();
        name.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    private static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
