package dev.textdrive.command;

import dev.textdrive.session.Session;
import dev.textdrive.sms.SmsText;
import dev.textdrive.storage.Entry;
import dev.textdrive.storage.FolderPage;
import dev.textdrive.storage.StorageException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one page of a listing that fits the segment budget, numbering entries on from those already shown,
 * and reads only as many provider slices as the page needs.
 */
final class ListingPager {

    static final String FOOTER = "Send more for the next page.";

    /** The number of entries requested from a provider at once, more than one page fits at any budget and detail. */
    private static final int SLICE = 100;

    private ListingPager() {
    }

    /** Lists a slice of a folder or of the account list. */
    @FunctionalInterface
    interface Source {
        FolderPage fetch(String cursor, int limit) throws StorageException;
    }

    /**
     * A built page.
     *
     * @param text the reply, empty when the listing had no entries at all
     * @param shown the entries shown, in order
     * @param listing the paging state after this page
     */
    record Page(String text, List<Entry> shown, Session.Listing listing) {
    }

    /**
     * Builds the page that starts where {@code from} ended, or the first page when {@code from} is null.
     *
     * @param header the first line, such as the folder's location
     */
    static Page page(String header, Source source, Session.Listing from, int budget, ZoneId zone) throws StorageException {
        Session.Listing start = from == null ? new Session.Listing(null, 0, 0, false) : from;
        Page page = null;
        for (EntryText.Detail detail : EntryText.Detail.LEVELS) {
            page = build(header, source, start, budget, zone, detail, false);
            if (!page.shown().isEmpty() || page.listing().done()) {
                return page;
            }
        }
        // Not even one short line fits beside the header, so show one entry whatever the budget says.
        return build(header, source, start, budget, zone, EntryText.Detail.LEVELS[EntryText.Detail.LEVELS.length - 1], true);
    }

    private static Page build(String header, Source source, Session.Listing start, int budget, ZoneId zone,
                              EntryText.Detail detail, boolean forceOne) throws StorageException {
        Stream stream = new Stream(source, start.cursor(), start.skip());
        StringBuilder text = new StringBuilder(header);
        List<Entry> shown = new ArrayList<>();

        while (true) {
            Entry entry = stream.peek();
            if (entry == null) {
                break;
            }
            String line = EntryText.line(start.shown() + shown.size() + 1, entry, detail, zone);
            String candidate = text + "\n" + line;
            boolean fitsWithFooter = SmsText.fits(candidate + "\n" + FOOTER, budget);
            if (!fitsWithFooter && !(forceOne && shown.isEmpty())) {
                if (!SmsText.fits(candidate, budget) || stream.hasAfterPeeked()) {
                    break;
                }
            }
            text.append('\n').append(line);
            shown.add(entry);
            stream.advance();
            if (forceOne) {
                break;
            }
        }

        boolean done = stream.peek() == null;
        if (!done) {
            text.append('\n').append(FOOTER);
        }
        Session.Listing listing = new Session.Listing(stream.cursor(), stream.index(), start.shown() + shown.size(), done);
        String reply = shown.isEmpty() && done && start.shown() == 0 ? "" : text.toString();
        return new Page(reply, List.copyOf(shown), listing);
    }

    /** Walks entries across provider slices, remembering the slice cursor and index of the next entry. */
    private static final class Stream {
        private final Source source;
        private String cursor;
        private int index;
        private FolderPage slice;

        Stream(Source source, String cursor, int index) {
            this.source = source;
            this.cursor = cursor;
            this.index = index;
        }

        Entry peek() throws StorageException {
            load();
            while (index >= slice.entries().size() && !slice.last()) {
                cursor = slice.nextCursor();
                index = 0;
                slice = source.fetch(cursor, SLICE);
            }
            return index < slice.entries().size() ? slice.entries().get(index) : null;
        }

        /** Returns whether another entry follows the one {@link #peek()} returned. */
        boolean hasAfterPeeked() throws StorageException {
            if (index + 1 < slice.entries().size()) {
                return true;
            }
            if (slice.last()) {
                return false;
            }
            FolderPage next = source.fetch(slice.nextCursor(), SLICE);
            return !next.entries().isEmpty() || !next.last();
        }

        void advance() {
            index++;
        }

        String cursor() {
            return cursor;
        }

        int index() {
            return index;
        }

        private void load() throws StorageException {
            if (slice == null) {
                slice = source.fetch(cursor, SLICE);
            }
        }
    }
}
