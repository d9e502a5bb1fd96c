package dev.textdrive.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code config.yml}, rejecting unknown keys and invalid values with a message that names the
 * key, the value and the expected form.
 */
public final class ConfigLoader {

    /** The keys of each section; a key outside this table stops startup. */
    private static final Map<String, Set<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("server", Set.of("host", "port", "public_url"));
        KEYS.put("database", Set.of("path"));
        KEYS.put("twilio", Set.of("account_sid", "auth_token", "phone_number", "api_base_url"));
        KEYS.put("links", Set.of("expiry"));
        KEYS.put("sms", Set.of("segment_budget", "default_region"));
        KEYS.put("send", Set.of("daily_limit", "allowed_countries"));
        KEYS.put("kloudless", Set.of("app_id", "api_key", "base_url"));
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_LINK_EXPIRY = Duration.ofHours(24);
    public static final int DEFAULT_SEGMENT_BUDGET = 2;
    public static final int MAX_SEGMENT_BUDGET = 10;
    public static final int DEFAULT_DAILY_LIMIT = 20;
    public static final String DEFAULT_KLOUDLESS_BASE_URL = "https://api.kloudless.com";
    private static final Duration MIN_LINK_EXPIRY = Duration.ofMinutes(1);
    private static final Duration MAX_LINK_EXPIRY = Duration.ofDays(30);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([smhd])");
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");

    private final Path dataDirectory;
    private String source = "the configuration";

