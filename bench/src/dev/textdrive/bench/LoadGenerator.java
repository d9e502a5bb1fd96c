package dev.textdrive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends signed webhook load to a server on loopback, in its own JVM, and appends the results to a file as
 * {@code NAME.KEY=VALUE} lines.
 *
 * <p>Modes:
 * <ul>
 *   <li>{@code prepare}: puts every bench phone where a workload's cycle starts.</li>
 *   <li>{@code closed}: a fixed number of connections, each sending its next request as soon as the last
 *       reply arrived, for a fixed time.</li>
 *   <li>{@code open}: requests at a fixed rate, one connection per phone; latency counts from the time a
 *       request was due, so time spent waiting behind a slow reply is counted too.</li>
 *   <li>{@code large}: times the first listing of the 100,000-file folder and the pages after it.</li>
 *   <li>{@code dedupe}: delivers each of a set of messages three times and checks one row and one reply.</li>
 * </ul>
 * With {@code --db}, it reads the webhook secret from the server's database and checks afterwards that
 * every message that got a 200 was stored. With {@code --pid}, it reports the server's CPU time per
 * request over the run, from /proc.
 */
public final class LoadGenerator {

    private static final String HOST = "127.0.0.1";
    private static final String INTERNAL_ERROR = "Something went wrong";
    private static final int MAX_SAMPLES_SHOWN = 3;

    private final Map<String, String> options;
    private final int port;
    private final String name;
    private final Path database;
    private final SignedRequests requests;
    private final Map<String, String> results = new LinkedHashMap<>();

