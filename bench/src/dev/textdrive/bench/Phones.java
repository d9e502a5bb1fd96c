package dev.textdrive.bench;

import java.util.List;
import java.util.stream.IntStream;

/** The benchmark's phone numbers, from the US range reserved for fiction (555-0100 to 555-0199). */
final class Phones {

    /** The 50 phones of the webhook load, granted the 200-entry folder. */
    static final List<String> BENCH = IntStream.rangeClosed(101, 150)
            .mapToObj(n -> "+12025550" + n)
            .toList();

    /** The phone granted the 100,000-file folder. */
    static final String LARGE = "+12025550151";

    private Phones() {
    }
}
