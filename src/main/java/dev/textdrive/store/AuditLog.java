package dev.textdrive.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/** The record of operator actions: who did what to which phone or account, and when. */
public final class AuditLog {

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Appends one entry inside the caller's transaction, so the action and its record commit together. */
    public void record(Connection connection, String actor, String action, String subject, String detail)
            throws SQLException {
        Sql.update(connection, "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                clock.millis(), actor, action, subject, detail);
    }
}
