package dev.textdrive.command;

import dev.textdrive.config.Config;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.phone.PhoneStore;
import dev.textdrive.session.Session;
import dev.textdrive.session.SessionStore;
import dev.textdrive.sms.MessageLog;
import dev.textdrive.sms.SmsGateway;
import dev.textdrive.storage.AccountStore;
import dev.textdrive.storage.Entry;
import dev.textdrive.storage.FolderPage;
import dev.textdrive.storage.StorageAccount;
import dev.textdrive.storage.StorageException;
import dev.textdrive.storage.StorageProvider;
import dev.textdrive.storage.StorageProviders;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one command of a registered phone against its session and returns the reply text.
 *
 * <p>Indexes refer to the entries the texter was shown since the last listing started. A command that
 * needs an index before any listing lists the current place first, silently. The phone's grants are
 * checked on every command, so a revoked account is left at once.
 */
public final class CommandEngine {

    private static final Logger log = LoggerFactory.getLogger(CommandEngine.class);
    private static final String TOP_HEADER = "Your accounts:";
    private static final int LOCATION_MAX = 30;

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final StorageProviders providers;
    private final FileSharer sharer;
    private final int budget;
    private final Clock clock;

    public CommandEngine(Config config, AccountStore accounts, SessionStore sessions, StorageProviders providers,
                         SmsGateway gateway, MessageLog messages, PhoneStore phones, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.providers = providers;
        this.budget = config.segmentBudget();
        this.clock = clock;
        this.sharer = new FileSharer(gateway, messages, phones, new PhoneNumbers(config.defaultRegion()),
                config.send().allowedCountries(), config.send().dailyLimit(), config.linkExpiry(), budget, clock);
    }

    /** Carries out a parsed command for a registered phone and returns the reply. */
    public String execute(String phone, Command command) {
        Session session = sessions.load(phone);
        Optional<StorageAccount> account = Optional.empty();
        try {
            if (!session.atTop()) {
                account = accounts.find(session.accountId()).filter(found -> accounts.isGranted(phone, found.id()));
                if (account.isEmpty()) {
                    return list(Session.fresh(phone, clock.instant()), Replies.NO_ACCESS + "\n" + TOP_HEADER);
                }
            }
            return dispatch(session, account, command);
        } catch (StorageException e) {
            return storageFailure(session, account, e);
        }
    }

    private String dispatch(Session session, Optional<StorageAccount> account, Command command)
            throws StorageException {
        String phone = session.phone();
        if (command instanceof Command.Ls) {
            return list(session.withListing(null), header(session, account));
        } else if (command instanceof Command.More) {
            return more(session, account);
        } else if (command instanceof Command.Up) {
            return up(session);
        } else if (command instanceof Command.Open open) {
            return open(session, account, open.index());
        } else if (command instanceof Command.Get get) {
            return get(session, account, get.index());
        } else if (command instanceof Command.Send send) {
            return send(session, account, send.index(), send.number());
        } else if (command instanceof Command.Reset) {
            sessions.delete(phone);
            return list(Session.fresh(phone, clock.instant()),
                    Replies.RESET + "\n" + TOP_HEADER);
        } else if (command instanceof Command.Help) {
            return Replies.HELP;
        } else if (command instanceof Command.Invalid invalid) {
            return invalid.reply();
        } else if (command instanceof Command.Start) {
            return Replies.STARTED;
        }
        // STOP gets no reply from TextDrive: Twilio's opt-out handling confirms it to the texter.
        return "";
    }

    private String more(Session session, Optional<StorageAccount> account) throws StorageException {
        Session.Listing listing = session.listing();
        if (listing == null) {
            return list(session, header(session, account));
        }
        if (listing.done()) {
            return Replies.END_OF_LIST;
        }
        String header = header(session, account).replaceFirst(":$", "") + ", from " + (listing.shown() + 1) + ":";
        ListingPager.Page page = ListingPager.page(header, source(session, account), listing, budget, clock.getZone());
        sessions.save(session.withListing(page.listing()), false, listing.shown() + 1, page.shown());
        return page.text().isEmpty() ? Replies.END_OF_LIST : page.text();
    }

    private String up(Session session) throws StorageException {
        if (session.atTop()) {
            return Replies.AT_TOP;
        }
        Session parent = session.up();
        // Saved before listing, so that when the parent is gone too, the next cd .. still climbs a level.
        sessions.save(parent, true, 1, List.of());
        return list(parent, header(parent, parent.atTop() ? Optional.empty() : accounts.find(parent.accountId())));
    }

    private String open(Session session, Optional<StorageAccount> account, long index) throws StorageException {
        Session listed = withListing(session, account);
        Optional<Entry> entry = shown(listed, index);
        if (entry.isEmpty()) {
            return Replies.noItem(index, listed.listing().shown());
        }

        Entry target = entry.get();
        switch (target.kind()) {
            case FILE -> {
                return Replies.isFile(index);
            }
            case ACCOUNT -> {
                long accountId = Long.parseLong(target.id());
                Optional<StorageAccount> entered = accounts.find(accountId)
                        .filter(found -> accounts.isGranted(session.phone(), found.id()));
                if (entered.isEmpty()) {
                    return list(Session.fresh(session.phone(), clock.instant()), Replies.NO_ACCESS + "\n" + TOP_HEADER);
                }
                Session inside = listed.enterAccount(accountId);
                try {
                    return list(inside, header(inside, entered));
                } catch (StorageException e) {
                    // execute() has no account at the top level, so this failure is handled here with the account
                    // being entered. Then the reply names it, and a rejected token marks it for relinking.
                    return storageFailure(session, entered, e);
                }
            }
            default -> {
                Session inside = listed.enterFolder(new Session.Folder(target.id(), target.name()));
                return list(inside, header(inside, account));
            }
        }
    }

