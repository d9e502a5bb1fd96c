package dev.textdrive.storage.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.textdrive.storage.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FolderListingTest {

    private static Entry file(String name) {
        return new Entry(name, name, Entry.Kind.FILE, 1L, Instant.EPOCH);
    }

    private static Entry folder(String name) {
        return new Entry(name, name, Entry.Kind.FOLDER, null, Instant.EPOCH);
    }

    private static List<String> names(List<Entry> entries) {
        return entries.stream().map(Entry::name).toList();
    }

    @Test
    void ordersFoldersFirstThenByName() {
        FolderListing listing = FolderListing.of(List.of(
                file("b.txt"), folder("Zeta"), file("A.txt"), file("a.txt"), folder("alpha"), file("B.txt")));

        assertEquals(List.of("alpha", "Zeta", "A.txt", "a.txt", "B.txt", "b.txt"), names(listing.slice(0, 6)));
    }

    @Test
    void namesOrderAsCaseInsensitiveOrder() {
        List<String> names = List.of("İb", "ib", "ic", "Ib", "ıa", "Straße", "STRASSE", "strasse", "Σίσυφος", "σίσυφος",
                "ÉCOLE", "école", "ecole", "Zebra", "zebra", "a😀", "A😀b", "_x", "~y", "1.txt", "10.txt", "9.txt");
        List<String> expected = new ArrayList<>(names);
        expected.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        List<Entry> shuffled = new ArrayList<>(names.stream().map(FolderListingTest::file).toList());
        Collections.shuffle(shuffled, new Random(11));

        assertEquals(expected, names(FolderListing.of(shuffled).slice(0, names.size())));
    }

    @Test
    void partlySortedPagesMatchFullSort() {
        List<Entry> entries = new ArrayList<>();
        IntStream.range(0, 30_000).forEach(i -> entries.add(file(String.format("File-%05d.txt", i))));
        IntStream.range(0, 40).forEach(i -> entries.add(folder(String.format("dir-%02d", i))));
        List<String> expected = new ArrayList<>(names(entries.subList(30_000, 30_040)));
        expected.addAll(names(entries.subList(0, 30_000)));
        Collections.shuffle(entries, new Random(7));
        FolderListing listing = FolderListing.of(entries);

        // Pages of 15 as a texter sends more, through the picking steps and past the full sort.
        for (int offset = 0; offset < 3_000; offset += 15) {
            assertEquals(expected.subList(offset, offset + 15), names(listing.slice(offset, offset + 15)), "page at " + offset);
        }
        assertEquals(expected.subList(29_990, 30_040), names(listing.slice(29_990, 30_100)));
        assertEquals(expected.subList(100, 200), names(listing.slice(100, 200)));
    }

    @Test
    void farPageSortsEverything() {
        List<Entry> entries = new ArrayList<>();
        IntStream.range(0, 5_000).forEach(i -> entries.add(file(String.format("f%04d", i))));
        Collections.shuffle(entries, new Random(3));
        FolderListing listing = FolderListing.of(entries);

        assertEquals(List.of("f4998", "f4999"), names(listing.slice(4_998, 5_000)));
        assertEquals(List.of("f0000"), names(listing.slice(0, 1)));
    }

    @Test
    void sliceOutsideListingIsEmpty() {
        FolderListing empty = FolderListing.of(List.of());
        FolderListing two = FolderListing.of(List.of(file("x"), file("y")));

        assertEquals(List.of(), empty.slice(0, 10));
        assertEquals(List.of(), two.slice(5, 10));
        assertEquals(List.of("y"), names(two.slice(1, 10)));
    }
}
