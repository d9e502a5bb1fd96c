package dev.textdrive.sms;

import dev.textdrive.activity.ActivityBus;
import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.store.Database;
import dev.textdrive.store.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Every inbound and outbound SMS, with its MessageSid, direction, phone, body, time and status. */
public final class MessageLog {

    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";

    private final Database database;
    private final Clock clock;
    private final ActivityBus activity;

    public MessageLog(Database database, Clock clock) {
        this(database, clock, new ActivityBus());
    }

    /** Creates a message log that publishes a MESSAGE event for every stored message. */
    public MessageLog(Database database, Clock clock, ActivityBus activity) {
        this.database = database;
        this.clock = clock;
        this.activity = activity;
    }

    /**
     * Records an inbound message unless its MessageSid was recorded before.
     *
     * @return the new row id, or empty for a repeated delivery
     */
    public OptionalLong recordInbound(String messageSid, String phone, String body, String formJson) {
        OptionalLong id = database.write(connection -> {
            int inserted = Sql.update(connection,
                    "INSERT INTO messages (message_sid, direction, phone, body, status, form, created_at) "
                            + "VALUES (?, 'inbound', ?, ?, 'received', ?, ?) ON CONFLICT (message_sid) DO NOTHING",
                    messageSid, phone, body, formJson, clock.millis());
            if (inserted == 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Sql.count(connection, "SELECT last_insert_rowid()"));
        });
        if (id.isPresent()) {
            publish(phone, "Received from " + PhoneNumbers.mask(phone));
        }
        return id;
    }

    /**
     * Returns what was replied to an inbound message seen before: present with the reply body, present and
     * empty when it got no reply (or its handling never finished), or null when the MessageSid is new.
     */
    public Optional<Optional<String>> replyTo(String messageSid) {
        return database.read(connection -> Sql.one(connection,
                "SELECT i.id, (SELECT r.body FROM messages r WHERE r.reply_to = i.id AND r.purpose = 'reply' "
                        + "ORDER BY r.id LIMIT 1) FROM messages i WHERE i.message_sid = ? AND i.direction = 'inbound'",
                row -> Optional.ofNullable(row.getString(2)), messageSid));
    }

    /**
     * Records the TwiML reply to an inbound message and marks the inbound message handled, together with
     * another write in the same transaction, which saves the handling thread one wait for a commit.
     */
    public void recordReply(long inboundId, String phone, String body, Database.SqlConsumer sameTransaction) {
        long now = clock.millis();
        database.update(connection -> {
            if (body != null) {
                Sql.update(connection,
                        "INSERT INTO messages (direction, phone, body, status, purpose, reply_to, created_at) "
                                + "VALUES ('outbound', ?, ?, 'replied', 'reply', ?, ?)",
                        phone, body, inboundId, now);
            }
            Sql.update(connection, "UPDATE messages SET status = 'handled' WHERE id = ?", inboundId);
            sameTransaction.accept(connection);
        });
        if (body != null) {
            publish(phone, "Replied to " + PhoneNumbers.mask(phone));
        }
    }

    /**
     * Records an outbound message sent through the gateway, or its failure, keeping its logged body when it
     * has one.
     */
    public void recordOutbound(String messageSid, OutboundSms sms, String status, Integer errorCode) {
        recordOutbound(messageSid, sms, sms.loggedBody() == null ? sms.body() : sms.loggedBody(), status, errorCode);
    }

    /** Records an outbound message with the body the recipient saw; the simulator outbox is the delivery itself. */
    public void recordDelivered(String messageSid, OutboundSms sms, String status) {
        recordOutbound(messageSid, sms, sms.body(), status, null);
    }

    private void recordOutbound(String messageSid, OutboundSms sms, String body, String status, Integer errorCode) {
        database.update(connection -> Sql.update(connection,
                "INSERT INTO messages (message_sid, direction, phone, body, status, purpose, requested_by, error_code, created_at) "
                        + "VALUES (?, 'outbound', ?, ?, ?, ?, ?, ?, ?)",
                messageSid, sms.to(), body, status, sms.purpose(), sms.requestedBy(), errorCode, clock.millis()));
        publish(sms.to(), "Sent " + sms.purpose() + " SMS to " + PhoneNumbers.mask(sms.to()) + " (" + status + ")");
    }

