package dev.textdrive.storage.local;

import dev.textdrive.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently read folder listings, so that paging a large folder with {@code more} does not read and sort
 * the whole folder for every page.
 *
 * <p>A listing is reused while the folder's modification time is unchanged and it is younger than the
 * maximum age; the age bounds how stale sizes and times of files changed in place can be.
 */
public final class ListingCache {

    private static final int MAX_FOLDERS = 32;

    private final Clock clock;
    private final Duration maxAge;
    private final Map<Path, Cached> listings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Cached> eldest) {
            return size() > MAX_FOLDERS;
        }
    };

    public ListingCache(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Reads a folder's entries. */
    @FunctionalInterface
    interface Reader {
        FolderListing read() throws StorageException;
    }

    /** Returns the cached listing of a folder, reading it when absent or stale. */
    FolderListing get(Path directory, Reader reader) throws StorageException {
        FileTime modified = modifiedTime(directory);
        long now = clock.millis();
        synchronized (listings) {
            Cached cached = listings.get(directory);
            if (cached != null && cached.modified.equals(modified) && now - cached.readAt < maxAge.toMillis()) {
                return cached.entries;
            }
        }

        FolderListing entries = reader.read();
        synchronized (listings) {
            listings.put(directory, new Cached(modified, now, entries));
        }
        return entries;
    }

    private static FileTime modifiedTime(Path directory) {
        try {
            return Files.getLastModifiedTime(directory);
        } catch (IOException e) {
            return FileTime.fromMillis(-1);
        }
    }

    private record Cached(FileTime modified, long readAt, FolderListing entries) {
    }
}
