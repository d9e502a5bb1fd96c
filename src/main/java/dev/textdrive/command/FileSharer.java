package dev.textdrive.command;

import dev.textdrive.phone.InvalidPhoneNumberException;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.phone.PhoneStore;
import dev.textdrive.sms.MessageLog;
import dev.textdrive.sms.OutboundSms;
import dev.textdrive.sms.RateLimit;
import dev.textdrive.sms.SmsException;
import dev.textdrive.sms.SmsGateway;
import dev.textdrive.sms.SmsText;
import dev.textdrive.storage.Entry;
import dev.textdrive.storage.StorageException;
import dev.textdrive.storage.StorageProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out {@code get} and {@code send}: creates links and texts them, within the send limits. */
final class FileSharer {

    private static final Logger log = LoggerFactory.getLogger(FileSharer.class);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMM HH:mm z", Locale.ROOT);
    private static final int[] NAME_LENGTHS = {60, 40, 24, 12};

    private final SmsGateway gateway;
    private final MessageLog messages;
    private final PhoneStore phones;
    private final PhoneNumbers numbers;
    private final List<String> allowedCountries;
    private final RateLimit sendLimit;
    private final Duration linkExpiry;
    private final int budget;
    private final Clock clock;

    FileSharer(SmsGateway gateway, MessageLog messages, PhoneStore phones, PhoneNumbers numbers,
               List<String> allowedCountries, int dailyLimit, Duration linkExpiry, int budget, Clock clock) {
        this.gateway = gateway;
        this.messages = messages;
        this.phones = phones;
        this.numbers = numbers;
        this.allowedCountries = allowedCountries;
        this.sendLimit = RateLimit.sendPerPhone(dailyLimit);
        this.linkExpiry = linkExpiry;
        this.budget = budget;
        this.clock = clock;
    }

    /** Returns the reply to {@code get}: the file's name and size, its link and when the link expires. */
    String get(StorageProvider provider, Entry file) throws StorageException {
        Instant expiresAt = clock.instant().plus(linkExpiry);
        String url = provider.createLink(file, expiresAt);
        return fit(name -> name + "\n" + url + "\nExpires " + expiry(expiresAt), file);
    }

    /** Validates the destination and the limits, then texts a link; returns the reply to the sender. */
    String send(String sender, StorageProvider provider, Entry file, String destination) throws StorageException {
        PhoneNumbers.ParsedNumber to;
        try {
            to = numbers.parse(destination);
        } catch (InvalidPhoneNumberException e) {
            return Replies.invalidNumber(numbers.example());
        }
        String international = PhoneNumbers.international(to.e164());
        if (!allowedCountries.contains(to.region())) {
            return Replies.countryNotAllowed(international, to.region(), String.join(", ", allowedCountries));
        }
        if (phones.isOptedOut(to.e164())) {
            return Replies.optedOut(international);
        }
        Optional<Instant> retryAt = sendLimit.retryAt(messages.sentFor(sender, OutboundSms.SEND, sendLimit.period()));
        if (retryAt.isPresent()) {
            log.info("Send limit reached for {}.", PhoneNumbers.mask(sender));
            return Replies.dailyLimit(sendLimit.maxEvents(), retryAt.get().equals(Instant.MAX) ? "the operator raises it" : expiry(retryAt.get()));
        }

        Instant expiresAt = clock.instant().plus(linkExpiry);
        String url = provider.createLink(file, expiresAt);
        String from = PhoneNumbers.international(sender);
        String body = fit(name -> from + " sent you " + name + " by TextDrive:\n" + url + "\nExpires " + expiry(expiresAt), file);
        try {
            gateway.send(new OutboundSms(to.e164(), body, OutboundSms.SEND, sender));
        } catch (SmsException e) {
            Integer code = e.code();
            if (code != null && code == SmsException.OPTED_OUT) {
                return Replies.optedOut(international);
            }
            if (code != null && code == SmsException.INVALID_NUMBER) {
                return Replies.invalidNumber(numbers.example());
            }
            if (code != null && code == SmsException.REGION_NOT_ENABLED) {
                return Replies.REGION_NOT_ENABLED;
            }
            return Replies.SEND_FAILED;
        }
        return fit(name -> Replies.sent(name, international), file);
    }

    /**
     * Returns the text with the file's name and size, shortening the name until the text fits the budget.
     * When even a short name needs UCS-2 (67 characters a segment instead of 153), the name's
     * characters outside GSM-7 are replaced with underscores, so the link itself always arrives whole.
     */
    private String fit(Function<String, String> template, Entry file) {
        String text = "";
        for (String candidate : List.of(file.name(), gsmOnly(file.name()))) {
            for (int length : NAME_LENGTHS) {
                String name = EntryText.shorten(candidate, length);
                if (file.size() != null) {
                    name += " (" + EntryText.size(file.size()) + ")";
                }
                text = template.apply(name);
                if (SmsText.fits(text, budget)) {
                    return text;
                }
            }
        }
        // NOTE: with a 1-segment budget and a public URL longer than about 90 characters, even a short
        // GSM-7 text holds no more than the link, so the reply takes two segments.
        return text;
    }

    /** Replaces each run of characters outside GSM-7 with one underscore. */
    static String gsmOnly(String name) {
        StringBuilder result = new StringBuilder();
        name.codePoints().forEach(c -> {
            boolean gsm = Character.charCount(c) == 1 && SmsText.isGsm((char) c);
            if (gsm) {
                result.appendCodePoint(c);
            } else if (result.length() == 0 || result.charAt(result.length() - 1) != '_') {
                result.append('_');
            }
        });
        return result.toString();
    }

    private String expiry(Instant instant) {
        return EXPIRY.format(instant.atZone(clock.getZone()));
    }
}