    public ConfigLoader(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Reads and validates a configuration file. */
    public Config load(Path file) {
        source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Configuration file " + file + " does not exist: check the --config path, "
                    + "or copy config.yml.sample to start one.");
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toAbsolutePath().getParent());
    }

    /** Returns the embedded default: simulator mode on the default port, data in the per-user folder. */
    public Config defaults() {
        source = "the embedded default";
        return parse("{}", dataDirectory);
    }

    /** Parses configuration text; relative paths are resolved against {@code baseDirectory}. */
    public Config parse(String yaml, Path baseDirectory) {
        JsonNode root = readTree(yaml);
        checkKeys(root);

        String host = text(root, "server", "host").orElse(DEFAULT_HOST);
        int port = integer(root, "server", "port", 0, 65535).orElse(Config.DEFAULT_PORT);
        String publicUrl = text(root, "server", "public_url")
                .map(value -> httpUrl("server.public_url", value))
                // With port 0 the real port is known only once the server listens, so the URL is left empty
                // and the running server's local URL stands in for it.
                .orElseGet(() -> port == 0 ? "" : "http://" + displayHost(host) + ":" + port);
        if (stripTrailingSlash(publicUrl).endsWith("/sms")) {
            throw invalid("server.public_url", publicUrl, "the base URL without /sms, such as https://textdrive.example.com: "
                    + "TextDrive adds /sms for the webhook");
        }
        Config.Server server = new Config.Server(host, port, stripTrailingSlash(publicUrl));

        Path databasePath = text(root, "database", "path")
                .map(value -> databaseFile(value, baseDirectory))
                .orElse(dataDirectory.resolve("textdrive.db"));

        Optional<Config.Twilio> twilio = twilio(root);
        Duration linkExpiry = text(root, "links", "expiry")
                .map(value -> duration("links.expiry", value))
                .orElse(DEFAULT_LINK_EXPIRY);
        int segmentBudget = integer(root, "sms", "segment_budget", 1, MAX_SEGMENT_BUDGET)
                .orElse(DEFAULT_SEGMENT_BUDGET);
        String defaultRegion = text(root, "sms", "default_region")
                .map(value -> region("sms.default_region", value))
                .orElseGet(ConfigLoader::systemRegion);

        int dailyLimit = integer(root, "send", "daily_limit", 0, 10_000).orElse(DEFAULT_DAILY_LIMIT);
        List<String> allowedCountries = regions(root, "send", "allowed_countries");
        if (allowedCountries.isEmpty()) {
            allowedCountries = List.of(defaultRegion);
        }

        Config.Kloudless kloudless = new Config.Kloudless(
                text(root, "kloudless", "app_id"),
                text(root, "kloudless", "api_key"),
                text(root, "kloudless", "base_url").map(value -> stripTrailingSlash(httpUrl("kloudless.base_url", value)))
                        .orElse(DEFAULT_KLOUDLESS_BASE_URL));

        return new Config(server, databasePath, twilio, linkExpiry, segmentBudget, defaultRegion,
                new Config.Send(dailyLimit, allowedCountries), kloudless, dataDirectory);
    }

    private JsonNode readTree(String yaml) {
        try {
            // Boolean-like words stay text so that NO (Norway) is a region, and a repeated key is an error
            // instead of silently replacing the first one. The builder, unlike new YAMLFactory(), reads an
            // empty value as "" unless EMPTY_STRING_AS_NULL is enabled.
            YAMLFactory factory = YAMLFactory.builder()
                    .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                    .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build();
            JsonNode root = new ObjectMapper(factory).readTree(yaml);
            if (root == null || root.isMissingNode() || root.isNull()) {
                return new ObjectMapper().createObjectNode();
            }
            if (!root.isObject()) {
                throw invalid("the top level", root.asText(), "sections such as 'server:' and 'twilio:'");
            }
            return root;
        } catch (JacksonException e) {
            throw new ConfigException("Invalid YAML in " + source + where(e) + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Returns " at line N" for a YAML error, or an empty string when the parser gave no position. */
    private static String where(JacksonException e) {
        // Jackson's location is where its parser stopped, which can be a line before the error (a tab, for
        // example), so SnakeYAML's mark of the problem comes first.
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return " at line " + (marked.getProblemMark().getLine() + 1);
        }
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
    }

    private void checkKeys(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String section = names.next();
            if (!KEYS.containsKey(section)) {
                throw new ConfigException("Unknown key '" + section + "' in " + source
                        + ": the sections are " + String.join(", ", KEYS.keySet()) + ".");
            }
            JsonNode node = root.get(section);
            if (node.isNull()) {
                continue;
            }
            if (!node.isObject()) {
                throw invalid(section, node.asText(), "a section of keys (" + String.join(", ", sorted(KEYS.get(section))) + ")");
            }
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!KEYS.get(section).contains(key)) {
                    throw new ConfigException("Unknown key '" + section + "." + key + "' in " + source
                            + ": the keys of '" + section + "' are " + String.join(", ", sorted(KEYS.get(section))) + ".");
                }
            }
        }
    }

    private Optional<Config.Twilio> twilio(JsonNode root) {
        Optional<String> accountSid = text(root, "twilio", "account_sid");
        Optional<String> authToken = text(root, "twilio", "auth_token");
        Optional<String> phoneNumber = text(root, "twilio", "phone_number");
        Optional<String> apiBaseUrl = text(root, "twilio", "api_base_url").map(value -> httpUrl("twilio.api_base_url", value));
        if (accountSid.isEmpty() && authToken.isEmpty() && phoneNumber.isEmpty() && apiBaseUrl.isEmpty()) {
            return Optional.empty();
        }

        String sid = accountSid.orElseThrow(() -> missing("twilio.account_sid", "the Account SID from the Twilio Console (AC followed by 32 hex digits)"));
        if (!ACCOUNT_SID.matcher(sid).matches()) {
            throw invalid("twilio.account_sid", sid, "AC followed by 32 hex digits");
        }
        String token = authToken.orElseThrow(() -> missing("twilio.auth_token", "the Auth Token from the Twilio Console"));
        String number = phoneNumber.orElseThrow(() -> missing("twilio.phone_number", "your Twilio number in E.164 form, such as +14155550123"));
        if (root.path("twilio").path("phone_number").isNumber()) {
            throw invalid("twilio.phone_number", number, "a phone number in E.164 form in quotes, such as "
                    + "phone_number: '+14155550123', because YAML reads an unquoted +14155550123 as a number");
        }
        if (!isE164(number)) {
            throw invalid("twilio.phone_number", number, "a phone number in E.164 form, such as +14155550123");
        }
        return Optional.of(new Config.Twilio(sid, token, number, apiBaseUrl.map(ConfigLoader::stripTrailingSlash)));
    }

    private Optional<String> text(JsonNode root, String section, String key) {
        JsonNode node = root.path(section).path(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw invalid(section + "." + key, node.toString(), "a single value");
        }
        String value = node.asText().trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private Optional<Integer> integer(JsonNode root, String section, String key, int min, int max) {
        return text(root, section, key).map(value -> {
            String expected = "a whole number from " + min + " to " + max;
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    throw invalid(section + "." + key, value, expected);
                }
                return number;
            } catch (NumberFormatException e) {
                throw invalid(section + "." + key, value, expected);
            }
        });
    }

    private List<String> regions(JsonNode root, String section, String key) {
        JsonNode node = root.path(section).path(key);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        String expected = "a list of two-letter ISO 3166 region codes such as [US, CA]";
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode()) {
                    throw invalid(section + "." + key, item.toString(), expected);
                }
                values.add(item.asText().trim());
            }
        } else if (!node.isValueNode()) {
            throw invalid(section + "." + key, node.toString(), expected);
        } else {
            for (String item : node.asText().split(",")) {
                values.add(item.trim());
            }
        }
        List<String> regions = new ArrayList<>();
        for (String value : values) {
            if (!value.isEmpty()) {
                regions.add(region(section + "." + key, value));
            }
        }
        return List.copyOf(regions);
    }

    private String region(String key, String value) {
        String region = value.toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw invalid(key, value, "a two-letter ISO 3166 region code such as US, GB or DE");
        }
        return region;
    }

    private Path databaseFile(String value, Path baseDirectory) {
        Path path = baseDirectory.resolve(expandHome(value)).normalize();
        if (Files.isDirectory(path)) {
            throw invalid("database.path", value, "the path of a database file such as " + path.resolve("textdrive.db")
                    + ", not a folder");
        }
        return path;
    }

    private Duration duration(String key, String value) {
        Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        String expected = "a number followed by s, m, h or d (such as 30m or 24h), from 1m to 30d";
        if (!matcher.matches()) {
            throw invalid(key, value, expected);
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.compareTo(MIN_LINK_EXPIRY) < 0 || duration.compareTo(MAX_LINK_EXPIRY) > 0) {
            throw invalid(key, value, expected);
        }
        return duration;
    }

    private String httpUrl(String key, String value) {
        String expected = "an absolute http:// or https:// URL such as https://textdrive.example.com";
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getPort() > 65535
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw invalid(key, value, expected + ", without a query or fragment");
            }
            return value;
        } catch (URISyntaxException e) {
            throw invalid(key, value, expected);
        }
    }

    private static boolean isE164(String number) {
        if (!number.matches("\\+[1-9]\\d{6,14}")) {
            return false;
        }
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            return util.isValidNumber(util.parse(number, null));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static String systemRegion() {
        String country = Locale.getDefault().getCountry();
        return PhoneNumberUtil.getInstance().getSupportedRegions().contains(country) ? country : "US";
    }

    private static String displayHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String stripTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private ConfigException invalid(String key, String value, String expected) {
        return ConfigException.ofKey(key, "Invalid value '" + value + "' for '" + key + "' in " + source
                + ": expected " + expected + ".");
    }

    private ConfigException missing(String key, String expected) {
        return ConfigException.ofKey(key, "Missing '" + key + "' in " + source + ": the twilio section needs "
                + expected + ", or remove the section to run in simulator mode.");
    }
}
