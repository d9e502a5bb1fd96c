package dev.textdrive.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns the results of one run into a Markdown table, prints it, and puts it into the benchmarks page
 * between the "latest run" markers, leaving the rest of the page as it is.
 *
 * <p>Usage: {@code Report RESULTS_FILE PAGE}.
 */
public final class Report {

    static final String BEGIN = "<!-- latest-run:begin (written by bench/run.sh) -->";
    static final String END = "<!-- latest-run:end -->";

    private final Properties results;

    private Report(Properties results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        Properties results = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            results.load(reader);
        }
        String block = new Report(results).block();
        System.out.println(block);

        Path page = Path.of(args[1]);
        String text = Files.exists(page) ? Files.readString(page) : "# Benchmarks\n\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? text.substring(0, begin) + BEGIN + "\n" + block + END + text.substring(end + END.length())
                : text + "\n" + BEGIN + "\n" + block + END + "\n";
        Files.createDirectories(page.toAbsolutePath().getParent());
        Files.writeString(page, updated);
        System.out.println("Wrote the table to " + page + ".");
    }

    private String block() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Run of %s, jar %s: `%s`, %s s per load run, %s connections in the closed loops, "
                        + "%s s in all.%n%n", get("machine.date"), get("machine.commit"), get("machine.command"),
                get("machine.seconds"), get("machine.concurrency"), get("machine.total_seconds")));
        out.append(String.format("Machine: %s cores (%s), %s MiB of memory, %s. Load average at the start (1, 5, 15 "
                        + "minutes): %s.%n%n", get("machine.cores"), get("machine.cpu"), get("machine.memory_mib"),
                get("machine.jdk"), get("machine.load_at_start")));

        out.append("| measurement | result | target | verdict | load |\n");
        out.append("|---|---|---|---|---|\n");
        double limit = number("jetty.rps");
        row(out, "Raw Jetty limit: fixed TwiML reply", load("jetty") , "", "", "jetty");
        double ratio = number("ls.rps") / limit;
        row(out, "Signed `ls`, closed loop", String.format(Locale.ROOT, "%s; **%.1f%%** of the limit", load("ls"),
                100 * ratio), "at least 50% of the limit", verdict(ratio >= 0.5), "ls");
        row(out, "Mixed `cd`, `more`, `ls`, `get`, closed loop", load("mix"), "", "", "mix");
        row(out, "Signed `ls`, open loop at half the `ls` rate", openLoop("open_ls"), "p99 at most 20 ms",
                verdict(number("open_ls.p99_ms") <= 20), "open_ls");
        row(out, "Mixed commands, open loop at half the mixed rate", openLoop("open_mix"), "p99 at most 20 ms",
                verdict(number("open_mix.p99_ms") <= 20), "open_mix");
        row(out, "Every 200 stored, none twice", stored(), "all stored, deduplicated", verdict(storedAll()), "dedupe");
        row(out, "100,000 files: first listing (`cd 1`, folder not cached)", ms("large.first_ms"), "at most 150 ms",
                verdict(number("large.first_ms") <= 150), "large");
        row(out, "100,000 files: `ls` after the folder changed", String.format("%s ms median (%s ms)",
                get("large.ls_changed_median_ms"), get("large.ls_changed_all_ms").replace(" ", ", ")), "at most 150 ms",
                verdict(number("large.ls_changed_max_ms") <= 150), "large");
        row(out, "100,000 files: `ls` again (cached listing)", ms("large.ls_cached_ms"), "", "", "large");
        row(out, "100,000 files: each of 10 `more`", String.format("median %s ms, max %s ms",
                get("large.more_median_ms"), get("large.more_max_ms")), "each at most 20 ms",
                verdict(number("large.more_max_ms") <= 20), "large");
        List<Double> ready = series("startup.ready_ms.");
        row(out, "`serve` start to first 200 from `/health`", String.format("%s ms median (%s ms)",
                format(median(ready)), joined(ready)), "at most 1.5 s", verdict(median(ready) <= 1500), "startup");
        List<Double> rss = series("startup.rss_kb.").stream().map(kb -> kb / 1024).toList();
        row(out, "Resident memory after startup (VmRSS)", String.format("%s MiB median (%s MiB)", format(median(rss)),
                joined(rss)), "at most 150 MB (143 MiB)", verdict(median(rss) * 1024 * 1024 <= 150e6), "startup");
        row(out, "Resident memory after the load (VmRSS)", format(number("memory.rss_after_load_kb") / 1024) + " MiB",
                "", "", "");
        if (results.containsKey("gui.window_ms")) {
            row(out, "Desktop app: first window under Xvfb", String.format("%s ms after the JVM started; VmRSS %s MiB",
                    get("gui.window_ms"), format(number("gui.rss_kb") / 1024)), "", "", "gui");
        } else {
            row(out, "Desktop app: first window under Xvfb", "not measured: Xvfb is missing", "", "", "");
        }
        out.append("\nLoad is the 1-minute load average when the step started. It includes the benchmark's own "
                + "server and load generator from the step before, and the startup row's value was taken before any "
                + "server ran.\n");
        return out.toString();
    }

    private void row(StringBuilder out, String measurement, String result, String target, String verdict, String run) {
        String load = run.isEmpty() ? "" : get(run + ".load");
        out.append("| ").append(measurement).append(" | ").append(result).append(" | ").append(target).append(" | ")
                .append(verdict).append(" | ").append(load).append(" |\n");
    }

    private String load(String run) {
        return String.format("%s requests/s; p50 %s ms, p99 %s ms, max %s ms%s%s", get(run + ".rps"), get(run + ".p50_ms"),
                get(run + ".p99_ms"), get(run + ".max_ms"), cpu(run), failures(run));
    }

    private String cpu(String run) {
        String perRequest = results.getProperty(run + ".cpu_ms_per_request");
        return perRequest == null ? "" : "; server CPU " + perRequest + " ms per request";
    }

    private String openLoop(String run) {
        return String.format("%s requests/s offered; p50 %s ms, **p99 %s ms**, max %s ms%s%s", get(run + ".rate"),
                get(run + ".p50_ms"), get(run + ".p99_ms"), get(run + ".max_ms"), cpu(run), failures(run));
    }

    private String failures(String run) {
        long failed = (long) (number(run + ".errors") + number(run + ".other_status"));
        long unexpected = results.containsKey(run + ".unexpected") ? (long) number(run + ".unexpected") : 0;
        if (failed == 0 && unexpected == 0) {
            return "";
        }
        return String.format("; %d failed, %d unexpected replies", failed, unexpected);
    }

    private String stored() {
        long ok = 0;
        long stored = 0;
        for (String run : List.of("ls", "mix", "open_ls", "open_mix")) {
            ok += (long) number(run + ".ok");
            stored += (long) number(run + ".stored");
        }
        return String.format("%d of %d messages that got a 200 stored; %s messages delivered 3 times: %s rows, %s with the "
                        + "same reply each time", stored, ok, get("dedupe.messages"), get("dedupe.stored"),
                get("dedupe.same_reply"));
    }

    private boolean storedAll() {
        for (String run : List.of("ls", "mix", "open_ls", "open_mix")) {
            if (number(run + ".ok") != number(run + ".stored") || number(run + ".unhandled") != 0) {
                return false;
            }
        }
        return number("dedupe.stored") == number("dedupe.messages")
                && number("dedupe.same_reply") == number("dedupe.messages");
    }

    private String ms(String key) {
        return get(key) + " ms";
    }

    private static String verdict(boolean met) {
        return met ? "meets" : "**misses**";
    }

    private List<Double> series(String prefix) {
        List<Double> values = new ArrayList<>();
        for (int i = 1; results.containsKey(prefix + i); i++) {
            values.add(number(prefix + i));
        }
        return values;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    private static String joined(List<Double> values) {
        return String.join(", ", values.stream().map(Report::format).toList());
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private String get(String key) {
        return results.getProperty(key, "?");
    }

    private double number(String key) {
        try {
            return Double.parseDouble(results.getProperty(key, "NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
