package dev.textdrive.gui.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes message times for live views: the time of day for today, the date and time for earlier days. */
public final class TimeText {

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

    private final Clock clock;

    /** @param clock the current time and the time zone to write times in */
    public TimeText(Clock clock) {
        this.clock = clock;
    }

    /** Returns a time such as "14:02:11" today, or "3 Dec 14:02" on another day. */
    public String format(Instant at) {
        ZonedDateTime local = at.atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        return local.toLocalDate().equals(today) ? TODAY.format(local) : EARLIER.format(local);
    }
}