    private void publish(String phone, String summary) {
        activity.publish(new ActivityEvent(ActivityEvent.Kind.MESSAGE, phone, summary, clock.instant()));
    }

    /** Returns the times of the messages of one purpose that a phone caused since a moment, oldest first. */
    public List<Instant> sentFor(String requestedBy, String purpose, Duration window) {
        long since = clock.millis() - window.toMillis();
        return database.read(connection -> Sql.list(connection,
                "SELECT created_at FROM messages WHERE requested_by = ? AND purpose = ? AND direction = 'outbound' "
                        + "AND status <> 'failed' AND created_at > ? ORDER BY created_at",
                row -> Instant.ofEpochMilli(row.getLong(1)), requestedBy, purpose, since));
    }

    /** Returns the outbound messages to one number, oldest first; the simulator outbox and tests read them. */
    public List<StoredMessage> outboundTo(String phone) {
        return database.read(connection -> Sql.list(connection,
                "SELECT id, message_sid, direction, phone, body, status, purpose, created_at FROM messages "
                        + "WHERE phone = ? AND direction = 'outbound' AND purpose <> 'reply' ORDER BY id",
                MessageLog::map, phone));
    }

    /** Returns the last {@code limit} outbound SMS that left through the gateway, newest first: the outbox. */
    public List<StoredMessage> outbox(int limit) {
        return database.read(connection -> Sql.list(connection,
                "SELECT id, message_sid, direction, phone, body, status, purpose, created_at FROM messages "
                        + "WHERE direction = 'outbound' AND purpose <> 'reply' ORDER BY id DESC LIMIT ?",
                MessageLog::map, limit));
    }

    /** Returns the last {@code limit} messages to and from one phone, oldest first: its conversation. */
    public List<StoredMessage> conversation(String phone, int limit) {
        return database.read(connection -> Sql.list(connection,
                "SELECT * FROM (SELECT id, message_sid, direction, phone, body, status, purpose, created_at FROM messages "
                        + "WHERE phone = ? ORDER BY id DESC LIMIT ?) ORDER BY id",
                MessageLog::map, phone, limit));
    }

    /** Returns the last {@code limit} messages of all phones, newest first. */
    public List<StoredMessage> recent(int limit) {
        return database.read(connection -> Sql.list(connection,
                "SELECT id, message_sid, direction, phone, body, status, purpose, created_at FROM messages "
                        + "ORDER BY id DESC LIMIT ?",
                MessageLog::map, limit));
    }

    /** Counts the messages stored since a moment, both directions. */
    public long countSince(Instant since) {
        return database.read(connection -> Sql.count(connection,
                "SELECT COUNT(*) FROM messages WHERE created_at >= ?", since.toEpochMilli()));
    }

    private static StoredMessage map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new StoredMessage(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), Instant.ofEpochMilli(row.getLong(8)));
    }

    /**
     * Decides whether an unregistered number may be told so now, at most once per interval, and records it.
     */
    public boolean claimUnregisteredNotice(String phone, Duration interval) {
        long now = clock.millis();
        return database.write(connection -> {
            Optional<Long> last = Sql.one(connection,
                    "SELECT last_sent_at FROM unregistered_notices WHERE phone = ?", row -> row.getLong(1), phone);
            if (last.isPresent() && now - last.get() < interval.toMillis()) {
                return false;
            }
            Sql.update(connection, "INSERT INTO unregistered_notices (phone, last_sent_at) VALUES (?, ?) "
                    + "ON CONFLICT (phone) DO UPDATE SET last_sent_at = excluded.last_sent_at", phone, now);
            return true;
        });
    }

    /**
     * One stored message.
     *
     * @param id the row id
     * @param messageSid Twilio's MessageSid, null for a TwiML reply
     * @param direction {@link #INBOUND} or {@link #OUTBOUND}
     * @param phone the texter's number for inbound messages, the recipient's for outbound ones
     * @param body the text
     * @param status received, handled, replied, queued, sent, simulated or failed
     * @param purpose why an outbound message was sent: reply, send or notice
     * @param createdAt when it was stored
     */
    public record StoredMessage(long id, String messageSid, String direction, String phone, String body, String status,
                                String purpose, Instant createdAt) {
    }
}
