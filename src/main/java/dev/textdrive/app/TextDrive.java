package dev.textdrive.app;

import dev.textdrive.activity.ActivityBus;
import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.command.CommandEngine;
import dev.textdrive.config.Config;
import dev.textdrive.inbound.InboundListener;
import dev.textdrive.inbound.InboundService;
import dev.textdrive.phone.PhoneStore;
import dev.textdrive.session.SessionStore;
import dev.textdrive.sms.MessageLog;
import dev.textdrive.sms.SimulatorGateway;
import dev.textdrive.sms.SmsGateway;
import dev.textdrive.sms.TwilioGateway;
import dev.textdrive.sms.WebhookSignature;
import dev.textdrive.storage.AccountStore;
import dev.textdrive.storage.LinkStore;
import dev.textdrive.storage.StorageProviders;
import dev.textdrive.storage.kloudless.KloudlessLinking;
import dev.textdrive.store.AuditLog;
import dev.textdrive.store.Database;
import dev.textdrive.store.Settings;
import dev.textdrive.verification.VerificationService;
import dev.textdrive.web.DownloadHandler;
import dev.textdrive.web.HealthHandler;
import dev.textdrive.web.KloudlessCallbackHandler;
import dev.textdrive.web.SmsWebhookHandler;
import dev.textdrive.web.WebServer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;

/** The composition root: builds the store, the core services and the web server from one configuration. */
public final class TextDrive implements AutoCloseable {

    /** The settings key of the secret that signs webhooks in simulator mode. */
    public static final String SIMULATOR_SECRET = "simulator.webhook_secret";

    private final Config config;
    private final ActivityBus activity = new ActivityBus();
    private final Database database;
    private final Settings settings;
    private final PhoneStore phones;
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final MessageLog messages;
    private final LinkStore links;
    private final StorageProviders providers;
    private final SmsGateway gateway;
    private final InboundService inbound;
    private final VerificationService verification;
    private final KloudlessLinking kloudless;
    private final WebhookSignature signature;
    private final WebServer server;

    private TextDrive(Config config, Clock clock, InboundListener listener) {
        this.config = config;
        this.database = Database.open(config.databasePath());
        AuditLog audit = new AuditLog(clock);
        this.settings = new Settings(database);
        this.phones = new PhoneStore(database, audit, clock);
        this.accounts = new AccountStore(database, audit, clock);
        this.sessions = new SessionStore(database, clock);
        this.messages = new MessageLog(database, clock, activity);
        this.links = new LinkStore(database, clock);
        this.providers = new StorageProviders(links, accounts, this::publicUrl, clock);
        this.gateway = config.twilio()
                .<SmsGateway>map(twilio -> new TwilioGateway(twilio, messages, phones))
                .orElseGet(() -> new SimulatorGateway(messages));
        CommandEngine engine = new CommandEngine(config, accounts, sessions, providers, gateway, messages, phones, clock);
        InboundListener publishing = (sms, reply) -> {
            listener.messageHandled(sms, reply);
            activity.publish(new ActivityEvent(ActivityEvent.Kind.SESSION, sms.from(), "Session of " + sms.from(), clock.instant()));
        };
        this.inbound = new InboundService(messages, phones, accounts, sessions, engine, publishing);
        this.verification = new VerificationService(database, phones, gateway, messages, clock);
        this.signature = new WebhookSignature(webhookSecret(config, settings));

        Map<String, Handler> routes = new LinkedHashMap<>();
        routes.put("/sms", new SmsWebhookHandler(this::webhookUrl, signature, inbound));
        routes.put(DownloadHandler.PREFIX, new DownloadHandler(links, accounts, providers));
        routes.put("/health", new HealthHandler());
        this.kloudless = new KloudlessLinking(config.kloudless(), accounts, clock);
        routes.put(KloudlessLinking.CALLBACK_PATH, new KloudlessCallbackHandler(kloudless, this::kloudlessRedirectUri,
                account -> activity.publish(new ActivityEvent(ActivityEvent.Kind.DIRECTORY, null,
                        ActivityEvent.LINKED + account.displayName(), clock.instant()))));
        this.server = new WebServer(config.server().host(), config.server().port(), routes);
    }

    /** Opens the database (migrating it) and builds every service; the web server is not started yet. */
    public static TextDrive open(Config config, Clock clock, InboundListener listener) {
        return new TextDrive(config, clock, listener);
    }

    public static TextDrive open(Config config) {
        return open(config, Clock.systemDefaultZone(), InboundListener.NONE);
    }

    /** Returns the key that signs webhooks: the Twilio auth token, or a local secret in simulator mode. */
    private static String webhookSecret(Config config, Settings settings) {
        return config.twilio().map(Config.Twilio::authToken).orElseGet(() -> settings.getOrCreate(SIMULATOR_SECRET, () -> {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }));
    }

    public Config config() {
        return config;
    }

    /** Returns the bus of live events: messages stored and sessions changed. */
    public ActivityBus activity() {
        return activity;
    }

    public Database database() {
        return database;
    }

    public Settings settings() {
        return settings;
    }

    public PhoneStore phones() {
        return phones;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public MessageLog messages() {
        return messages;
    }

    public LinkStore links() {
        return links;
    }

    public SmsGateway gateway() {
        return gateway;
    }

    public InboundService inbound() {
        return inbound;
    }

    public VerificationService verification() {
        return verification;
    }

    /** Returns the base URL Twilio calls and links start with: server.public_url, or the local URL when unset. */
    public String publicUrl() {
        String configured = config.server().publicUrl();
        return configured.isEmpty() ? server.localUrl() : configured;
    }

    /** Returns the URL Twilio calls and signs for the SMS webhook. */
    public String webhookUrl() {
        return publicUrl() + "/sms";
    }

    /** Returns the linking of Kloudless accounts, by OAuth or token. */
    public KloudlessLinking kloudless() {
        return kloudless;
    }

    /** Returns the OAuth callback URL of the running server, which the operator's browser reaches. */
    public String kloudlessRedirectUri() {
        return server.localUrl() + KloudlessLinking.CALLBACK_PATH;
    }

    /** Returns the signer and validator of webhook requests. */
    public WebhookSignature signature() {
        return signature;
    }

    public WebServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
