package dev.textdrive.verification;

import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.phone.PhoneStore;
import dev.textdrive.sms.MessageLog;
import dev.textdrive.sms.OutboundSms;
import dev.textdrive.sms.RateLimit;
import dev.textdrive.sms.SmsException;
import dev.textdrive.sms.SmsGateway;
import dev.textdrive.store.Database;
import dev.textdrive.store.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies phone numbers by one-time code: {@link #requestCode} texts a code, {@link #verifyCode} checks the
 * code the texter reads back to the operator.
 *
 * <p>Codes are 6 random digits, stored hashed, valid for 10 minutes and invalidated after 5 wrong entries.
 * A phone has at most one active code, a new code can be requested once a minute and 5 times a day, and
 * every refusal carries the time after which to try again.
 */
public final class VerificationService {

    private static final Logger log = LoggerFactory.getLogger(VerificationService.class);

    private final Database database;
    private final PhoneStore phones;
    private final SmsGateway gateway;
    private final MessageLog messages;
    private final Clock clock;

    public VerificationService(Database database, PhoneStore phones, SmsGateway gateway, MessageLog messages, Clock clock) {
        this.database = database;
        this.phones = phones;
        this.gateway = gateway;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Texts a new code to a pending phone, replacing any earlier code.
     *
     * @return when the code expires
     * @throws VerificationException when the phone is unknown, verified or opted out, a limit is reached, or
     *                               the SMS was not accepted
     */
    public Instant requestCode(String e164) throws VerificationException {
        Phone phone = phones.find(e164).orElseThrow(() -> new VerificationException(
                "No phone " + e164 + ": add it first.", null));
        if (phone.verified()) {
            throw new VerificationException(PhoneNumbers.international(e164) + " is already verified.", null);
        }
        if (phones.isOptedOut(e164)) {
            throw new VerificationException(PhoneNumbers.international(e164)
                    + " has opted out by texting STOP: it must text START to the TextDrive number first.", null);
        }
        for (RateLimit limit : List.of(RateLimit.CODE_RESEND, RateLimit.CODE_DAILY)) {
            Optional<Instant> retryAt = limit.retryAt(messages.sentFor(e164, OutboundSms.CODE, limit.period()));
            if (retryAt.isPresent()) {
                throw new VerificationException(limit == RateLimit.CODE_RESEND
                        ? "A code was sent less than a minute ago: wait before sending another."
                        : "Five codes were sent to this number today: wait before sending another.", retryAt.get());
            }
        }

        String code = VerificationCode.randomDigits();
        Instant now = clock.instant();
        VerificationCode stored = VerificationCode.issue(code, now);
        String body = "Your TextDrive code is " + code + ". It expires in " + VerificationCode.EXPIRY.toMinutes()
                + " minutes. If you did not expect it, ignore this message.";
        String loggedBody = body.replace(code, "******");
        try {
            gateway.send(new OutboundSms(e164, body, OutboundSms.CODE, e164, loggedBody));
        } catch (SmsException e) {
            throw new VerificationException("The code could not be sent to " + PhoneNumbers.international(e164) + ": "
                    + describe(e), null);
        }
        database.update(connection -> Sql.update(connection,
                "INSERT INTO verification_codes (phone, code_hash, salt, created_at, expires_at, attempts) "
                        + "VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (phone) DO UPDATE SET code_hash = excluded.code_hash, "
                        + "salt = excluded.salt, created_at = excluded.created_at, expires_at = excluded.expires_at, attempts = 0",
                e164, stored.hash(), stored.salt(), now.toEpochMilli(), stored.expiresAt().toEpochMilli()));
        log.info("Sent a verification code to {}.", PhoneNumbers.mask(e164));
        return stored.expiresAt();
    }

    /** Checks a code the operator entered; a right code verifies the phone. */
    public Outcome verifyCode(String e164, String entered, String actor) {
        String digits = entered == null ? "" : entered.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{" + VerificationCode.DIGITS + "}")) {
            return new Outcome(Result.INVALID_FORMAT, 0);
        }
        Optional<VerificationCode> found = find(e164);
        if (found.isEmpty()) {
            return new Outcome(Result.NO_CODE, 0);
        }
        VerificationCode code = found.get();
        if (code.lockedOut()) {
            return new Outcome(Result.LOCKED, 0);
        }
        if (code.expired(clock.instant())) {
            delete(e164);
            return new Outcome(Result.EXPIRED, 0);
        }

        if (code.matches(digits)) {
            delete(e164);
            phones.markVerified(e164, actor, "one-time code");
            log.info("Verified {} by code.", PhoneNumbers.mask(e164));
            return new Outcome(Result.VERIFIED, 0);
        }
        int attempts = code.attempts() + 1;
        database.update(connection -> Sql.update(connection,
                "UPDATE verification_codes SET attempts = ? WHERE phone = ?", attempts, e164));
        log.info("Wrong verification code for {} ({} of {}).", PhoneNumbers.mask(e164), attempts, VerificationCode.MAX_ATTEMPTS);
        if (attempts >= VerificationCode.MAX_ATTEMPTS) {
            return new Outcome(Result.LOCKED, 0);
        }
        return new Outcome(Result.WRONG, VerificationCode.MAX_ATTEMPTS - attempts);
    }

    /** Returns when a new code may be requested for a phone: now, or after the resend cooldown or daily cap. */
    public Instant nextCodeAllowedAt(String e164) {
        Instant allowed = clock.instant();
        for (RateLimit limit : List.of(RateLimit.CODE_RESEND, RateLimit.CODE_DAILY)) {
            Optional<Instant> retryAt = limit.retryAt(messages.sentFor(e164, OutboundSms.CODE, limit.period()));
            if (retryAt.isPresent() && retryAt.get().isAfter(allowed)) {
                allowed = retryAt.get();
            }
        }
        return allowed;
    }

    /** Returns the active code of a phone, if any. */
    public Optional<VerificationCode> find(String e164) {
        return database.read(connection -> Sql.one(connection,
                "SELECT code_hash, salt, created_at, expires_at, attempts FROM verification_codes WHERE phone = ?",
                row -> new VerificationCode(row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3)),
                        Instant.ofEpochMilli(row.getLong(4)), row.getInt(5)),
                e164));
    }

    private void delete(String e164) {
        database.update(connection -> Sql.update(connection, "DELETE FROM verification_codes WHERE phone = ?", e164));
    }

    private static String describe(SmsException e) {
        Integer code = e.code();
        if (code != null && code == SmsException.OPTED_OUT) {
            return "the number has opted out (Twilio error 21610).";
        }
        if (code != null && code == SmsException.INVALID_NUMBER) {
            return "Twilio says the number is not valid (error 21211).";
        }
        if (code != null && code == SmsException.REGION_NOT_ENABLED) {
            return "texts to that country are not enabled on the Twilio account (error 21408).";
        }
        return code == null ? "Twilio did not respond; try again in a minute." : "Twilio error " + code + ".";
    }

    /** How a code entry ended. */
    public enum Result { VERIFIED, WRONG, LOCKED, EXPIRED, NO_CODE, INVALID_FORMAT }

    /**
     * The result of a code entry.
     *
     * @param result what happened
     * @param attemptsLeft the wrong entries still allowed, for {@link Result#WRONG}
     */
    public record Outcome(Result result, int attemptsLeft) {

        /** Returns the operator-facing message for this outcome. */
        public String message() {
            return switch (result) {
                case VERIFIED -> "Verified.";
                case WRONG -> "Wrong code: " + attemptsLeft + (attemptsLeft == 1 ? " try" : " tries") + " left.";
                case LOCKED -> "Too many wrong codes: this code no longer works. Send a new code.";
                case EXPIRED -> "The code has expired: send a new code.";
                case NO_CODE -> "No code was sent to this phone: send a code first.";
                case INVALID_FORMAT -> "Enter the " + VerificationCode.DIGITS + " digits of the code.";
            };
        }
    }
}
