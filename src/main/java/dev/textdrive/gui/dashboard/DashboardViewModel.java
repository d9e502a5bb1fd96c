package dev.textdrive.gui.dashboard;

import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.sms.MessageLog;
import dev.textdrive.sms.TwilioNumberSetup;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The dashboard's state: server and Twilio status, counts, and recent activity. */
public final class DashboardViewModel {

    static final int RECENT_LIMIT = 15;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Services services;
    private final Background background;
    private final StatusReporter status;

    private final StringProperty serverState = new SimpleStringProperty("Starting");
    private final StringProperty listeningUrl = new SimpleStringProperty("");
    private final StringProperty webhookUrl = new SimpleStringProperty("");
    private final StringProperty twilioNumber = new SimpleStringProperty("");
    private final BooleanProperty twilioConfigured = new SimpleBooleanProperty(false);
    private final LongProperty verifiedPhones = new SimpleLongProperty();
    private final LongProperty accounts = new SimpleLongProperty();
    private final LongProperty messagesToday = new SimpleLongProperty();
    private final ObservableList<String> recentActivity = FXCollections.observableArrayList();
    private final StringProperty webhookResult = new SimpleStringProperty("");
    private final BooleanProperty pointing = new SimpleBooleanProperty(false);

    public DashboardViewModel(Services services, Background background, StatusReporter status) {
        this.services = services;
        this.background = background;
        this.status = status;
    }

    /** Reloads everything the dashboard shows. */
    public void refresh() {
        if (!services.running()) {
            serverState.set("Stopped");
            return;
        }
        background.run("Loading the dashboard", this::load, this::apply,
                error -> status.error("The dashboard could not be loaded: " + error.getMessage()));
    }

    /** Sets the Twilio number's incoming SMS webhook to the public URL and shows Twilio's answer. */
    public void pointTwilioWebhook() {
        Config config = services.config();
        String target = services.app().webhookUrl();
        if (config.twilio().isEmpty()) {
            status.error("Twilio is not configured: add the Account SID, auth token and number in Settings.");
            return;
        }
        pointing.set(true);
        webhookResult.set("");
        background.run("Setting the Twilio webhook",
                () -> TwilioNumberSetup.pointWebhook(config.twilio().get(), target),
                result -> {
                    pointing.set(false);
                    webhookResult.set(result);
                    status.info(result);
                },
                error -> {
                    pointing.set(false);
                    webhookResult.set(error.getMessage());
                    status.error(error.getMessage());
                });
    }

    private Snapshot load() {
        TextDrive app = services.app();
        Config config = app.config();
        ZoneId zone = ZoneId.systemDefault();
        long verified = app.phones().list().stream().filter(Phone::verified).count();
        long accountCount = app.accounts().list().size();
        long today = app.messages().countSince(LocalDate.now(zone).atStartOfDay(zone).toInstant());
        List<String> recent = app.messages().recent(RECENT_LIMIT).stream().map(DashboardViewModel::describe).toList();
        return new Snapshot(app.server().running() ? "Running" : "Stopped",
                app.server().running() ? app.server().localUrl() : "", app.webhookUrl(),
                config.twilio().map(Config.Twilio::phoneNumber).map(PhoneNumbers::international).orElse("Simulator mode"),
                config.twilio().isPresent(), verified, accountCount, today, recent);
    }

    private void apply(Snapshot snapshot) {
        serverState.set(snapshot.state());
        listeningUrl.set(snapshot.listeningUrl());
        webhookUrl.set(snapshot.webhookUrl());
        twilioNumber.set(snapshot.number());
        twilioConfigured.set(snapshot.twilio());
        verifiedPhones.set(snapshot.verified());
        accounts.set(snapshot.accounts());
        messagesToday.set(snapshot.today());
        recentActivity.setAll(snapshot.recent());
    }

    /** Returns one activity line, such as "14:02:11  in   +1 555-555-0100  ls". */
    static String describe(MessageLog.StoredMessage message) {
        String direction = message.direction().equals(MessageLog.INBOUND) ? "from" : "to";
        // One line per message: the list shortens a long line with an ellipsis at whatever width it has.
        String body = message.body().replace('\n', ' ');
        return TIME.format(message.createdAt().atZone(ZoneId.systemDefault())) + "  " + direction + " "
                + PhoneNumbers.international(message.phone()) + ": " + body;
    }

    private record Snapshot(String state, String listeningUrl, String webhookUrl, String number, boolean twilio,
                            long verified, long accounts, long today, List<String> recent) {
    }

    public StringProperty serverStateProperty() {
        return serverState;
    }

    public StringProperty listeningUrlProperty() {
        return listeningUrl;
    }

    public StringProperty webhookUrlProperty() {
        return webhookUrl;
    }

    public StringProperty twilioNumberProperty() {
        return twilioNumber;
    }

    public BooleanProperty twilioConfiguredProperty() {
        return twilioConfigured;
    }

    public LongProperty verifiedPhonesProperty() {
        return verifiedPhones;
    }

    public LongProperty accountsProperty() {
        return accounts;
    }

    public LongProperty messagesTodayProperty() {
        return messagesToday;
    }

    public ObservableList<String> recentActivity() {
        return recentActivity;
    }

    public StringProperty webhookResultProperty() {
        return webhookResult;
    }

    public BooleanProperty pointingProperty() {
        return pointing;
    }
}
