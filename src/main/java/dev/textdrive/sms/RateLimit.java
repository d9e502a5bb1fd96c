package dev.textdrive.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A limit of events per rolling period; a rejection carries the time after which the caller may retry.
 *
 * @param name what is limited, for logs
 * @param maxEvents the number of events allowed in any period
 * @param period the length of the rolling window
 */
public record RateLimit(String name, int maxEvents, Duration period) {

    /** An unregistered number is told so at most once an hour, so nobody can make the operator pay for SMS. */
    public static final RateLimit UNREGISTERED_NOTICE = new RateLimit("unregistered notice", 1, Duration.ofHours(1));

    /** A new verification code for a number at most once a minute. */
    public static final RateLimit CODE_RESEND = new RateLimit("code resend", 1, Duration.ofSeconds(60));

    /** At most five verification codes for a number in any 24 hours. */
    public static final RateLimit CODE_DAILY = new RateLimit("codes per day", 5, Duration.ofDays(1));

    /** Returns the limit on {@code send} per phone: {@code dailyLimit} messages in any 24 hours. */
    public static RateLimit sendPerPhone(int dailyLimit) {
        return new RateLimit("send per phone", dailyLimit, Duration.ofDays(1));
    }

    /**
     * Returns when the next event is allowed, or empty when it is allowed now.
     *
     * @param recent the times of the events within the last period, oldest first
     */
    public Optional<Instant> retryAt(List<Instant> recent) {
        if (recent.size() < maxEvents) {
            return Optional.empty();
        }
        if (maxEvents == 0) {
            return Optional.of(Instant.MAX);
        }
        // The window frees a place when the oldest event that keeps it full falls out of it.
        return Optional.of(recent.get(recent.size() - maxEvents).plus(period));
    }
}
