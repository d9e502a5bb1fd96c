package dev.textdrive.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a program and times it until it is ready, then stays its parent until it exits, so the script
 * that stops it can wait for it.
 *
 * <p>Usage: {@code Launch --out FILE --log FILE (--health PORT | --window) -- COMMAND...}. Ready means the
 * first 200 from {@code GET /health} on 127.0.0.1, polled every 2 ms, or the desktop app's log line
 * "Main window shown N ms after the JVM started.". FILE receives {@code pid=}, {@code ready_ms=} (from
 * just before the process was created), {@code rss_kb=} (VmRSS when ready) and, for the window,
 * {@code window_ms=} (N from the log line).
 */
public final class Launch {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(90);
    private static final Pattern WINDOW_SHOWN = Pattern.compile("Main window shown (\\d+) ms after the JVM started");

    private Launch() {
    }

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        if (separator < 0 || separator + 1 >= args.length) {
            System.err.println("Usage: Launch --out FILE --log FILE (--health PORT | --window) -- COMMAND...");
            System.exit(2);
        }
        List<String> options = Arrays.asList(args).subList(0, separator);
        List<String> command = Arrays.asList(args).subList(separator + 1, args.length);
        Path out = Path.of(option(options, "--out"));
        Path log = Path.of(option(options, "--log"));
        boolean window = options.contains("--window");

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();

        String ready = window ? waitForWindow(process, log, started) : waitForHealth(process,
                Integer.parseInt(option(options, "--health")), started);
        Files.writeString(out, "pid=" + process.pid() + "\n" + ready + "rss_kb=" + residentKilobytes(process.pid()) + "\n");
        System.exit(process.waitFor());
    }

    private static String option(List<String> options, String name) {
        int index = options.indexOf(name);
        if (index < 0 || index + 1 >= options.size()) {
            throw new IllegalArgumentException("Missing option " + name + ".");
        }
        return options.get(index + 1);
    }

    private static String waitForHealth(Process process, int port, long started) throws IOException {
        byte[] head = HttpConnection.getHead("127.0.0.1", port, "/health");
        while (System.nanoTime() - started < TIMEOUT_NANOS) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + " before it was ready.");
            }
            try (HttpConnection connection = new HttpConnection("127.0.0.1", port)) {
                if (connection.send(head, null).status() == 200) {
                    return "ready_ms=" + (System.nanoTime() - started) / 1_000_000 + "\n";
                }
            } catch (ConnectException e) {
                // Not listening yet.
            }
            LockSupport.parkNanos(2_000_000L);
        }
        process.destroy();
        throw new IllegalStateException("The server did not answer /health within 90 s.");
    }

    private static String waitForWindow(Process process, Path log, long started) throws IOException {
        while (System.nanoTime() - started < TIMEOUT_NANOS) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The desktop app exited with " + process.exitValue() + " before its "
                        + "window was shown; see " + log + ".");
            }
            Matcher shown = WINDOW_SHOWN.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (shown.find()) {
                return "ready_ms=" + (System.nanoTime() - started) / 1_000_000 + "\nwindow_ms=" + shown.group(1) + "\n";
            }
            LockSupport.parkNanos(20_000_000L);
        }
        process.destroy();
        throw new IllegalStateException("The desktop app did not show its window within 90 s; see " + log + ".");
    }

    /** Returns VmRSS of a process in kilobytes, from /proc (Linux only), or -1 when it cannot be read. */
    static long residentKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