    private String get(Session session, Optional<StorageAccount> account, long index) throws StorageException {
        Session listed = withListing(session, account);
        Optional<Entry> entry = shown(listed, index);
        if (entry.isEmpty()) {
            return Replies.noItem(index, listed.listing().shown());
        }
        if (!entry.get().isFile()) {
            return Replies.notFile(index, entry.get().kind().word());
        }
        return sharer.get(providers.forAccount(account.orElseThrow()), entry.get());
    }

    private String send(Session session, Optional<StorageAccount> account, long index, String number)
            throws StorageException {
        Session listed = withListing(session, account);
        Optional<Entry> entry = shown(listed, index);
        if (entry.isEmpty()) {
            return Replies.noItem(index, listed.listing().shown());
        }
        if (!entry.get().isFile()) {
            return Replies.notFile(index, entry.get().kind().word());
        }
        return sharer.send(session.phone(), providers.forAccount(account.orElseThrow()), entry.get(), number);
    }

    /** Returns the session with a listing, listing the first page silently when it has none. */
    private Session withListing(Session session, Optional<StorageAccount> account) throws StorageException {
        if (session.listing() != null) {
            return session;
        }
        ListingPager.Page page = ListingPager.page(header(session, account), source(session, account), null, budget,
                clock.getZone());
        Session listed = session.withListing(page.listing());
        sessions.save(listed, true, 1, page.shown());
        return listed;
    }

    /** Lists the first page of the session's place, saves the session and returns the page. */
    private String list(Session session, String header) throws StorageException {
        Optional<StorageAccount> account = session.atTop() ? Optional.empty() : accounts.find(session.accountId());
        ListingPager.Page page = ListingPager.page(header, source(session, account), null, budget, clock.getZone());
        sessions.save(session.withListing(page.listing()), true, 1, page.shown());
        if (page.text().isEmpty()) {
            return Replies.empty(location(session, account));
        }
        return page.text();
    }

    private Optional<Entry> shown(Session session, long index) {
        if (index < 1 || index > session.listing().shown()) {
            return Optional.empty();
        }
        return sessions.shownEntry(session.phone(), (int) index);
    }

    private ListingPager.Source source(Session session, Optional<StorageAccount> account) throws StorageException {
        if (session.atTop()) {
            List<Entry> granted = accounts.grantedTo(session.phone()).stream()
                    .map(found -> new Entry(Long.toString(found.id()), found.displayName(), Entry.Kind.ACCOUNT, null, null))
                    .toList();
            return (cursor, limit) -> slice(granted, cursor, limit);
        }
        StorageProvider provider = providers.forAccount(account.orElseThrow());
        String folderId = session.folderId() == null ? provider.rootId() : session.folderId();
        return (cursor, limit) -> provider.list(folderId, cursor, limit);
    }

    private static FolderPage slice(List<Entry> entries, String cursor, int limit) {
        int offset = cursor == null ? 0 : Integer.parseInt(cursor);
        int end = Math.min(entries.size(), offset + limit);
        return new FolderPage(entries.subList(Math.min(offset, end), end), end < entries.size() ? Integer.toString(end) : null);
    }

    private String header(Session session, Optional<StorageAccount> account) {
        if (session.atTop()) {
            return TOP_HEADER;
        }
        return location(session, account) + ":";
    }

    private static String location(Session session, Optional<StorageAccount> account) {
        if (session.atTop()) {
            return "Your account list";
        }
        String path = account.map(StorageAccount::name).orElse("?") + session.path().stream()
                .map(folder -> "/" + EntryText.shorten(folder.name(), LOCATION_MAX))
                .collect(Collectors.joining());
        return EntryText.location(path, LOCATION_MAX);
    }

    private String storageFailure(Session session, Optional<StorageAccount> account, StorageException e) {
        String accountName = account.map(StorageAccount::name).orElse("?");
        switch (e.reason()) {
            case NOT_FOUND -> {
                log.info("Item not found in account '{}' for {}: {}", accountName, PhoneNumbers.mask(session.phone()), e.getMessage());
                // The current folder may be gone: forget the listing so the next ls starts cleanly. The session
                // is read again because cd .. saves the parent before listing it.
                sessions.save(sessions.load(session.phone()).withListing(null), true, 1, List.of());
                return Replies.GONE;
            }
            case UNAUTHORIZED -> {
                log.warn("Account '{}' must be linked again: {}", accountName, e.getMessage());
                account.ifPresent(found -> accounts.markNeedsRelink(found.id()));
                return Replies.relink(accountName, session.atTop());
            }
            case FORBIDDEN -> {
                log.warn("Refused an item outside account '{}' for {}: {}", accountName, PhoneNumbers.mask(session.phone()), e.getMessage());
                return Replies.FORBIDDEN;
            }
            default -> {
                log.warn("Storage of account '{}' failed for {}: {}", accountName, PhoneNumbers.mask(session.phone()),
                        e.getMessage());
                log.debug("Storage failure of account '{}'.", accountName, e);
                boolean local = account.map(found -> found.provider().equals(StorageAccount.LOCAL)).orElse(false);
                return local ? Replies.unreachable(accountName) : Replies.UNAVAILABLE;
            }
        }
    }
}
