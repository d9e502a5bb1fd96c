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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes keys of a configuration file: merges the new values into the file's other settings, validates
 * the result as a whole with {@link ConfigLoader}, and replaces the file atomically, so a crash or an
 * invalid value never leaves a broken file behind. Comments in the file are not kept.
 */
public final class ConfigWriter {

    // Strings that look like numbers stay quoted: unquoted, YAML reads "+14155550123" back as the number
    // 14155550123 and the phone number loses its plus sign.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

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
        ObjectNode root = read(file);
        changes.forEach((key, value) -> apply(root, key, value));
        String text;
        try {
            text = YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new ConfigException("Cannot encode the configuration: " + e.getMessage(), e);
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
