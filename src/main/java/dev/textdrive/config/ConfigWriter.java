package dev.textdrive.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Changes keys of a configuration file: merges the new values into the file's other settings, validates
 * the result as a whole with {@link ConfigLoader}, and replaces the file atomically, so a crash or an
 * invalid value never leaves a broken file behind.
 *
 * <p>Keys are changed line by line, so comments and the layout of the file, such as the documentation
 * copied from {@code config.yml.sample}, stay as they were. A file whose sections are not written in
 * block style (one {@code key: value} per line) is rewritten as a whole instead, without its comments.
 */
public final class ConfigWriter {

    // Strings that look like numbers stay quoted: unquoted, YAML reads "+14155550123" back as the number
    // 14155550123 and the phone number loses its plus sign.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private static final Set<String> NUMERIC_KEYS = Set.of(
            "server.port", "sms.segment_budget", "send.daily_limit");
    private static final Set<String> REGION_KEYS = Set.of("sms.default_region", "send.allowed_countries");

    private final ConfigLoader loader;

    public ConfigWriter(ConfigLoader loader) {
        this.loader = loader;
    }

    /**
     * Sets keys such as {@code server.public_url} in a file, creating it when absent; an empty or null value
     * removes the key, so its default applies again. A list value is written as a YAML list.
     *
     * @return the configuration the file now holds
     * @throws ConfigException when a value is invalid (the file is left unchanged) or the file cannot be written
     */
    public Config save(Path file, Map<String, Object> changes) {
        String text = readText(file);
        try {
            for (Map.Entry<String, Object> change : changes.entrySet()) {
                text = editLine(text, change.getKey(), change.getValue());
            }
        } catch (IllegalStateException e) {
            // The file uses a layout the line editor does not handle: rewrite it from its parsed tree.
            ObjectNode root = read(file);
            changes.forEach((key, value) -> apply(root, key, value));
            try {
                text = YAML.writeValueAsString(root);
            } catch (IOException encoding) {
                throw new ConfigException("Cannot encode the configuration: " + encoding.getMessage(), encoding);
            }
        }

        Path absolute = file.toAbsolutePath();
        Config config = loader.parse(text, absolute.getParent());
        write(absolute, text);
        return config;
    }

    /** Returns the problem with one value, or empty when it is valid on its own; for checking fields as typed. */
    public Optional<String> check(String key, Object value) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(key, value);
        return check(values).map(Problem::message);
    }

    /**
     * Returns the first problem with values checked together, or empty when they are valid. The keys of the
     * twilio section need this, because the loader accepts them only all together or none at all.
     */
    public Optional<Problem> check(Map<String, ?> values) {
        ObjectNode root = YAML.createObjectNode();
        values.forEach((key, value) -> apply(root, key, value));
        try {
            loader.parse(YAML.writeValueAsString(root), Path.of("."));
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(new Problem(e.key(), e.getMessage().replace(" in the configuration", "")));
        } catch (IOException e) {
            return Optional.of(new Problem(Optional.empty(), e.getMessage()));
        }
    }

    /**
     * A value the loader rejects.
     *
     * @param key the key the message is about, such as {@code twilio.auth_token}, or empty when not known
     * @param message the loader's message, which names the key and the expected form
     */
    public record Problem(Optional<String> key, String message) {
    }

    private static String readText(Path file) {
        if (!Files.exists(file)) {
            return "";
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets, adds or removes one {@code section.name} line of block-style YAML text.
     *
     * @throws IllegalStateException when the section is not in block style
     */
    static String editLine(String text, String key, Object value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("Configuration keys have a section and a name, such as server.port: " + key);
        }
        String section = key.substring(0, dot);
        String name = key.substring(dot + 1);
        boolean remove = value == null || (value instanceof String string && string.isBlank())
                || (value instanceof List<?> list && list.isEmpty());
        List<String> lines = new ArrayList<>(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }

        Pattern header = Pattern.compile("^" + Pattern.quote(section)
                + ":\\s*(#.*)?$");
        Pattern flowHeader = Pattern.compile("^" + Pattern.quote(section)
                + ":\\s*[^#\\s].*$");
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (header.matcher(lines.get(i)).matches()) {
                start = i;
                break;
            }
            if (flowHeader.matcher(lines.get(i)).matches()) {
                throw new IllegalStateException("section " + section + " is not in block style");
            }
        }

        String rendered = render(key, value);
        if (start < 0) {
            if (!remove) {
                if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                    lines.add("");
                }
                lines.add(section + ":");
                lines.add("  " + name + ": " + rendered);
            }
            return String.join("\n", lines) + "\n";
        }

        int end = start + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith(" ")
                || lines.get(end).startsWith("\t") || lines.get(end).startsWith("#"))) {
            end++;
        }
        Pattern keyLine = Pattern.compile("^(\\s+)" + Pattern.quote(name)
                + ":(\\s.*)?$");
        for (int i = start + 1; i < end; i++) {
            Matcher matcher = keyLine.matcher(lines.get(i));
            if (matcher.matches()) {
                // A following line indented deeper continues this value, such as a block list.
                int last = i + 1;
                while (last < end && lines.get(last).length() > matcher.group(1).length()
                        && lines.get(last).startsWith(matcher.group(1) + " ")) {
                    last++;
                }
                lines.subList(i + 1, last).clear();
                if (remove) {
                    lines.remove(i);
                } else {
                    lines.set(i, matcher.group(1) + name + ": " + rendered);
                }
                return String.join("\n", lines) + "\n";
            }
        }
        if (!remove) {
            lines.add(start + 1, "  " + name + ": " + rendered);
        }
        return String.join("\n", lines) + "\n";
    }

    /** Returns a value as a YAML scalar or flow list: whole numbers plain, text double-quoted. */
    private static String render(String key, Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(item -> quote(normalize(key, String.valueOf(item))))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        String text = normalize(key, String.valueOf(value).strip());
        return NUMERIC_KEYS.contains(key) && text.matches("\\d{1,9}") ? text : quote(text);
    }

    private static String normalize(String key, String value) {
        return REGION_KEYS.contains(key) ? value.strip().toUpperCase(Locale.ROOT) : value;
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static ObjectNode read(Path file) {
        if (!Files.exists(file)) {
            return YAML.createObjectNode();
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node instanceof ObjectNode object ? object : YAML.createObjectNode();
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void apply(ObjectNode root, String key, Object value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("Configuration keys have a section and a name, such as server.port: " + key);
        }
        String section = key.substring(0, dot);
        String name = key.substring(dot + 1);
        boolean remove = value == null || (value instanceof String text && text.isBlank())
                || (value instanceof List<?> list && list.isEmpty());

        JsonNode existing = root.get(section);
        ObjectNode sectionNode = existing instanceof ObjectNode object ? object : root.putObject(section);
        if (remove) {
            sectionNode.remove(name);
            if (sectionNode.isEmpty()) {
                root.remove(section);
            }
        } else if (value instanceof List<?> list) {
            var array = sectionNode.putArray(name);
            list.forEach(item -> array.add(String.valueOf(item)));
        } else {
            sectionNode.put(name, String.valueOf(value).strip());
        }
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".config-", ".yml.tmp");
            try {
                Files.writeString(temporary, text);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot write configuration file " + file + ": " + e.getMessage()
                    + ". Check that its folder is writable.", e);
        }
    }
}
