package dev.textdrive.gui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.textdrive.sms.MessageLog;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {

    private static final Instant AT = LocalDateTime.parse("2026-12-04T14:02:11").atZone(ZoneId.systemDefault()).toInstant();

    @Test
    void longMessageKeptWhole() {
        String body = "Demo: 1 Documents/ 2 Music/ 3 Photos/ 4 Welcome.txt 601B 2026-12-04 5 Notes.txt 12B 2026-12-04";
        MessageLog.StoredMessage message = new MessageLog.StoredMessage(7, "SM1", MessageLog.OUTBOUND, "+12025550100",
                body, "sent", "reply", AT);

        String line = DashboardViewModel.describe(message);

        assertEquals("14:02:11  to +1 202-555-0100: " + body, line);
    }

    @Test
    void lineBreaksBecomeSpaces() {
        MessageLog.StoredMessage message = new MessageLog.StoredMessage(8, "SM2", MessageLog.INBOUND, "+12025550100",
                "cd 1\nls", "received", "", AT);

        String line = DashboardViewModel.describe(message);

        assertEquals("14:02:11  from +1 202-555-0100: cd 1 ls", line);
    }
}
