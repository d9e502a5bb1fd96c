package dev.textdrive.storage;

import java.util.List;

/**
 * A slice of a folder's entries in display order, as the provider pages them.
 *
 * @param entries the entries of this slice, folders first, then files, by name
 * @param nextCursor the cursor of the slice after this one, null after the last slice
 */
public record FolderPage(List<Entry> entries, String nextCursor) {

    public boolean last() {
        return nextCursor == null;
    }
}
