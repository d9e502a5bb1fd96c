package dev.textdrive.storage.kloudless;

import com.fasterxml.jackson.databind.JsonNode;
import dev.textdrive.storage.Entry;
import dev.textdrive.storage.FolderPage;
import dev.textdrive.storage.StorageException;
import dev.textdrive.storage.StorageProvider;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kloudless account as a storage provider. Each provider slice is one API page, and the slice cursor is
 * the API's page number, so paging by SMS reads only the API pages the texter reaches.
 *
 * <p>NOTE: entries keep the order the API returns them in. Sorting folders first and by name, as local
 * folders are, would mean reading every API page of a folder before the first reply.
 */
public final class KloudlessProvider implements StorageProvider {

    /** Entries per API page; larger than an SMS page at any budget. */
    static final int PAGE_SIZE = 100;

    private final KloudlessClient client;

    public KloudlessProvider(KloudlessClient client) {
        this.client = client;
    }

    @Override
    public String rootId() {
        return "root";
    }

    @Override
    public FolderPage list(String folderId, String cursor, int limit) throws StorageException {
        KloudlessClient.ContentsPage page = client.contents(folderId, cursor, PAGE_SIZE);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode object : page.objects()) {
            String id = object.path("id").asText("");
            if (id.isEmpty()) {
                continue;
            }
            boolean folder = object.path("type").asText("file").equals("folder");
            Long size = folder || !object.path("size").isNumber() ? null : object.path("size").asLong();
            entries.add(new Entry(id, object.path("name").asText(id), folder ? Entry.Kind.FOLDER : Entry.Kind.FILE,
                    size, parseTime(object.path("modified").asText(null))));
        }
        return new FolderPage(List.copyOf(entries), page.nextPage().orElse(null));
    }

    @Override
    public String createLink(Entry file, Instant expiresAt) throws StorageException {
        return client.createLink(file.id(), expiresAt);
    }

    private static Instant parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
