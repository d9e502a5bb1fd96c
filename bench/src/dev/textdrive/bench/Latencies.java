package dev.textdrive.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, appended by one thread and merged after the run. */
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** Returns all latencies of several recorders, sorted. */
    static long[] sorted(Iterable<Latencies> recorders) {
        int total = 0;
        for (Latencies recorder : recorders) {
            total += recorder.size;
        }
        long[] all = new long[total];
        int offset = 0;
        for (Latencies recorder : recorders) {
            System.arraycopy(recorder.values, 0, all, offset, recorder.size);
            offset += recorder.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** Returns the nearest-rank percentile of sorted latencies in milliseconds, or NaN when there are none. */
    static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
