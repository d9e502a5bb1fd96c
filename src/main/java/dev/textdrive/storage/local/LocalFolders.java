package dev.textdrive.storage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks the folders that local-folder accounts share, for the admin CLI and the desktop app. */
public final class LocalFolders {

    private LocalFolders() {
    }

    /**
     * Checks that a folder exists, is a folder and is readable by this user.
     *
     * @return the folder's real path, with symbolic links resolved
     * @throws IllegalArgumentException when it is not, with a message that names the folder and the fix
     */
    public static Path check(String folder) {
        String text = folder == null ? "" : folder.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("No folder chosen: choose the folder to share.");
        }
        Path real;
        try {
            real = Path.of(text).toRealPath();
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("Folder " + text + " does not exist: choose an existing folder.");
        }
        if (!Files.isDirectory(real)) {
            throw new IllegalArgumentException(text + " is not a folder: choose a folder.");
        }
        if (!Files.isReadable(real)) {
            throw new IllegalArgumentException("Folder " + real + " is not readable by this user: check its permissions.");
        }
        return real;
    }

    /** Returns whether an account's folder can be listed now: it exists, is a folder and is readable. */
    public static boolean reachable(String location) {
        try {
            Path path = Path.of(location);
            return Files.isDirectory(path) && Files.isReadable(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
