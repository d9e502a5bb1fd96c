package dev.textdrive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    @TempDir
    Path directory;

    private ConfigWriter writer() {
        return new ConfigWriter(new ConfigLoader(directory.resolve("data")));
    }

    @Test
    void phoneNumberKeepsPlusSign() throws IOException {
        Path file = directory.resolve("config.yml");
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("twilio.account_sid", SID);
        changes.put("twilio.auth_token", "token");
        changes.put("twilio.phone_number", "+14155550123");

        writer().save(file, changes);

        Config config = new ConfigLoader(directory.resolve("data")).load(file);
        assertEquals("+14155550123", config.twilio().orElseThrow().phoneNumber());
    }

    @Test
    void numericValueReadBack() {
        Path file = directory.resolve("config.yml");

        writer().save(file, Map.of("sms.segment_budget", "3"));

        assertEquals(3, new ConfigLoader(directory.resolve("data")).load(file).segmentBudget());
    }

    @Test
    void twilioCheckedTogetherNamesMissingKey() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("twilio.account_sid", SID);
        values.put("twilio.auth_token", "");
        values.put("twilio.phone_number", "+14155550123");

        Optional<ConfigWriter.Problem> problem = writer().check(values);

        assertEquals(Optional.of("twilio.auth_token"), problem.orElseThrow().key());
        assertTrue(problem.orElseThrow().message().startsWith("Missing 'twilio.auth_token': "), problem.get().message());
    }

    @Test
    void invalidValueNamesItsKey() {
        Optional<ConfigWriter.Problem> problem = writer().check(Map.of("links.expiry", "forever"));

        assertEquals(Optional.of("links.expiry"), problem.orElseThrow().key());
        assertEquals("Invalid value 'forever' for 'links.expiry': expected a number followed by s, m, h or d "
                + "(such as 30m or 24h), from 1m to 30d.", problem.get().message());
    }

    @Test
    void writeLeavesNoTemporaryFile() throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "sms:\n  default_region: US\n");

        writer().save(file, Map.of("links.expiry", "2h"));

        try (var files = Files.list(directory)) {
            assertEquals(List.of("config.yml"), files.map(path -> path.getFileName().toString()).toList());
        }
    }

    @Test
    void saveKeepsSampleComments() throws IOException {
        Path file = directory.resolve("config.yml");
        Files.copy(Path.of("config.yml.sample"), file);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("send.daily_limit", "5");
        changes.put("server.public_url", "https://textdrive.example.com");
        changes.put("sms.default_region", "gb");
        changes.put("send.allowed_countries", List.of("gb", "ie"));

        Config config = writer().save(file, changes);

        String text = Files.readString(file);
        assertTrue(text.contains("# TextDrive configuration."), text);
        assertTrue(text.contains("# The maximum number of `send` messages one phone may cause"), text);
        assertTrue(text.contains("  daily_limit: 5\n"), text);
        assertTrue(text.contains("  default_region: \"GB\"\n"), text);
        assertTrue(text.contains("  allowed_countries: [\"GB\", \"IE\"]\n"), text);
        assertEquals(5, config.send().dailyLimit());
        assertEquals("https://textdrive.example.com", config.server().publicUrl());
        assertEquals(List.of("GB", "IE"), config.send().allowedCountries());
    }

    @Test
    void removingKeyDropsItsLineOnly() throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "# operator note\nserver:\n  port: 15480 # busy elsewhere\n  host: 127.0.0.1\n");

        writer().save(file, Map.of("server.port", ""));

        assertEquals("# operator note\nserver:\n  host: 127.0.0.1\n", Files.readString(file));
    }

    @Test
    void newSectionAppendedAfterComments() throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "# keep me\nserver:\n  port: 15480\n");

        writer().save(file, Map.of("links.expiry", "2h"));

        assertEquals("# keep me\nserver:\n  port: 15480\n\nlinks:\n  expiry: \"2h\"\n", Files.readString(file));
    }

    @Test
    void flowStyleSectionIsRewritten() throws IOException {
        Path file = directory.resolve("config.yml");
        Files.writeString(file, "server: {port: 15480}\n");

        Config config = writer().save(file, Map.of("links.expiry", "2h"));

        assertEquals(15480, config.server().port());
        assertEquals(Duration.ofHours(2), config.linkExpiry());
    }
}
