package dev.textdrive.cli;

import dev.textdrive.app.DemoSetup;
import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import dev.textdrive.sms.SimulatedWebhook;
import dev.textdrive.sms.WebhookSignature;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code simulate}: texts a running TextDrive as a phone would, through its real webhook. */
@Command(name = "simulate", description = "Send a text to the running server as a phone would, and print the reply.")
final class SimulateCommand implements Callable<Integer> {

    @ParentCommand
    TextDriveCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "E164", defaultValue = DemoSetup.DEMO_PHONE,
            description = "The phone that sends the text (default: the demo phone ${DEFAULT-VALUE}).")
    String from;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text, such as: ls, or: cd 2")
    List<String> words;

    @Override
    public Integer call() throws InterruptedException {
        Config config = parent.loadConfig().config();
        if (config.server().port() == 0) {
            throw new IllegalArgumentException("server.port is 0, so the server picks its port when it starts and "
                    + "simulate cannot find it: set a fixed server.port in the config.");
        }
        if (!from.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("Invalid --from '" + from + "': give the phone in E.164 form, such as "
                    + DemoSetup.DEMO_PHONE + ".");
        }
        String secret;
        try (TextDrive app = parent.openApp()) {
            secret = config.twilio().map(Config.Twilio::authToken)
                    .orElseGet(() -> app.settings().get(TextDrive.SIMULATOR_SECRET).orElseThrow());
        }

        String host = config.server().host().equals("0.0.0.0") ? "127.0.0.1" : config.server().host();
        String localUrl = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + config.server().port() + "/sms";
        SimulatedWebhook webhook = new SimulatedWebhook(localUrl, config.webhookUrl(), new WebhookSignature(secret),
                config.twilio().map(Config.Twilio::accountSid).orElse(SimulatedWebhook.SIMULATOR_ACCOUNT_SID),
                config.twilio().map(Config.Twilio::phoneNumber).orElse(SimulatedWebhook.SIMULATOR_NUMBER));
        try {
            SimulatedWebhook.Result result = webhook.send(from, String.join(" ", words));
            if (result.status() != 200) {
                spec.commandLine().getErr().println("Error: the webhook returned HTTP " + result.status()
                        + " at " + localUrl + "; check server.public_url and that the server uses the same config.");
                return 1;
            }
            spec.commandLine().getOut().println(result.reply().isEmpty() ? "(no reply)" : result.reply());
            return 0;
        } catch (ConnectException e) {
            spec.commandLine().getErr().println("Error: nothing listens at " + localUrl
                    + ": start the server first with the serve command and the same config.");
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Error: the request to " + localUrl + " failed: " + e.getMessage());
            return 1;
        }
    }
}
