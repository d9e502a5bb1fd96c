package dev.textdrive.storage;

import java.time.Instant;

/**
 * A storage account the operator has added.
 *
 * @param id the database id
 * @param name the operator's unique name for it, shown to texters
 * @param provider the provider type, such as {@code local}
 * @param location where the storage is: a folder path for {@code local}
 * @param createdAt when the operator added it
 */
public record StorageAccount(long id, String name, String provider, String location, Instant createdAt) {

    public static final String LOCAL = "local";
}
