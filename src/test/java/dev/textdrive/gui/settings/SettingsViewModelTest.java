package dev.textdrive.gui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import dev.textdrive.config.ConfigLoader;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsViewModelTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "s3cret-token-value";
    private static final String NUMBER = "+14155550123";
    private static final String APP_ID = "app-textdrive-1";
    private static final String API_KEY = "key-secret-9d8c7b6a";
    private static final String BASE_YAML = "server:\n  host: 127.0.0.1\n  port: 0\n  public_url: https://textdrive.example.test\n"
            + "sms:\n  default_region: US\n";

    @TempDir
    Path directory;

    private Services services;
    private Path configFile;
    private final RecordingStatus status = new RecordingStatus();
    private final AtomicInteger restarts = new AtomicInteger();
    private SettingsViewModel model;

    private void start(String extraYaml) throws IOException {
        configFile = directory.resolve("config.yml");
        Files.writeString(configFile, BASE_YAML + "database:\n  path: " + directory.resolve("textdrive.db") + "\n" + extraYaml);
        Config config = loader().load(configFile);
        services = new Services(config, configFile, false);
        services.start();
        services.onRestart(restarts::incrementAndGet);
        model = new SettingsViewModel(services, Background.direct(), status);
    }

    @AfterEach
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void fieldsShowSettingsInUse() throws IOException {
        start("send:\n  allowed_countries: [US, CA]\n");

        assertEquals("https://textdrive.example.test", model.publicUrl().textProperty().get());
        assertEquals("", model.accountSid().textProperty().get());
        assertEquals("", model.authToken().textProperty().get());
        assertEquals("", model.twilioNumber().textProperty().get());
        assertEquals("24h", model.linkExpiry().textProperty().get());
        assertEquals("2", model.segmentBudget().textProperty().get());
        assertEquals("US", model.defaultRegion().textProperty().get());
        assertEquals("20", model.dailyLimit().textProperty().get());
        assertEquals("US, CA", model.allowedCountries().textProperty().get());
        assertTrue(model.validProperty().get());
        assertFalse(model.changedProperty().get());
        assertFalse(model.canSaveProperty().get());
        assertTrue(model.simulatorModeProperty().get());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "server.public_url|ftp://files.example.com|Invalid value 'ftp://files.example.com' for 'server.public_url': expected an absolute http:// or https:// URL such as https://textdrive.example.com, without a query or fragment.",
        "links.expiry|10y|Invalid value '10y' for 'links.expiry': expected a number followed by s, m, h or d (such as 30m or 24h), from 1m to 30d.",
        "links.expiry|31d|Invalid value '31d' for 'links.expiry': expected a number followed by s, m, h or d (such as 30m or 24h), from 1m to 30d.",
        "sms.segment_budget|11|Invalid value '11' for 'sms.segment_budget': expected a whole number from 1 to 10.",
        "sms.segment_budget|two|Invalid value 'two' for 'sms.segment_budget': expected a whole number from 1 to 10.",
        "sms.default_region|XX|Invalid value 'XX' for 'sms.default_region': expected a two-letter ISO 3166 region code such as US, GB or DE.",
        "send.daily_limit|-1|Invalid value '-1' for 'send.daily_limit': expected a whole number from 0 to 10000.",
        "send.allowed_countries|US, QQ|Invalid value 'QQ' for 'send.allowed_countries': expected a two-letter ISO 3166 region code such as US, GB or DE.",
        "kloudless.base_url|ftp://kl.example.test|Invalid value 'ftp://kl.example.test' for 'kloudless.base_url': expected an absolute http:// or https:// URL such as https://textdrive.example.com, without a query or fragment.",
        "kloudless.base_url|kl.example.test|Invalid value 'kl.example.test' for 'kloudless.base_url': expected an absolute http:// or https:// URL such as https://textdrive.example.com, without a query or fragment.",
    })
    void invalidValueShowsMessage(String key, String value, String message) throws IOException {
        start("");
        SettingsViewModel.Field field = field(key);

        field.textProperty().set(value);

        assertEquals(message, field.problemProperty().get());
        assertFalse(model.validProperty().get());
        assertFalse(model.canSaveProperty().get());
        assertEquals(List.of(), otherProblems(field));
    }

    @Test
    void fixedValueClearsMessage() throws IOException {
        start("");
        model.segmentBudget().textProperty().set("0");

        model.segmentBudget().textProperty().set("3");

        assertEquals("", model.segmentBudget().problemProperty().get());
        assertTrue(model.canSaveProperty().get());
    }

    @Test
    void partialTwilioShowsMissingField() throws IOException {
        start("");

        model.accountSid().textProperty().set(SID);

        assertEquals("", model.accountSid().problemProperty().get());
        assertEquals("Missing 'twilio.auth_token': the twilio section needs the Auth Token from the Twilio Console, "
                + "or remove the section to run in simulator mode.", model.authToken().problemProperty().get());
        assertFalse(model.canSaveProperty().get());
    }

    @Test
    void invalidSidShownAtSid() throws IOException {
        start("");
        model.authToken().textProperty().set(TOKEN);
        model.twilioNumber().textProperty().set(NUMBER);

        model.accountSid().textProperty().set("AC123");

        assertEquals("Invalid value 'AC123' for 'twilio.account_sid': expected AC followed by 32 hex digits.",
                model.accountSid().problemProperty().get());
        assertEquals("", model.authToken().problemProperty().get());
    }

    @Test
    void invalidNumberShownAtNumber() throws IOException {
        start("");
        model.accountSid().textProperty().set(SID);
        model.authToken().textProperty().set(TOKEN);

        model.twilioNumber().textProperty().set("4155550123");

        assertEquals("Invalid value '4155550123' for 'twilio.phone_number': expected a phone number in E.164 form, "
                + "such as +14155550123.", model.twilioNumber().problemProperty().get());
        assertEquals("", model.accountSid().problemProperty().get());
    }

    @Test
    void completeTwilioIsValid() throws IOException {
        start("");

        fillTwilio();

        assertEquals(List.of(), otherProblems(null));
        assertFalse(model.simulatorModeProperty().get());
        assertTrue(model.canSaveProperty().get());
    }

    @Test
    void saveWritesFileAndRestarts() throws IOException {
        start("");
        TextDrive before = services.app();
        fillTwilio();
        model.linkExpiry().textProperty().set("2h");
        model.segmentBudget().textProperty().set("3");
        model.allowedCountries().textProperty().set("us, CA");

        model.save();

        Config saved = loader().load(configFile);
        assertEquals(Duration.ofHours(2), saved.linkExpiry());
        assertEquals(3, saved.segmentBudget());
        assertEquals(List.of("US", "CA"), saved.send().allowedCountries());
        assertEquals(SID, saved.twilio().orElseThrow().accountSid());
        assertEquals(TOKEN, saved.twilio().orElseThrow().authToken());
        assertEquals(NUMBER, saved.twilio().orElseThrow().phoneNumber());
        assertEquals("https://textdrive.example.test", saved.server().publicUrl());
        assertEquals(directory.resolve("textdrive.db"), saved.databasePath());
        assertEquals(saved, services.config());
        assertEquals(1, restarts.get());
        assertNotSame(before, services.app());
        assertEquals("Saved; the server restarted on " + services.app().server().localUrl() + ".", lastInfo());
        assertEquals(List.of(), filesIn(directory).stream().filter(name -> name.endsWith(".tmp")).toList());
        assertFalse(model.changedProperty().get());
        assertEquals("US, CA", model.allowedCountries().textProperty().get());
    }

    @Test
    void tokenNeverInStatusMessages() throws IOException {
        start("");
        fillTwilio();

        model.save();

        assertEquals(List.of(), status.all().stream().filter(message -> message.contains(TOKEN)).toList());
    }

    @Test
    void emptyFieldRemovesKey() throws IOException {
        start("links:\n  expiry: 2h\nsend:\n  daily_limit: 5\n");
        model.dailyLimit().textProperty().set("");

        model.save();

        assertFalse(Files.readString(configFile).contains("daily_limit"));
        assertEquals(20, loader().load(configFile).send().dailyLimit());
        assertEquals(Duration.ofHours(2), loader().load(configFile).linkExpiry());
        assertEquals("20", model.dailyLimit().textProperty().get());
    }

    @Test
    void clearingTwilioSavesSimulatorMode() throws IOException {
        start("twilio:\n  account_sid: " + SID + "\n  auth_token: " + TOKEN + "\n  phone_number: \"" + NUMBER + "\"\n");
        assertFalse(model.simulatorModeProperty().get());
        model.accountSid().textProperty().set("");
        model.authToken().textProperty().set("");
        model.twilioNumber().textProperty().set("");

        model.save();

        assertTrue(loader().load(configFile).twilio().isEmpty());
        assertTrue(services.config().simulatorMode());
        assertEquals("Saved; the server restarted on " + services.app().server().localUrl() + " in simulator mode.",
                lastInfo());
    }

    @Test
    void nothingChangedNoRestart() throws IOException {
        start("");
        String before = Files.readString(configFile);
        TextDrive app = services.app();

        model.save();

        assertEquals("Nothing to save: no setting changed.", lastInfo());
        assertEquals(0, restarts.get());
        assertSame(app, services.app());
        assertEquals(before, Files.readString(configFile));
    }

    @Test
    void sameEffectiveValueNoRestart() throws IOException {
        start("");
        TextDrive app = services.app();
        model.linkExpiry().textProperty().set("1d");

        model.save();

        assertEquals(Duration.ofHours(24), loader().load(configFile).linkExpiry());
        assertEquals(0, restarts.get());
        assertSame(app, services.app());
        assertEquals("Saved; the settings in use are the same, so the server did not restart.", lastInfo());
    }

    @Test
    void invalidFieldBlocksSave() throws IOException {
        start("");
        String before = Files.readString(configFile);
        model.segmentBudget().textProperty().set("99");

        model.save();

        assertEquals("Some settings are invalid: fix the fields marked in red, then save.",
                status.errors.get(status.errors.size() - 1));
        assertEquals(before, Files.readString(configFile));
        assertEquals(0, restarts.get());
    }

    @Test
    void changesListOnlyEditedKeys() throws IOException {
        start("");
        model.segmentBudget().textProperty().set(" 3 ");
        model.allowedCountries().textProperty().set("US, , CA");
        model.publicUrl().textProperty().set("https://textdrive.example.test ");

        assertEquals(List.of("sms.segment_budget", "send.allowed_countries"), List.copyOf(model.changes().keySet()));
        assertEquals("3", model.changes().get("sms.segment_budget"));
        assertEquals(List.of("US", "CA"), model.changes().get("send.allowed_countries"));
    }

    @Test
    void shownKeepsUnsavedEdits() throws IOException {
        start("");
        model.segmentBudget().textProperty().set("5");

        model.shown();

        assertEquals("5", model.segmentBudget().textProperty().get());
        assertTrue(model.changedProperty().get());
    }

    @Test
    void revertRestoresSettingsInUse() throws IOException {
        start("");
        model.segmentBudget().textProperty().set("50");

        model.revert();

        assertEquals("2", model.segmentBudget().textProperty().get());
        assertEquals("", model.segmentBudget().problemProperty().get());
        assertFalse(model.changedProperty().get());
    }

    @Test
    void kloudlessFieldsShowSettingsInUse() throws IOException {
        start("kloudless:\n  app_id: " + APP_ID + "\n  api_key: " + API_KEY + "\n  base_url: https://kl.example.test/\n");

        assertEquals(APP_ID, model.kloudlessAppId().textProperty().get());
        assertEquals(API_KEY, model.kloudlessApiKey().textProperty().get());
        assertEquals("https://kl.example.test", model.kloudlessBaseUrl().textProperty().get());
        assertTrue(model.kloudlessOauthReadyProperty().get());
        assertEquals(services.app().server().localUrl() + "/oauth/kloudless/callback",
                model.kloudlessRedirectUriProperty().get());
        assertFalse(model.changedProperty().get());
    }

    @Test
    void kloudlessDefaultsShown() throws IOException {
        start("");

        assertEquals("", model.kloudlessAppId().textProperty().get());
        assertEquals("", model.kloudlessApiKey().textProperty().get());
        assertEquals("https://api.kloudless.com", model.kloudlessBaseUrl().textProperty().get());
        assertFalse(model.kloudlessOauthReadyProperty().get());
    }

    @Test
    void oauthReadyNeedsBothKeys() throws IOException {
        start("");

        model.kloudlessAppId().textProperty().set(APP_ID);
        boolean withIdOnly = model.kloudlessOauthReadyProperty().get();
        model.kloudlessApiKey().textProperty().set("  ");
        boolean withBlankKey = model.kloudlessOauthReadyProperty().get();
        model.kloudlessApiKey().textProperty().set(API_KEY);

        assertFalse(withIdOnly);
        assertFalse(withBlankKey);
        assertTrue(model.kloudlessOauthReadyProperty().get());
        assertTrue(model.validProperty().get());
    }

    @Test
    void kloudlessSavedAndApplied() throws IOException {
        start("");
        model.kloudlessAppId().textProperty().set(APP_ID);
        model.kloudlessApiKey().textProperty().set(API_KEY);
        model.kloudlessBaseUrl().textProperty().set("https://kl.example.test/");

        model.save();

        Config.Kloudless saved = loader().load(configFile).kloudless();
        assertEquals(APP_ID, saved.appId().orElseThrow());
        assertEquals(API_KEY, saved.apiKey().orElseThrow());
        assertEquals("https://kl.example.test", saved.baseUrl());
        assertEquals(saved, services.app().config().kloudless());
        assertEquals(1, restarts.get());
        assertEquals("https://kl.example.test", model.kloudlessBaseUrl().textProperty().get());
        assertFalse(model.changedProperty().get());
        assertEquals(List.of(), status.all().stream().filter(message -> message.contains(API_KEY)).toList());
    }

    @Test
    void emptyBaseUrlRestoresDefault() throws IOException {
        start("kloudless:\n  base_url: https://kl.example.test\n");
        model.kloudlessBaseUrl().textProperty().set("");

        model.save();

        assertFalse(Files.readString(configFile).contains("base_url"));
        assertEquals("https://api.kloudless.com", services.config().kloudless().baseUrl());
        assertEquals("https://api.kloudless.com", model.kloudlessBaseUrl().textProperty().get());
    }

    @ParameterizedTest
    @CsvSource({"PT24H, 24h", "PT48H, 2d", "PT90M, 90m", "PT45S, 45s", "PT30M, 30m", "PT720H, 30d"})
    void durationFormattedInLargestUnit(Duration duration, String text) {
        assertEquals(text, SettingsViewModel.formatDuration(duration));
    }

    private void fillTwilio() {
        model.accountSid().textProperty().set(SID);
        model.authToken().textProperty().set(TOKEN);
        model.twilioNumber().textProperty().set(NUMBER);
    }

    private SettingsViewModel.Field field(String key) {
        return allFields().filter(field -> field.key().equals(key)).findFirst().orElseThrow();
    }

    private Stream<SettingsViewModel.Field> allFields() {
        return Stream.of(model.publicUrl(), model.accountSid(), model.authToken(), model.twilioNumber(),
                model.linkExpiry(), model.segmentBudget(), model.defaultRegion(), model.dailyLimit(),
                model.allowedCountries(), model.kloudlessAppId(), model.kloudlessApiKey(), model.kloudlessBaseUrl());
    }

    /** Returns the problems of every field but {@code except}, as "key: message". */
    private List<String> otherProblems(SettingsViewModel.Field except) {
        return allFields().filter(field -> field != except && !field.problemProperty().get().isEmpty())
                .map(field -> field.key() + ": " + field.problemProperty().get()).toList();
    }

    private ConfigLoader loader() {
        return new ConfigLoader(directory.resolve("data"));
    }

    private String lastInfo() {
        assertFalse(status.infos.isEmpty(), "errors: " + status.errors);
        return status.infos.get(status.infos.size() - 1);
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** Keeps the status messages, in order. */
    private static final class RecordingStatus implements StatusReporter {

        final List<String> infos = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void error(String message) {
            errors.add(message);
        }

        List<String> all() {
            List<String> all = new ArrayList<>(infos);
            all.addAll(errors);
            return all;
        }
    }
}
