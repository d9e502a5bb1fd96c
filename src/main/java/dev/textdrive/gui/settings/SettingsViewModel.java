package dev.textdrive.gui.settings;

import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigException;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.config.ConfigWriter;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings screen's state: one field per configuration key, each checked as typed with
 * {@link ConfigWriter#check}, and saving that writes the file atomically and restarts the core.
 */
public final class SettingsViewModel {

    public static final String PUBLIC_URL = "server.public_url";
    public static final String ACCOUNT_SID = "twilio.account_sid";
    public static final String AUTH_TOKEN = "twilio.auth_token";
    public static final String TWILIO_NUMBER = "twilio.phone_number";
    public static final String LINK_EXPIRY = "links.expiry";
    public static final String SEGMENT_BUDGET = "sms.segment_budget";
    public static final String DEFAULT_REGION = "sms.default_region";
    public static final String DAILY_LIMIT = "send.daily_limit";
    public static final String ALLOWED_COUNTRIES = "send.allowed_countries";
    public static final String KLOUDLESS_APP_ID = "kloudless.app_id";
    public static final String KLOUDLESS_API_KEY = "kloudless.api_key";
    public static final String KLOUDLESS_BASE_URL = "kloudless.base_url";

    private static final Logger log = LoggerFactory.getLogger(SettingsViewModel.class);

    /** One setting: its configuration key, the text of its field, and what is wrong with that text. */
    public static final class Field {

        private final String key;
        private final StringProperty text = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
        private String savedText = "";

        private Field(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public StringProperty textProperty() {
            return text;
        }

        /** Returns the loader's message about this field's text, or an empty string while it is valid. */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }

        private boolean changed() {
            return !text.get().strip().equals(savedText.strip());
        }

        private void reset(String value) {
            savedText = value;
            text.set(value);
        }
    }

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private final ConfigWriter writer;

    private final Field publicUrl = new Field(PUBLIC_URL);
    private final Field accountSid = new Field(ACCOUNT_SID);
    private final Field authToken = new Field(AUTH_TOKEN);
    private final Field twilioNumber = new Field(TWILIO_NUMBER);
    private final Field linkExpiry = new Field(LINK_EXPIRY);
    private final Field segmentBudget = new Field(SEGMENT_BUDGET);
    private final Field defaultRegion = new Field(DEFAULT_REGION);
    private final Field dailyLimit = new Field(DAILY_LIMIT);
    private final Field allowedCountries = new Field(ALLOWED_COUNTRIES);
    private final Field kloudlessAppId = new Field(KLOUDLESS_APP_ID);
    private final Field kloudlessApiKey = new Field(KLOUDLESS_API_KEY);
    private final Field kloudlessBaseUrl = new Field(KLOUDLESS_BASE_URL);
    private final List<Field> fields = List.of(publicUrl, accountSid, authToken, twilioNumber, linkExpiry,
            segmentBudget, defaultRegion, dailyLimit, allowedCountries, kloudlessAppId, kloudlessApiKey, kloudlessBaseUrl);
    private final List<Field> twilioFields = List.of(accountSid, authToken, twilioNumber);

    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final BooleanProperty changed = new SimpleBooleanProperty(false);
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final StringProperty configFile = new SimpleStringProperty("");
    private final StringProperty kloudlessRedirectUri = new SimpleStringProperty("");
    private final BooleanBinding canSave;
    private final BooleanBinding simulatorMode;
    private final BooleanBinding kloudlessOauthReady;

    public SettingsViewModel(Services services, Background background, StatusReporter status) {
        this.services = services;
        this.background = background;
        this.status = status;
        // A loader of its own keeps the messages free of a file name, which check() relies on.
        this.writer = new ConfigWriter(new ConfigLoader(services.config().dataDirectory()));

        for (Field field : fields) {
            field.text.addListener((observable, old, text) -> {
                validate(field);
                updateState();
            });
        }
        canSave = valid.and(changed).and(saving.not());
        simulatorMode = Bindings.createBooleanBinding(
                () -> twilioFields.stream().allMatch(field -> field.text.get().isBlank()),
                accountSid.text, authToken.text, twilioNumber.text);
        kloudlessOauthReady = Bindings.createBooleanBinding(
                () -> !kloudlessAppId.text.get().isBlank() && !kloudlessApiKey.text.get().isBlank(),
                kloudlessAppId.text, kloudlessApiKey.text);
        load();
    }

    /** Shows the settings in use, unless the operator is editing them. */
    public void shown() {
        if (!changed.get() && !saving.get()) {
            load();
        }
    }

    /** Puts back the settings in use, dropping unsaved edits. */
    public void revert() {
        load();
    }

    /**
     * Writes the changed settings to the configuration file atomically and restarts the core with them, off the
     * UI thread. An empty field removes its key, so its default applies again.
     */
    public void save() {
        if (saving.get()) {
            return;
        }
        if (!valid.get()) {
            status.error("Some settings are invalid: fix the fields marked in red, then save.");
            return;
        }
        Map<String, Object> changes = changes();
        if (changes.isEmpty()) {
            status.info("Nothing to save: no setting changed.");
            return;
        }
        Path file = services.configFile();
        Config previous = services.config();
        saving.set(true);
        background.run("Saving the settings", () -> saveAndRestart(file, changes, previous), this::saved, this::saveFailed);
    }

    /** Returns the keys whose fields changed, with their new values; allowed countries become a list. */
    Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Field field : fields) {
            if (field.changed()) {
                changes.put(field.key, value(field));
            }
        }
        return changes;
    }

    private Outcome saveAndRestart(Path file, Map<String, Object> changes, Config previous) {
        Config saved = writer.save(file, changes);
        log.info("Saved the settings {} to '{}'.", changes.keySet(), file);
        if (saved.equals(previous) && services.running()) {
            return new Outcome(saved, file, false, "", "");
        }
        try {
            services.restart(saved);
        } catch (RuntimeException e) {
            log.warn("The server could not start with the new settings; starting it with the previous ones.", e);
            try {
                services.restart(previous);
            } catch (RuntimeException again) {
                log.error("The server could not start with the previous settings either.", again);
                throw new IllegalStateException("The settings were saved to " + file + ", but the server could not "
                        + "start again: " + again.getMessage(), again);
            }
            return new Outcome(saved, file, false, "", e.getMessage());
        }
        return new Outcome(saved, file, true, services.app().server().localUrl(), "");
    }

    private void saved(Outcome outcome) {
        saving.set(false);
        apply(outcome.config());
        if (!outcome.startProblem().isEmpty()) {
            status.error("Saved to " + outcome.file() + ", but the server could not start with the new settings: "
                    + outcome.startProblem() + " It runs with the previous settings until you fix them.");
        } else if (!outcome.restarted()) {
            status.info("Saved; the settings in use are the same, so the server did not restart.");
        } else {
            status.info("Saved; the server restarted on " + outcome.url()
                    + (outcome.config().simulatorMode() ? " in simulator mode." : "."));
        }
    }

    private void saveFailed(Exception error) {
        saving.set(false);
        if (error instanceof ConfigException invalid) {
            String message = invalid.getMessage().replace(" in the configuration", "");
            invalid.key().flatMap(this::field).ifPresent(field -> field.problem.set(message));
            updateState();
            status.error("The settings were not saved: " + message);
            return;
        }
        status.error(error.getMessage());
    }

    private void load() {
        apply(services.config());
    }

    private void apply(Config config) {
        configFile.set(services.configFile().toString());
        publicUrl.reset(config.server().publicUrl());
        accountSid.reset(config.twilio().map(Config.Twilio::accountSid).orElse(""));
        authToken.reset(config.twilio().map(Config.Twilio::authToken).orElse(""));
        twilioNumber.reset(config.twilio().map(Config.Twilio::phoneNumber).orElse(""));
        linkExpiry.reset(formatDuration(config.linkExpiry()));
        segmentBudget.reset(String.valueOf(config.segmentBudget()));
        defaultRegion.reset(config.defaultRegion());
        dailyLimit.reset(String.valueOf(config.send().dailyLimit()));
        allowedCountries.reset(String.join(", ", config.send().allowedCountries()));
        kloudlessAppId.reset(config.kloudless().appId().orElse(""));
        kloudlessApiKey.reset(config.kloudless().apiKey().orElse(""));
        kloudlessBaseUrl.reset(config.kloudless().baseUrl());
        kloudlessRedirectUri.set(services.running() ? services.app().kloudlessRedirectUri() : "");
        fields.forEach(this::validate);
        updateState();
    }

    private void validate(Field field) {
        if (twilioFields.contains(field)) {
            validateTwilio();
            return;
        }
        field.problem.set(writer.check(field.key, value(field)).orElse(""));
    }

    /** Checks the Twilio fields together, because the loader accepts them only all set or all empty. */
    private void validateTwilio() {
        Map<String, Object> values = new LinkedHashMap<>();
        twilioFields.forEach(field -> values.put(field.key, field.text.get()));
        twilioFields.forEach(field -> field.problem.set(""));
        writer.check(values).ifPresent(problem -> {
            Field target = problem.key().flatMap(this::field).filter(twilioFields::contains).orElse(accountSid);
            target.problem.set(problem.message());
        });
    }

    private void updateState() {
        valid.set(fields.stream().allMatch(field -> field.problem.get().isEmpty()));
        changed.set(fields.stream().anyMatch(Field::changed));
    }

    private Object value(Field field) {
        String text = field.text.get().strip();
        if (field == allowedCountries) {
            return Arrays.stream(text.split(",")).map(String::strip).filter(region -> !region.isEmpty()).toList();
        }
        return text;
    }

    private Optional<Field> field(String key) {
        return fields.stream().filter(field -> field.key.equals(key)).findFirst();
    }

    /** Returns a duration in the configuration's form, such as "24h", "90m", "2d" or "45s"; one day stays "24h". */
    static String formatDuration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0 && seconds > 86_400) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /**
     * What saving did.
     *
     * @param config the configuration now in the file
     * @param file the file written
     * @param restarted whether the core restarted with the new configuration
     * @param url where the restarted server listens, empty when it did not restart
     * @param startProblem why the core could not start with the new configuration, empty when it could
     */
    private record Outcome(Config config, Path file, boolean restarted, String url, String startProblem) {
    }

    public Field publicUrl() {
        return publicUrl;
    }

    public Field accountSid() {
        return accountSid;
    }

    public Field authToken() {
        return authToken;
    }

    public Field twilioNumber() {
        return twilioNumber;
    }

    public Field linkExpiry() {
        return linkExpiry;
    }

    public Field segmentBudget() {
        return segmentBudget;
    }

    public Field defaultRegion() {
        return defaultRegion;
    }

    public Field dailyLimit() {
        return dailyLimit;
    }

    public Field allowedCountries() {
        return allowedCountries;
    }

    public Field kloudlessAppId() {
        return kloudlessAppId;
    }

    /** Returns the Kloudless app's API key, the OAuth client secret, which stays out of logs and the status line. */
    public Field kloudlessApiKey() {
        return kloudlessApiKey;
    }

    public Field kloudlessBaseUrl() {
        return kloudlessBaseUrl;
    }

    /** Returns whether the Kloudless app ID and API key are both filled in, which linking in the browser needs. */
    public BooleanBinding kloudlessOauthReadyProperty() {
        return kloudlessOauthReady;
    }

    /** Returns the callback URL of the running server, which the Kloudless app must allow as a redirect URI. */
    public StringProperty kloudlessRedirectUriProperty() {
        return kloudlessRedirectUri;
    }

    /** Returns whether every field contains a valid value. */
    public BooleanProperty validProperty() {
        return valid;
    }

    /** Returns whether any field differs from the settings in use. */
    public BooleanProperty changedProperty() {
        return changed;
    }

    /** Returns whether a save and restart is running. */
    public BooleanProperty savingProperty() {
        return saving;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** Returns whether the Twilio fields are all empty, which runs TextDrive in simulator mode. */
    public BooleanBinding simulatorModeProperty() {
        return simulatorMode;
    }

    /** Returns the path of the configuration file that saving writes. */
    public StringProperty configFileProperty() {
        return configFile;
    }
}