    private LoadGenerator(Map<String, String> options) throws SQLException {
        this.options = options;
        this.port = Integer.parseInt(required("port"));
        this.name = options.getOrDefault("name", "run");
        this.database = options.containsKey("db") ? Path.of(options.get("db")) : null;
        // The raw Jetty server checks no signature, so any key signs its requests.
        String secret = database == null ? "raw-jetty-ignores-signatures" : webhookSecret(database);
        this.requests = new SignedRequests(HOST, port, secret);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: LoadGenerator prepare|closed|open|large|dedupe --port N [--db FILE] "
                    + "[--name NAME] [--results FILE] [--workload ls|mix] [--concurrency N] [--seconds N] [--rate N] "
                    + "[--folder DIR] [--count N] [--pid PID]");
            System.exit(2);
        }
        boolean passed;
        LoadGenerator generator;
        try {
            generator = new LoadGenerator(parseOptions(args));
            passed = switch (args[0]) {
                case "prepare" -> generator.prepare();
                case "closed" -> generator.closed();
                case "open" -> generator.open();
                case "large" -> generator.large();
                case "dedupe" -> generator.dedupe();
                default -> throw new IllegalArgumentException("Unknown mode '" + args[0] + "': use prepare, closed, "
                        + "open, large or dedupe.");
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        generator.writeResults();
        if (!passed) {
            System.exit(1);
        }
    }

    private static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option VALUE at '" + args[i] + "'.");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private String required(String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Missing option --" + key + ".");
        }
        return value;
    }

    private int intOption(String key, int fallback) {
        if (!options.containsKey(key)) {
            return fallback;
        }
        try {
            return Integer.parseInt(options.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid --" + key + " '" + options.get(key) + "': give a whole number.", e);
        }
    }

    private Workload workload() {
        return Workload.valueOf(options.getOrDefault("workload", "mix").toUpperCase(Locale.ROOT));
    }

    /** Sends each phone the commands that put it where the workload's cycle starts, checking each status. */
    private boolean prepare() throws InterruptedException {
        List<String> commands = workload().preparation();
        int threads = 8;
        List<Thread> workers = new ArrayList<>();
        int[] failures = new int[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                try (HttpConnection connection = new HttpConnection(HOST, port)) {
                    for (int p = index; p < Phones.BENCH.size(); p += threads) {
                        for (String command : commands) {
                            SignedRequests.Request request = requests.create(Phones.BENCH.get(p), command);
                            HttpConnection.Response response = connection.send(request.head(), request.body());
                            if (response.status() != 200) {
                                failures[index]++;
                            }
                        }
                    }
                } catch (IOException e) {
                    System.err.println("Preparing the phones failed: " + e.getMessage());
                    failures[index]++;
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        int failed = 0;
        for (int count : failures) {
            failed += count;
        }
        System.out.printf("Prepared %d phones for the %s workload (%d failures).%n", Phones.BENCH.size(),
                workload().name().toLowerCase(Locale.ROOT), failed);
        return failed == 0;
    }

    /** Runs a closed loop: each connection sends its next request when the last reply arrived. */
    private boolean closed() throws Exception {
        int concurrency = intOption("concurrency", 16);
        if (concurrency < 1 || concurrency > Phones.BENCH.size()) {
            throw new IllegalArgumentException("Invalid --concurrency " + concurrency + ": each connection texts as "
                    + "its own phone, so give 1 to " + Phones.BENCH.size() + ".");
        }
        long durationNanos = intOption("seconds", 20) * 1_000_000_000L;
        Workload workload = workload();
        boolean check = database != null;

        List<List<String>> phonesByWorker = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            phonesByWorker.add(new ArrayList<>());
        }
        for (int p = 0; p < Phones.BENCH.size(); p++) {
            phonesByWorker.get(p % concurrency).add(Phones.BENCH.get(p));
        }

        long storedBefore = check ? countInbound() : 0;
        String load = loadAverage();
        long cpuBefore = serverCpuMillis();
        Run run = new Run(concurrency);
        long start = System.nanoTime() + 50_000_000L;
        long deadline = start + durationNanos;
        for (int w = 0; w < concurrency; w++) {
            List<String> phones = phonesByWorker.get(w);
            Outcome outcome = run.outcomes.get(w);
            run.start(() -> {
                long[] positions = new long[phones.size()];
                try (HttpConnection connection = new HttpConnection(HOST, port)) {
                    LockSupport.parkNanos(start - System.nanoTime());
                    for (int turn = 0; System.nanoTime() < deadline; turn = (turn + 1) % phones.size()) {
                        Workload.Step step = workload.step(positions[turn]++);
                        SignedRequests.Request request = requests.create(phones.get(turn), step.command());
                        long sent = System.nanoTime();
                        outcome.record(send(connection, request), sent, System.nanoTime(), step, check);
                    }
                }
            });
        }
        run.await();
        return report(run, start, load, cpuBefore, storedBefore, check, "closed loop, " + concurrency + " connections");
    }

    /** Runs an open loop at a fixed rate, one connection and one sequence of commands per phone. */
    private boolean open() throws Exception {
        double rate;
        try {
            rate = Double.parseDouble(required("rate"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid --rate '" + options.get("rate") + "': give requests per second.", e);
        }
        if (!(rate >= 1)) {
            throw new IllegalArgumentException("Invalid --rate " + rate + ": give at least 1 request per second. "
                    + "Half of a closed loop that got no reply is 0; check the server's log.");
        }
        long durationNanos = intOption("seconds", 20) * 1_000_000_000L;
        Workload workload = workload();
        int phones = Phones.BENCH.size();
        long periodNanos = Math.round(1e9 / rate);

        // Every request is built and signed before the run, so that the generator takes as little CPU as
        // possible from the server while it runs.
        List<List<SignedRequests.Request>> planned = new ArrayList<>();
        for (int w = 0; w < phones; w++) {
            List<SignedRequests.Request> sequence = new ArrayList<>();
            for (long turn = 0; (turn * phones + w) * periodNanos < durationNanos; turn++) {
                sequence.add(requests.create(Phones.BENCH.get(w), workload.step(turn).command()));
            }
            planned.add(sequence);
        }

        long storedBefore = countInbound();
        String load = loadAverage();
        long cpuBefore = serverCpuMillis();
        Run run = new Run(phones);
        long start = System.nanoTime() + 100_000_000L;
        for (int w = 0; w < phones; w++) {
            int worker = w;
            List<SignedRequests.Request> sequence = planned.get(w);
            Outcome outcome = run.outcomes.get(w);
            run.start(() -> {
                try (HttpConnection connection = new HttpConnection(HOST, port)) {
                    for (int turn = 0; turn < sequence.size(); turn++) {
                        // Request number i of the whole run is due at start + i * period. This phone sends the
                        // requests with i % phones == worker, one after another, so its commands stay in order.
                        long due = start + ((long) turn * phones + worker) * periodNanos;
                        LockSupport.parkNanos(due - System.nanoTime());
                        outcome.record(send(connection, sequence.get(turn)), due, System.nanoTime(), workload.step(turn), true);
                    }
                }
            });
        }
        run.await();
        results.put("rate", format(rate));
        return report(run, start, load, cpuBefore, storedBefore, true, String.format(Locale.ROOT, "open loop, %.0f requests/s", rate));
    }

    /** Times the first listing of the 100,000-file folder, the pages after it, and listings after it changed. */
    private boolean large() throws Exception {
        Path folder = Path.of(required("folder"));
        int pages = intOption("pages", 10);
        int coldListings = 3;
        String load = loadAverage();
        boolean passed = true;
        try (HttpConnection connection = new HttpConnection(HOST, port)) {
            passed &= timed(connection, "reset", "Starting over.") >= 0;

            double first = timed(connection, "cd 1", "Archive:");
            results.put("first_ms", format(first));

            List<Double> more = new ArrayList<>();
            for (int page = 0; page < pages; page++) {
                more.add(timed(connection, "more", "Archive, from "));
            }
            results.put("more_median_ms", format(median(more)));
            results.put("more_max_ms", format(more.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
            results.put("more_all_ms", join(more));

            results.put("ls_cached_ms", format(timed(connection, "ls", "Archive:")));

            // A folder whose modification time changed is read again, as when a sync client added a file. The
            // marker file is removed at once, which changes the time again, so the folder keeps 100,000 files.
            List<Double> cold = new ArrayList<>();
            for (int i = 0; i < coldListings; i++) {
                Path marker = folder.resolve("bench-marker-" + i + ".tmp");
                Files.writeString(marker, "changed");
                Files.delete(marker);
                cold.add(timed(connection, "ls", "Archive:"));
            }
            results.put("ls_changed_median_ms", format(median(cold)));
            results.put("ls_changed_max_ms", format(cold.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
            results.put("ls_changed_all_ms", join(cold));
            for (double value : more) {
                passed &= value >= 0;
            }
            for (double value : cold) {
                passed &= value >= 0;
            }
            passed &= first >= 0;
        }
        results.put("load", load);
        System.out.printf("Large folder: first listing %s ms, more %s ms, ls after a change %s ms, ls cached %s ms.%n",
                results.get("first_ms"), results.get("more_all_ms"), results.get("ls_changed_all_ms"),
                results.get("ls_cached_ms"));
        return passed;
    }

    /** Returns the milliseconds one command of the large-folder phone took, or -1 when its reply was wrong. */
    private double timed(HttpConnection connection, String command, String expectedStart) throws IOException {
        SignedRequests.Request request = requests.create(Phones.LARGE, command);
        long sent = System.nanoTime();
        HttpConnection.Response response = connection.send(request.head(), request.body());
        double millis = (System.nanoTime() - sent) / 1e6;
        String reply = SignedRequests.replyText(response.body());
        if (response.status() != 200 || !reply.startsWith(expectedStart)) {
            System.err.printf("Unexpected reply to '%s' (status %d): %s%n", command, response.status(), reply);
            return -1;
        }
        return millis;
    }

    /**
     * Delivers each message three times, twice at once from two connections and once more afterwards, and
     * checks that it was stored once and that every delivery got the same reply.
     */
    private boolean dedupe() throws Exception {
        int count = intOption("count", 100);
        List<SignedRequests.Request> originals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            originals.add(requests.create(Phones.BENCH.get(i % Phones.BENCH.size()), "ls"));
        }
        long storedBefore = countInbound();
        results.put("load", loadAverage());

        String[][] replies = new String[3][count];
        Run run = new Run(2);
        for (int copy = 0; copy < 2; copy++) {
            String[] mine = replies[copy];
            run.start(() -> {
                try (HttpConnection connection = new HttpConnection(HOST, port)) {
                    for (int i = 0; i < count; i++) {
                        mine[i] = describe(send(connection, originals.get(i)));
                    }
                }
            });
        }
        run.await();
        try (HttpConnection connection = new HttpConnection(HOST, port)) {
            for (int i = 0; i < count; i++) {
                replies[2][i] = describe(send(connection, originals.get(i)));
            }
        }

        long stored = countInbound() - storedBefore;
        int same = 0;
        int shown = 0;
        for (int i = 0; i < count; i++) {
            boolean ok = replies[0][i].startsWith("200 Docs:") && replies[0][i].equals(replies[1][i])
                    && replies[0][i].equals(replies[2][i]);
            if (ok) {
                same++;
            } else if (shown++ < MAX_SAMPLES_SHOWN) {
                System.err.printf("Deliveries of %s got different replies: %s | %s | %s%n", originals.get(i).messageSid(),
                        replies[0][i], replies[1][i], replies[2][i]);
            }
        }
        results.put("messages", Integer.toString(count));
        results.put("deliveries", Integer.toString(3 * count));
        results.put("stored", Long.toString(stored));
        results.put("same_reply", Integer.toString(same));
        System.out.printf("Deduplication: %d messages delivered 3 times each, %d rows stored, %d with the same reply "
                + "every time.%n", count, stored, same);
        return stored == count && same == count;
    }

    private static String describe(HttpConnection.Response response) {
        return response == null ? "error" : response.status() + " " + SignedRequests.replyText(response.body());
    }

    /** Sends a request, returning null when the connection failed. */
    private static HttpConnection.Response send(HttpConnection connection, SignedRequests.Request request) {
        try {
            return connection.send(request.head(), request.body());
        } catch (IOException e) {
            connection.close();
            return null;
        }
    }

    private boolean report(Run run, long start, String load, long cpuBefore, long storedBefore, boolean check,
                           String shape) throws SQLException {
        long[] sorted = Latencies.sorted(run.outcomes.stream().map(outcome -> outcome.latencies).toList());
        long last = run.outcomes.stream().mapToLong(outcome -> outcome.lastDone).max().orElse(start);
        double seconds = Math.max(1, last - start) / 1e9;
        long ok = run.outcomes.stream().mapToLong(outcome -> outcome.ok).sum();
        long other = run.outcomes.stream().mapToLong(outcome -> outcome.otherStatus).sum();
        long errors = run.outcomes.stream().mapToLong(outcome -> outcome.errors).sum();
        long unexpected = run.outcomes.stream().mapToLong(outcome -> outcome.unexpected).sum();

        results.put("requests", Integer.toString(sorted.length));
        results.put("seconds", format(seconds));
        results.put("rps", format(sorted.length / seconds));
        results.put("p50_ms", format(Latencies.percentileMillis(sorted, 50)));
        results.put("p99_ms", format(Latencies.percentileMillis(sorted, 99)));
        results.put("max_ms", format(Latencies.percentileMillis(sorted, 100)));
        results.put("ok", Long.toString(ok));
        results.put("other_status", Long.toString(other));
        results.put("errors", Long.toString(errors));
        results.put("unexpected", Long.toString(unexpected));
        results.put("load", load);
        if (cpuBefore >= 0 && sorted.length > 0) {
            results.put("cpu_ms_per_request", String.format(Locale.ROOT, "%.3f",
                    (double) (serverCpuMillis() - cpuBefore) / sorted.length));
        }
        boolean passed = errors == 0 && other == 0;
        if (check) {
            long stored = countInbound() - storedBefore;
            results.put("stored", Long.toString(stored));
            results.put("unhandled", Long.toString(countUnhandled()));
            passed &= stored == ok && unexpected == 0;
        }
        System.out.printf("%s (%s): %s requests/s, p50 %s ms, p99 %s ms, max %s ms; %d requests, %d answered 200, "
                        + "%d other status, %d failed, %d unexpected replies%s.%n",
                name, shape, results.get("rps"), results.get("p50_ms"), results.get("p99_ms"), results.get("max_ms"),
                sorted.length, ok, other, errors, unexpected,
                check ? ", " + results.get("stored") + " stored" : "");
        return passed;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String join(List<Double> values) {
        return String.join(" ", values.stream().map(LoadGenerator::format).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    /** Returns the 1-minute load average at this moment, from /proc/loadavg. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * Returns the user and system CPU time of the server process in milliseconds, all threads together, or -1
     * without {@code --pid}. Reads /proc/PID/stat, whose times are in ticks of USER_HZ, 100 on Linux.
     */
    private long serverCpuMillis() {
        String pid = options.get("pid");
        if (pid == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name in brackets may contain spaces, so fields are counted after its closing bracket.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the CPU time of process " + pid + ": " + e.getMessage(), e);
        }
    }

    private static String webhookSecret(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT value FROM settings WHERE key = 'simulator.webhook_secret'")) {
            if (!row.next()) {
                throw new IllegalStateException("Database " + database + " has no simulator webhook secret: run BenchSetup.");
            }
            return row.getString(1);
        }
    }

    private long countInbound() throws SQLException {
        return count("SELECT COUNT(*) FROM messages WHERE direction = 'inbound'");
    }

    private long countUnhandled() throws SQLException {
        return count("SELECT COUNT(*) FROM messages WHERE direction = 'inbound' AND status <> 'handled'");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void writeResults() throws IOException {
        String file = options.get("results");
        if (file == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        results.forEach((key, value) -> lines.append(name).append('.').append(key).append('=').append(value).append('\n'));
        Files.writeString(Path.of(file), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The counts and latencies of one worker thread. */
    private static final class Outcome {
        final Latencies latencies = new Latencies();
        long ok;
        long otherStatus;
        long errors;
        long unexpected;
        long lastDone;
        int samplesShown;

        void record(HttpConnection.Response response, long sent, long done, Workload.Step step, boolean check) {
            lastDone = done;
            if (response == null) {
                errors++;
                // A refused connection fails at once: pause, so a stopped server does not make this spin.
                LockSupport.parkNanos(10_000_000L);
                return;
            }
            latencies.add(done - sent);
            if (response.status() != 200) {
                otherStatus++;
                return;
            }
            ok++;
            if (!check) {
                return;
            }
            String reply = SignedRequests.replyText(response.body());
            if (!step.matches(reply) || reply.startsWith(INTERNAL_ERROR)) {
                unexpected++;
                if (samplesShown++ < MAX_SAMPLES_SHOWN) {
                    System.err.printf("Unexpected reply to '%s': %s%n", step.command(), reply.replace('\n', '|'));
                }
            }
        }
    }

    /** Worker threads that each own one {@link Outcome}. */
    private static final class Run {
        final List<Outcome> outcomes = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();

        Run(int workers) {
            for (int i = 0; i < workers; i++) {
                outcomes.add(new Outcome());
            }
        }

        void start(Work work) {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    System.err.println("A load thread failed: " + e);
                }
            });
            thread.start();
            threads.add(thread);
        }

        void await() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }
}
