package dev.textdrive.storage;

import java.time.Instant;

/**
 * A storage account the operator has added.
 *
 * @param id the database id
 * @param name the operator's unique name for it, shown to texters
 * @param provider the provider type, such as {@code local}
 * @param location where the storage is: a folder path for {@code local}, the API base URL for {@code kloudless}
 * @param createdAt when the operator added it
 * @param detail what the provider says the account is, such as "Dropbox (ann@example.com)", empty when nothing
 * @param needsRelink whether the provider rejected the account's credentials, so the operator must link it again
 */
public record StorageAccount(long id, String name, String provider, String location, Instant createdAt, String detail,
                             boolean needsRelink) {

    public static final String LOCAL = "local";
    public static final String KLOUDLESS = "kloudless";

    public StorageAccount(long id, String name, String provider, String location, Instant createdAt) {
        this(id, name, provider, location, createdAt, "", false);
    }

    /** Returns the name texters see: the operator's name, followed by the provider's detail when it adds something. */
    public String displayName() {
        if (detail.isEmpty() || detail.equalsIgnoreCase(name)) {
            return name;
        }
        return name + " - " + detail;
    }

    /** Returns the provider's name for people, such as "Local folder". */
    public String providerName() {
        return switch (provider) {
            case LOCAL -> "Local folder";
            case KLOUDLESS -> "Kloudless";
            default -> provider;
        };
    }
}
