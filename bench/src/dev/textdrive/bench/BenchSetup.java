package dev.textdrive.bench;

import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.config.DataDirectory;
import dev.textdrive.storage.StorageAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares a benchmark database through the product's own stores, before the server starts: the bench
 * phones with a granted 200-entry folder, and one phone with a granted 100,000-file folder.
 *
 * <p>Usage: {@code BenchSetup CONFIG DOCS_DIR LARGE_DIR}. The data folder comes from the
 * {@code textdrive.data.dir} system property, as for the server.
 */
public final class BenchSetup {

    static final String DOCS_ACCOUNT = "Docs";
    static final String LARGE_ACCOUNT = "Archive";
    static final int FOLDERS = 10;
    static final int FILES_PER_FOLDER = 20;
    static final int TOP_FILES = 190;
    static final int LARGE_FILES = 100_000;

    private BenchSetup() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("Usage: BenchSetup CONFIG DOCS_DIR LARGE_DIR");
            System.exit(2);
        }
        Path configFile = Path.of(args[0]);
        Path docs = Path.of(args[1]);
        Path large = Path.of(args[2]);

        long started = System.nanoTime();
        createDocs(docs);
        createLarge(large);
        long folders = System.nanoTime();

        Config config = new ConfigLoader(DataDirectory.locate()).load(configFile);
        try (TextDrive app = TextDrive.open(config)) {
            app.accounts().add(DOCS_ACCOUNT, StorageAccount.LOCAL, docs.toAbsolutePath().toString(), null, "bench");
            app.accounts().add(LARGE_ACCOUNT, StorageAccount.LOCAL, large.toAbsolutePath().toString(), null, "bench");
            for (String phone : Phones.BENCH) {
                app.phones().add(phone, "Bench", true, "bench");
                app.accounts().grant(phone, DOCS_ACCOUNT, "bench");
            }
            app.phones().add(Phones.LARGE, "Bench large folder", true, "bench");
            app.accounts().grant(Phones.LARGE, LARGE_ACCOUNT, "bench");
        }
        long done = System.nanoTime();
        System.out.printf("Prepared the folders in %d ms and the database in %d ms.%n",
                (folders - started) / 1_000_000, (done - folders) / 1_000_000);
    }

    /** Creates 10 folders of 20 photos each and 190 documents beside them: 200 entries at the top. */
    private static void createDocs(Path docs) throws IOException {
        for (int folder = 1; folder <= FOLDERS; folder++) {
            Path dir = docs.resolve(String.format("Folder %02d", folder));
            Files.createDirectories(dir);
            for (int file = 1; file <= FILES_PER_FOLDER; file++) {
                write(dir.resolve(String.format("photo-%03d.jpg", file)), 2_000 + 100 * file);
            }
        }
        for (int file = 1; file <= TOP_FILES; file++) {
            write(docs.resolve(String.format("report-%03d.pdf", file)), 1_000 + 37 * file);
        }
    }

    /** Creates 100,000 empty files, unless a previous run left the folder complete. */
    private static void createLarge(Path large) throws IOException {
        Files.createDirectories(large);
        if (count(large) == LARGE_FILES) {
            return;
        }
        for (int file = 1; file <= LARGE_FILES; file++) {
            Path path = large.resolve(String.format("scan-%06d.tif", file));
            if (!Files.exists(path)) {
                Files.createFile(path);
            }
        }
    }

    private static long count(Path dir) throws IOException {
        long count = 0;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path ignored : children) {
                count++;
            }
        }
        return count;
    }

    private static void write(Path file, int size) throws IOException {
        if (Files.exists(file) && Files.size(file) == size) {
            return;
        }
        byte[] content = "TextDrive benchmark file.\n".repeat(size / 26 + 1).substring(0, size).getBytes(StandardCharsets.US_ASCII);
        Files.write(file, content);
    }
}
