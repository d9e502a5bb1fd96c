package dev.textdrive.cli;

import dev.textdrive.app.DemoSetup;
import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: runs the webhook server headless until stopped. */
@Command(name = "serve", description = "Run the webhook server without the desktop app, until stopped with Ctrl+C.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    TextDriveCommand parent;

    @Override
    public Integer call() throws InterruptedException {
        TextDriveCommand.LoadedConfig loaded = parent.loadConfig();
        Config config = loaded.config();
        log.info("Configuration: {}; database {}; {}.", loaded.file() == null ? "embedded default" : loaded.file(),
                config.databasePath(), config.twilio().map(twilio -> "Twilio number " + twilio.phoneNumber())
                        .orElse("simulator mode"));

        TextDrive app = parent.openApp();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "textdrive-shutdown"));
        app.server().start();

        log.info("TextDrive is listening on {}; Twilio should call {}.", app.server().localUrl(), config.webhookUrl());
        if (config.simulatorMode()) {
            String configOption = loaded.file() == null ? "" : " --config " + loaded.file();
            log.info("Simulator mode: no SMS leave this machine. Text as the demo phone {} from another terminal: "
                    + "{}{} simulate ls", DemoSetup.DEMO_PHONE, TextDriveCommand.launchCommand(), configOption);
        }
        stopped.await();
        return 0;
    }
}
