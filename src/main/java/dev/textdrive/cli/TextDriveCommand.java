package dev.textdrive.cli;

import dev.textdrive.app.DemoSetup;
import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigException;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.config.DataDirectory;
import dev.textdrive.store.StoreException;
import dev.textdrive.web.WebServerException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code textdrive} command line: the server, the operator's admin commands, and the simulator. */
@Command(name = "textdrive",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = TextDriveCommand.Version.class,
        description = "Browse storage accounts and share files by SMS.",
        subcommands = {ServeCommand.class, PhoneCommand.class, AccountCommand.class, GrantCommand.class,
                RevokeCommand.class, SimulateCommand.class, OutboxCommand.class})
public final class TextDriveCommand implements Runnable {

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (YAML). Default: config.yml in the data folder if it exists, "
                    + "otherwise the embedded default (simulator mode, demo folder).")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Opens the desktop app, or explains the headless commands when there is no display. */
    @Override
    public void run() {
        if (!DesktopLauncher.displayAvailable()) {
            spec.commandLine().getErr().println("No display found, so the desktop app cannot open. On a server, run "
                    + "'textdrive serve' for the webhook server and the commands below for administration.");
            spec.commandLine().usage(spec.commandLine().getErr());
            throw new CommandLine.ExecutionException(spec.commandLine(), "no display");
        }
        LoadedConfig loaded;
        try {
            loaded = loadConfig();
        } catch (ConfigException e) {
            // The operator started a window, so the window explains the problem, as it does for a busy port.
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            Path file = configFile != null ? configFile : DataDirectory.locate().resolve("config.yml");
            DesktopLauncher.openFailure(e.getMessage(), file);
            throw new CommandLine.ExecutionException(spec.commandLine(), "invalid configuration");
        }
        Path file = loaded.file() != null ? loaded.file() : loaded.config().dataDirectory().resolve("config.yml");
        DesktopLauncher.open(loaded.config(), file, loaded.embedded());
    }

    /** Runs the command line and returns the exit code: 0 on success, 1 on failure, 2 on invalid input. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with its output and errors written to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new TextDriveCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof CommandLine.ExecutionException) {
                return 1;
            }
            line.getErr().println("Error: " + exception.getMessage());
            return exception instanceof IllegalArgumentException || exception instanceof ConfigException ? 2 : 1;
        });
        return commandLine.execute(args);
    }

    /** Returns the configuration the options select, and whether it is the embedded default. */
    LoadedConfig loadConfig() {
        Path dataDirectory = DataDirectory.locate();
        ConfigLoader loader = new ConfigLoader(dataDirectory);
        if (configFile != null) {
            return new LoadedConfig(loader.load(configFile), configFile, false);
        }
        Path userConfig = dataDirectory.resolve("config.yml");
        if (Files.isRegularFile(userConfig)) {
            return new LoadedConfig(loader.load(userConfig), userConfig, false);
        }
        return new LoadedConfig(loader.defaults(), null, true);
    }

    /** Opens the application on the selected configuration, seeding the demo for the embedded default. */
    TextDrive openApp() {
        LoadedConfig loaded = loadConfig();
        try {
            TextDrive app = TextDrive.open(loaded.config());
            if (loaded.embedded()) {
                DemoSetup.seedOnce(app);
            }
            return app;
        } catch (StoreException | WebServerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Returns how this program was started, such as {@code java -jar target/textdrive.jar}, for hints in logs. */
    static String launchCommand() {
        try {
            Path location = Path.of(TextDriveCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.toString().endsWith(".jar")) {
                Path shown = location.startsWith(Path.of("").toAbsolutePath())
                        ? Path.of("").toAbsolutePath().relativize(location) : location;
                return "java -jar " + shown;
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // Fall through to the installed command's name.
        }
        return "textdrive";
    }

    /**
     * A configuration and where it came from.
     *
     * @param config the effective settings
     * @param file the file they were read from, null for the embedded default
     * @param embedded whether no file was used
     */
    record LoadedConfig(Config config, Path file, boolean embedded) {
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TextDriveCommand.class.getPackage().getImplementationVersion();
            return new String[] {"TextDrive " + (version == null ? "(development build)" : version)};
        }
    }
}
