package dev.textdrive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    @TempDir
    Path directory;

    @Test
    void emptyFileGivesDefaults() throws IOException {
        Config config = load("");

        assertEquals("127.0.0.1", config.server().host());
        assertEquals(15456, config.server().port());
        assertEquals("http://127.0.0.1:15456", config.server().publicUrl());
        assertEquals("http://127.0.0.1:15456/sms", config.webhookUrl());
        assertEquals(directory.resolve("data").resolve("textdrive.db"), config.databasePath());
        assertEquals(Duration.ofHours(24), config.linkExpiry());
        assertEquals(2, config.segmentBudget());
        assertEquals(20, config.send().dailyLimit());
        assertTrue(config.defaultRegion().matches("[A-Z]{2}"), config.defaultRegion());
        assertEquals(List.of(config.defaultRegion()), config.send().allowedCountries());
        assertTrue(config.simulatorMode());
        assertEquals(Optional.empty(), config.twilio());
    }

    @Test
    void commentOnlyFileGivesDefaults() throws IOException {
        Config config = load("# nothing set yet\n");

        assertEquals(15456, config.server().port());
        assertTrue(config.simulatorMode());
    }

    @Test
    void embeddedDefaultUsesDataDirectory() {
        Config config = new ConfigLoader(directory).defaults();

        assertEquals(directory.resolve("textdrive.db"), config.databasePath());
        assertEquals(directory, config.dataDirectory());
        assertTrue(config.simulatorMode());
    }

    @Test
    void fullFileSetsEveryKey() throws IOException {
        Config config = load("""
                server:
                  host: 0.0.0.0
                  port: 8080
                  public_url: https://textdrive.example.com/
                database:
                  path: /var/lib/textdrive/td.db
                twilio:
                  account_sid: %s
                  auth_token: secret-token
                  phone_number: '+14155550100'
                  api_base_url: http://127.0.0.1:9999/
                links:
                  expiry: 90m
                sms:
                  segment_budget: 3
                  default_region: gb
                send:
                  daily_limit: 5
                  allowed_countries: [GB, ie]
                """.formatted(ACCOUNT_SID));

        assertEquals("0.0.0.0", config.server().host());
        assertEquals(8080, config.server().port());
        assertEquals("https://textdrive.example.com", config.server().publicUrl());
        assertEquals("https://textdrive.example.com/sms", config.webhookUrl());
        assertEquals(Path.of("/var/lib/textdrive/td.db"), config.databasePath());
        Config.Twilio twilio = config.twilio().orElseThrow();
        assertEquals(ACCOUNT_SID, twilio.accountSid());
        assertEquals("secret-token", twilio.authToken());
        assertEquals("+14155550100", twilio.phoneNumber());
        assertEquals(Optional.of("http://127.0.0.1:9999"), twilio.apiBaseUrl());
        assertFalse(config.simulatorMode());
        assertEquals(Duration.ofMinutes(90), config.linkExpiry());
        assertEquals(3, config.segmentBudget());
        assertEquals("GB", config.defaultRegion());
        assertEquals(5, config.send().dailyLimit());
        assertEquals(List.of("GB", "IE"), config.send().allowedCountries());
    }

    @Test
    void hostWithoutPublicUrlGivesLocalUrl() throws IOException {
        Config config = load("server:\n  host: 0.0.0.0\n  port: 8080\n");

        assertEquals("http://127.0.0.1:8080", config.server().publicUrl());
    }

    @Test
    void commaSeparatedCountriesAccepted() throws IOException {
        Config config = load("send:\n  allowed_countries: US, ca\n");

        assertEquals(List.of("US", "CA"), config.send().allowedCountries());
    }

    @Test
    void norwayReadAsRegion() throws IOException {
        // YAML 1.1 reads an unquoted NO as the boolean false.
        Config config = load("sms:\n  default_region: NO\nsend:\n  allowed_countries: [NO, SE]\n");

        assertEquals("NO", config.defaultRegion());
        assertEquals(List.of("NO", "SE"), config.send().allowedCountries());
    }

    @Test
    void toStringHidesAuthToken() throws IOException {
        Config config = load(twilio(ACCOUNT_SID, "secret-token", "'+14155550100'"));

        assertFalse(config.toString().contains("secret-token"), config.toString());
        assertTrue(config.toString().contains(ACCOUNT_SID), config.toString());
    }

    @Test
    void unknownSectionRejected() {
        ConfigException error = loadFails("server:\n  port: 8080\ntwillio:\n  account_sid: x\n");

        assertTrue(error.getMessage().contains("'twillio'"), error.getMessage());
        assertTrue(error.getMessage().contains("server, database, twilio"), error.getMessage());
    }

    @Test
    void unknownNestedKeyRejected() {
        ConfigException error = loadFails("server:\n  prot: 8080\n");

        assertTrue(error.getMessage().contains("'server.prot'"), error.getMessage());
        assertTrue(error.getMessage().contains("host, port, public_url"), error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            server: {port: 70000}                 | server.port             | 70000     | a whole number from 0 to 65535
            server: {port: abc}                   | server.port             | abc       | a whole number from 0 to 65535
            server: {port: -1}                    | server.port             | -1        | a whole number from 0 to 65535
            server: {host: [a, b]}                | server.host             | ["a","b"] | a single value
            server: {public_url: 'ftp://x'}       | server.public_url       | ftp://x   | an absolute http:// or https:// URL
            server: {public_url: not a url}       | server.public_url       | not a url | an absolute http:// or https:// URL
            server: {public_url: 'https://x/?a=1'} | server.public_url      | https://x/?a=1 | without a query or fragment
            links: {expiry: forever}              | links.expiry            | forever   | a number followed by s, m, h or d
            links: {expiry: 0m}                   | links.expiry            | 0m        | from 1m to 30d
            links: {expiry: 31d}                  | links.expiry            | 31d       | from 1m to 30d
            sms: {segment_budget: 0}              | sms.segment_budget      | 0         | a whole number from 1 to 10
            sms: {segment_budget: 11}             | sms.segment_budget      | 11        | a whole number from 1 to 10
            sms: {default_region: XX}             | sms.default_region      | XX        | a two-letter ISO 3166 region code
            send: {daily_limit: -1}               | send.daily_limit        | -1        | a whole number from 0 to 10000
            send: {allowed_countries: [GB, XX]}   | send.allowed_countries  | XX        | a two-letter ISO 3166 region code
            send: {allowed_countries: {GB: 1}}    | send.allowed_countries  | {"GB":1}  | a list of two-letter ISO 3166 region codes
            send: {allowed_countries: [[GB]]}     | send.allowed_countries  | ["GB"]    | a list of two-letter ISO 3166 region codes
            server: 8080                          | server                  | 8080      | a section of keys
            """)
    void invalidValueNamesKeyAndForm(String yaml, String key, String value, String expected) {
        ConfigException error = loadFails(yaml + "\n");

        assertTrue(error.getMessage().contains("'" + key + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("'" + value + "'"), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            123                                | '+14155550100' | twilio.account_sid  | 123         | AC followed by 32 hex digits
            AC0123456789abcdef0123456789abcdef | '12345'        | twilio.phone_number | 12345       | E.164 form
            AC0123456789abcdef0123456789abcdef | '+1415'        | twilio.phone_number | +1415       | E.164 form
            AC0123456789abcdef0123456789abcdef | '+19999999999' | twilio.phone_number | +19999999999 | E.164 form
            """)
    void invalidTwilioValueNamesKeyAndForm(String sid, String number, String key, String value, String expected) {
        ConfigException error = loadFails(twilio(sid, "token", number));

        assertTrue(error.getMessage().contains("'" + key + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("'" + value + "'"), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void unquotedTwilioNumberGetsQuotingHint() {
        // YAML reads +14155550100 without quotes as the integer 14155550100, dropping the plus sign.
        ConfigException error = loadFails(twilio(ACCOUNT_SID, "token", "+14155550100"));

        assertTrue(error.getMessage().contains("'twilio.phone_number'"), error.getMessage());
        assertTrue(error.getMessage().contains("quotes"), error.getMessage());
    }

    @Test
    void twilioWithOnlyAccountSidRejected() {
        ConfigException error = loadFails("twilio:\n  account_sid: " + ACCOUNT_SID + "\n");

        assertTrue(error.getMessage().contains("'twilio.auth_token'"), error.getMessage());
        assertTrue(error.getMessage().contains("the Auth Token from the Twilio Console"), error.getMessage());
        assertTrue(error.getMessage().contains("remove the section to run in simulator mode"), error.getMessage());
    }

    @Test
    void twilioWithOnlyBaseUrlRejected() {
        ConfigException error = loadFails("twilio:\n  api_base_url: http://127.0.0.1:9999\n");

        assertTrue(error.getMessage().contains("'twilio.account_sid'"), error.getMessage());
    }

    @Test
    void emptyTwilioSectionMeansSimulator() throws IOException {
        Config config = load("twilio:\n");

        assertTrue(config.simulatorMode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            server:\\n  port: 8080\\n bad: 2\\n          | 3
            server:\\n\\tport: 8080\\n                  | 2
            server:\\n  public_url: [a\\nlinks: {}\\n   | 3
            """)
    void invalidYamlNamesLine(String escapedYaml, int line) {
        ConfigException error = loadFails(escapedYaml.replace("\\n", "\n").replace("\\t", "\t"));

        assertTrue(error.getMessage().startsWith("Invalid YAML in "), error.getMessage());
        assertTrue(error.getMessage().contains("config.yml at line " + line + ":"), error.getMessage());
    }

    @Test
    void duplicateSectionRejected() {
        ConfigException error = loadFails("server:\n  port: 8080\nserver:\n  host: 0.0.0.0\n");

        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
        assertTrue(error.getMessage().contains("'server'"), error.getMessage());
    }

    @Test
    void relativeDatabasePathFollowsConfigFile() throws IOException {
        Path folder = Files.createDirectories(directory.resolve("etc"));
        Path file = Files.writeString(folder.resolve("config.yml"), "database:\n  path: state/../db/td.db\n");

        Config config = new ConfigLoader(directory.resolve("data")).load(file);

        assertEquals(folder.resolve("db").resolve("td.db"), config.databasePath());
    }

    @Test
    void missingFileNamesPathAndSample() {
        Path file = directory.resolve("absent.yml");

        ConfigException error = assertThrows(ConfigException.class, () -> new ConfigLoader(directory).load(file));

        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("config.yml.sample"), error.getMessage());
    }

    @Test
    void sampleConfigLoads() {
        Path sample = Path.of("config.yml.sample");
        assumeTrue(Files.isRegularFile(sample), "config.yml.sample is not in the repository yet");

        Config config = new ConfigLoader(directory).load(sample);

        assertTrue(config.server().publicUrl().startsWith("http"), config.server().publicUrl());
    }

    private Config load(String yaml) throws IOException {
        Path file = Files.writeString(directory.resolve("config.yml"), yaml);
        return new ConfigLoader(directory.resolve("data")).load(file);
    }

    private ConfigException loadFails(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml));
    }

    private static String twilio(String accountSid, String authToken, String phoneNumber) {
        return "twilio:\n  account_sid: " + accountSid + "\n  auth_token: " + authToken
                + "\n  phone_number: " + phoneNumber + "\n";
    }
}
