package dev.textdrive.storage.local;

import dev.textdrive.storage.Entry;
import dev.textdrive.storage.FolderPage;
import dev.textdrive.storage.LinkStore;
import dev.textdrive.storage.StorageException;
import dev.textdrive.storage.StorageException.Reason;
import dev.textdrive.storage.StorageProvider;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * A folder on the operator's machine, such as one kept in sync by a Dropbox or OneDrive client.
 *
 * <p>Entry ids are paths relative to the folder with {@code /} separators, the empty string for the top.
 * Every id is resolved to its real path and checked to lie inside the folder, so neither {@code ..} nor a
 * symlink that points outside lets a texter list or download anything else. Names starting with a dot are
 * hidden, as sync clients keep their state in such files.
 */
public final class LocalFolderProvider implements StorageProvider {

    /** The threads that read the entries of folders, one per core. */
    private static final ForkJoinPool READERS = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("textdrive-folder-reader-" + thread.getPoolIndex());
        return thread;
    }, null, false);

    private final long accountId;
    private final Path folder;
    private final LinkStore links;
    private final String publicUrl;
    private final ListingCache cache;

    public LocalFolderProvider(long accountId, Path folder, LinkStore links, String publicUrl, ListingCache cache) {
        this.accountId = accountId;
        this.folder = folder;
        this.links = links;
        this.publicUrl = publicUrl;
        this.cache = cache;
    }

    @Override
    public String rootId() {
        return "";
    }

    @Override
    public FolderPage list(String folderId, String cursor, int limit) throws StorageException {
        Path directory = resolve(folderId);
        if (!Files.isDirectory(directory)) {
            throw new StorageException(Reason.NOT_FOUND, "Not a folder: " + folderId);
        }
        FolderListing entries = cache.get(directory, () -> readDirectory(folderId, directory));

        int offset = parseCursor(cursor);
        int end = Math.min(entries.size(), offset + Math.max(1, limit));
        String next = end < entries.size() ? Integer.toString(end) : null;
        return new FolderPage(entries.slice(offset, end), next);
    }

    @Override
    public String createLink(Entry file, Instant expiresAt) throws StorageException {
        resolveFile(file.id());
        String token = links.create(accountId, file.id(), file.name(), null, expiresAt);
        return publicUrl + "/d/" + token;
    }

    /**
     * Returns the real path of a regular file inside the folder.
     *
     * @throws StorageException NOT_FOUND when there is no such file, FORBIDDEN when it lies outside the folder
     */
    public Path resolveFile(String fileId) throws StorageException {
        Path file = resolve(fileId);
        if (!Files.isRegularFile(file)) {
            throw new StorageException(Reason.NOT_FOUND, "Not a file: " + fileId);
        }
        return file;
    }

    private Path resolve(String id) throws StorageException {
        Path root = realRoot();
        if (id == null || id.indexOf('\\') >= 0 || id.indexOf('\0') >= 0 || id.startsWith("/")) {
            throw new StorageException(Reason.NOT_FOUND, "Invalid entry id.");
        }

        Path candidate = root;
        for (String part : id.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals(".") || part.equals("..")) {
                throw new StorageException(Reason.NOT_FOUND, "Invalid entry id.");
            }
            try {
                candidate = candidate.resolve(part);
            } catch (InvalidPathException e) {
                throw new StorageException(Reason.NOT_FOUND, "Invalid entry id.", e);
            }
        }

        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new StorageException(Reason.NOT_FOUND, "No such entry.", e);
        } catch (IOException e) {
            throw new StorageException(Reason.UNAVAILABLE, "Cannot read " + candidate + ": " + e.getMessage(), e);
        }
        if (!real.startsWith(root)) {
            throw new StorageException(Reason.FORBIDDEN, "Entry lies outside the account's folder.");
        }
        return real;
    }

    private Path realRoot() throws StorageException {
        try {
            return folder.toRealPath();
        } catch (NoSuchFileException e) {
            throw new StorageException(Reason.UNAVAILABLE, "Folder " + folder + " does not exist.", e);
        } catch (IOException e) {
            throw new StorageException(Reason.UNAVAILABLE, "Folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a folder. System calls dominate in a large folder: each {@code lstat} took about 1.2 µs on the
     * benchmark machine, even from C. So once the names are read, the children are read in parallel, on
     * threads of their own so that a slow network folder cannot hold up the common pool.
     */
    private FolderListing readDirectory(String folderId, Path directory) throws StorageException {
        Path root = realRoot();
        String prefix = folderId.isEmpty() || folderId.endsWith("/") ? folderId : folderId + "/";
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path child : stream) {
                children.add(child);
            }
        } catch (IOException | DirectoryIteratorException e) {
            IOException cause = e instanceof DirectoryIteratorException failed ? failed.getCause() : (IOException) e;
            throw new StorageException(Reason.UNAVAILABLE, "Cannot list " + directory + ": " + cause.getMessage(), cause);
        }

        // A parallel stream started on a thread of a pool forks its tasks into that pool.
        ForkJoinTask<List<FolderListing.Item>> read = READERS.submit(() -> children.parallelStream()
                .map(child -> {
                    String name = child.getFileName().toString();
                    if (name.startsWith(".")) {
                        return null;
                    }
                    Entry entry = toEntry(root, prefix.isEmpty() ? name : prefix + name, name, child);
                    return entry == null ? null : new FolderListing.Item(entry);
                })
                .filter(Objects::nonNull)
                .toList());
        try {
            return new FolderListing(read.get());
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new StorageException(Reason.UNAVAILABLE, "Interrupted while listing " + directory + ".", e);
        } catch (ExecutionException e) {
            throw new StorageException(Reason.UNAVAILABLE, "Cannot list " + directory + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * Returns the entry of a folder child, or null for a broken link, a link that leaves the folder, or a device.
     * A plain file or folder costs one {@code lstat}; only a symbolic link is followed.
     */
    private static Entry toEntry(Path root, String id, String name, Path child) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                if (!child.toRealPath().startsWith(root)) {
                    return null;
                }
                attributes = Files.readAttributes(child, BasicFileAttributes.class);
            }
            Instant modified = attributes.lastModifiedTime().toInstant();
            if (attributes.isDirectory()) {
                return new Entry(id, name, Entry.Kind.FOLDER, null, modified);
            }
            if (attributes.isRegularFile()) {
                return new Entry(id, name, Entry.Kind.FILE, attributes.size(), modified);
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int parseCursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(cursor));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
