package dev.textdrive.storage;

import dev.textdrive.storage.kloudless.KloudlessClient;
import dev.textdrive.storage.kloudless.KloudlessCredentials;
import dev.textdrive.storage.kloudless.KloudlessProvider;
import dev.textdrive.storage.local.ListingCache;
import dev.textdrive.storage.local.LocalFolderProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** Creates the provider that reaches a storage account. */
public final class StorageProviders {

    private static final Duration LISTING_MAX_AGE = Duration.ofMinutes(1);

    private final LinkStore links;
    private final AccountStore accounts;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final ListingCache listingCache;

    /**
     * @param publicUrl returns the base URL that links served by TextDrive start with
     */
    public StorageProviders(LinkStore links, AccountStore accounts, Supplier<String> publicUrl,
                            Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.listingCache = new ListingCache(clock, LISTING_MAX_AGE);
    }

    /**
     * Returns the provider of an account.
     *
     * @throws StorageException UNAVAILABLE when the account's provider type is not known to this version
     */
    public StorageProvider forAccount(StorageAccount account) throws StorageException {
        if (account.provider().equals(StorageAccount.LOCAL)) {
            return local(account);
        }
        if (account.provider().equals(StorageAccount.KLOUDLESS)) {
            return new KloudlessProvider(kloudlessClient(account));
        }
        throw new StorageException(StorageException.Reason.UNAVAILABLE,
                "Account '" + account.name() + "' uses provider '" + account.provider() + "', which this version does not support.");
    }

    /** Returns the API client of a Kloudless account, from its stored credentials. */
    public KloudlessClient kloudlessClient(StorageAccount account) throws StorageException {
        String json = accounts.credentials(account.id()).orElseThrow(() -> new StorageException(
                StorageException.Reason.UNAUTHORIZED, "Account '" + account.name() + "' has no stored credentials."));
        KloudlessCredentials credentials = KloudlessCredentials.fromJson(json);
        return new KloudlessClient(credentials.baseUrl(), credentials.accountId(), credentials.accessToken(), clock);
    }

    /** Returns the provider of a local-folder account. */
    public LocalFolderProvider local(StorageAccount account) {
        return new LocalFolderProvider(account.id(), Path.of(account.location()), links, publicUrl.get(), listingCache);
    }
}
