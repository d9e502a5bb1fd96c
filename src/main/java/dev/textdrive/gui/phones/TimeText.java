package dev.textdrive.gui.phones;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats retry and expiry times in the clock's time zone, the operator's local time in the app. */
final class TimeText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private TimeText() {
    }

    /** Returns a moment as "at 14:03:12", "tomorrow at 09:15:02" or "on Sun 6 Dec at 09:15:02". */
    static String at(Instant moment, Clock clock) {
        ZonedDateTime local = moment.atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        String time = "at " + TIME.format(local);
        if (local.toLocalDate().equals(today)) {
            return time;
        }
        if (local.toLocalDate().equals(today.plusDays(1))) {
            return "tomorrow " + time;
        }
        return "on " + DAY.format(local) + " " + time;
    }

    /** Returns a wait as "42 s" up to 99 seconds and as whole minutes, rounded up, after that. */
    static String wait(Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        if (seconds <= 99) {
            return seconds + " s";
        }
        return (seconds + 59) / 60 + " min";
    }
}
