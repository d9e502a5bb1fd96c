package dev.textdrive.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one phone is and how far its last listing was paged.
 *
 * @param phone the texter's number in E.164 form
 * @param accountId the account the texter is in, null at the top level (the account list)
 * @param path the folders entered inside the account, outermost first; empty at the account's top folder
 * @param listing the paging state of the last listing, null before any listing
 * @param lastCommand the last command text, for the operator's live view
 * @param updatedAt when the session last changed
 */
public record Session(String phone, Long accountId, List<Folder> path, Listing listing, String lastCommand,
                      Instant updatedAt) {

    /** Returns a session at the top level with no listing. */
    public static Session fresh(String phone, Instant now) {
        return new Session(phone, null, List.of(), null, null, now);
    }

    public boolean atTop() {
        return accountId == null;
    }

    /** Returns the id of the current folder, or null at the top or at an account's top folder. */
    public String folderId() {
        return path.isEmpty() ? null : path.get(path.size() - 1).id();
    }

    public Session enterAccount(long id) {
        return new Session(phone, id, List.of(), null, lastCommand, updatedAt);
    }

    public Session enterFolder(Folder folder) {
        List<Folder> deeper = new ArrayList<>(path);
        deeper.add(folder);
        return new Session(phone, accountId, List.copyOf(deeper), null, lastCommand, updatedAt);
    }

    /** Returns the session one level up: the parent folder, or the account list from an account's top folder. */
    public Session up() {
        if (path.isEmpty()) {
            return new Session(phone, null, List.of(), null, lastCommand, updatedAt);
        }
        return new Session(phone, accountId, List.copyOf(path.subList(0, path.size() - 1)), null, lastCommand, updatedAt);
    }

    public Session withListing(Listing newListing) {
        return new Session(phone, accountId, path, newListing, lastCommand, updatedAt);
    }

    /**
     * A folder entered inside an account.
     *
     * @param id the provider's id of the folder
     * @param name its name, for the reply header
     */
    public record Folder(String id, String name) {
    }

    /**
     * The paging state of a listing.
     *
     * @param cursor the provider cursor of the slice that holds the next entry to show
     * @param skip how many entries of that slice were already shown
     * @param shown how many entries were shown so far, the highest index the texter can use
     * @param done whether the last entry has been shown
     */
    public record Listing(String cursor, int skip, int shown, boolean done) {
    }
}
