package dev.textdrive.storage;

import java.time.Instant;
import java.util.Locale;

/**
 * One item of a listing: a storage account at the top level, or a folder or file inside an account.
 *
 * @param id the provider's opaque id: an account id, or the path or object id of a folder or file
 * @param name the name shown to the texter
 * @param kind what the item is
 * @param size the size in bytes, null when unknown or for folders
 * @param modified the last modification time, null when unknown
 */
public record Entry(String id, String name, Kind kind, Long size, Instant modified) {

    /** What an entry is. */
    public enum Kind {
        ACCOUNT, FOLDER, FILE;

        /** Returns the word used in replies, such as "folder". */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }
}
