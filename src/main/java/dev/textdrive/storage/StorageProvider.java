package dev.textdrive.storage;

import java.time.Instant;

/** Access to one storage account: list its folders and create links to its files. */
public interface StorageProvider {

    /** Returns the id of the account's top folder. */
    String rootId();

    /**
     * Lists a slice of a folder, starting where {@code cursor} points.
     *
     * @param folderId the folder's id, {@link #rootId()} for the top
     * @param cursor null for the first slice, otherwise the {@link FolderPage#nextCursor()} of the previous one
     * @param limit the number of entries the caller wants at least, when the folder has that many
     */
    FolderPage list(String folderId, String cursor, int limit) throws StorageException;

    /** Creates a download link for a file that stays valid until {@code expiresAt}. */
    String createLink(Entry file, Instant expiresAt) throws StorageException;
}
