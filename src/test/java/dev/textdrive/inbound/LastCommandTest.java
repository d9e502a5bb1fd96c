package dev.textdrive.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.store.Sql;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last command of each phone, written in the reply's transaction for the operator's live view. */
class LastCommandTest {

    private static final String PHONE = "+14155550123";

    @TempDir
    Path directory;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"));
        server.phoneWithFolder(PHONE, "Work");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void lastCommandStoredWithReply() throws Exception {
        server.text(PHONE, "ls");
        server.text(PHONE, "  HELP ");

        assertEquals("HELP", text("SELECT last_command FROM sessions WHERE phone = ?", PHONE));
        assertEquals(0, count("SELECT COUNT(*) FROM messages WHERE direction = 'inbound' AND status <> 'handled'"));
    }

    @Test
    void failedLastCommandKeepsReply() throws Exception {
        server.text(PHONE, "ls");
        // A real failure of the last-command write: SQLite aborts the statement, as it would on a constraint.
        server.app().database().update(connection -> Sql.update(connection,
                "CREATE TRIGGER reject_help BEFORE UPDATE OF last_command ON sessions WHEN NEW.last_command = 'help' "
                        + "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"));

        TestServer.Reply reply = server.text(PHONE, "help");

        assertTrue(reply.text().startsWith("TextDrive commands"), reply.text());
        assertEquals(1, count("SELECT COUNT(*) FROM messages WHERE direction = 'outbound' AND body = ?", reply.text()));
        assertEquals(0, count("SELECT COUNT(*) FROM messages WHERE direction = 'inbound' AND status <> 'handled'"));
        assertEquals("ls", text("SELECT last_command FROM sessions WHERE phone = ?", PHONE));
    }

    private long count(String sql, Object... parameters) {
        return server.app().database().read(connection -> Sql.count(connection, sql, parameters));
    }

    private String text(String sql, Object... parameters) {
        return server.app().database().read(connection -> Sql.one(connection, sql, row -> row.getString(1), parameters))
                .orElseThrow();
    }
}
