package dev.textdrive.app;

import dev.textdrive.storage.StorageAccount;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the embedded default on first start: the demo folder copied out of the jar, a "Demo" account
 * for it, and a verified demo phone granted to it, so a new user can text commands in simulator mode.
 */
public final class DemoSetup {

    /** A number in the range reserved for fiction (555-0100 to 555-0199), which libphonenumber accepts as valid. */
    public static final String DEMO_PHONE = "+12025550100";
    public static final String DEMO_ACCOUNT = "Demo";

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);
    private static final String SEEDED = "demo.seeded";
    private static final String RESOURCE_ROOT = "demo";
    private static final String MARKER = "demo/Welcome.txt";

    private DemoSetup() {
    }

    /** Seeds the demo once per database; an operator who removes the demo account does not get it back. */
    public static void seedOnce(TextDrive app) {
        if (app.settings().get(SEEDED).isPresent()) {
            return;
        }
        Path folder = app.config().dataDirectory().resolve("demo");
        try {
            copyDemoFolder(folder);
        } catch (IOException | URISyntaxException e) {
            log.warn("Cannot copy the demo folder to '{}': {}", folder, e.getMessage());
            return;
        }

        if (app.accounts().findByName(DEMO_ACCOUNT).isEmpty()) {
            app.accounts().add(DEMO_ACCOUNT, StorageAccount.LOCAL, folder.toString(), null, "setup");
        }
        if (app.phones().find(DEMO_PHONE).isEmpty()) {
            app.phones().add(DEMO_PHONE, "Demo phone", true, "setup");
        }
        app.accounts().grant(DEMO_PHONE, DEMO_ACCOUNT, "setup");
        app.settings().put(SEEDED, "true");
        log.info("Created the demo account '{}' at '{}' and the demo phone {}.", DEMO_ACCOUNT, folder, DEMO_PHONE);
    }

    /** Copies the demo folder from the jar (or the classes folder) without overwriting existing files. */
    static void copyDemoFolder(Path target) throws IOException, URISyntaxException {
        URL marker = DemoSetup.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            throw new IOException("the demo folder is missing from the application");
        }
        URI uri = marker.toURI();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(jar.getPath("/" + RESOURCE_ROOT), target);
            }
        } else {
            copyTree(Path.of(uri).getParent(), target);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(source)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path destination = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(destination);
            } else if (!Files.exists(destination)) {
                try (InputStream in = Files.newInputStream(path)) {
                    Files.copy(in, destination);
                }
            }
        }
    }
}
