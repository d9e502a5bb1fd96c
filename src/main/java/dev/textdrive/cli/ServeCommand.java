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

        log.info("TextDrive is listening on {}; Twilio should call {}.", app.server().localUrl(), app.webhookUrl());
        if (config.simulatorMode()) {
            String configOption = loaded.file() == null ? "" : " --config " + loaded.file();
            boolean demoReady = app.phones().find(DemoSetup.DEMO_PHONE).isPresent()
                    && !app.accounts().grantedTo(DemoSetup.DEMO_PHONE).isEmpty();
            if (demoReady) {
                log.info("Simulator mode: no SMS leave this machine. Text as the demo phone {} from another terminal: "
                        + "{}{} simulate ls", DemoSetup.DEMO_PHONE, TextDriveCommand.launchCommand(), configOption);
            } else {
                log.info("Simulator mode: no SMS leave this machine. Add a verified phone and grant it an account, "
                        + "then text as it from another terminal: {}{} simulate --from E164 ls",
                        TextDriveCommand.launchCommand(), configOption);
            }
        }
        stopped.await();
        return 0;
    }
}
