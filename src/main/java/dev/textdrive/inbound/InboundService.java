package dev.textdrive.inbound;

import dev.textdrive.command.Command;
import dev.textdrive.command.CommandEngine;
import dev.textdrive.command.CommandParser;
import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.phone.PhoneStore;
import dev.textdrive.session.SessionStore;
import dev.textdrive.sms.InboundSms;
import dev.textdrive.sms.MessageLog;
import dev.textdrive.sms.RateLimit;
import dev.textdrive.storage.AccountStore;
import dev.textdrive.store.Database;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles an inbound SMS once: records it, checks the sender, runs the command and records the reply.
 *
 * <p>Messages of one phone are handled one at a time, which keeps its session consistent and makes a
 * repeated delivery of a MessageSid wait for the first one and get its stored reply, with no second side
 * effect, even when both copies arrive at once.
 */
public final class InboundService {

    private static final Logger log = LoggerFactory.getLogger(InboundService.class);
    private static final int LOCK_STRIPES = 256;

    static final String NOT_REGISTERED = "This number is not registered with TextDrive. Ask the operator for access.";
    static final String INTERNAL_ERROR = "Something went wrong on our side. Try again in a minute.";

    private final MessageLog messages;
    private final PhoneStore phones;
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final CommandEngine engine;
    private final InboundListener listener;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    public InboundService(MessageLog messages, PhoneStore phones, AccountStore accounts, SessionStore sessions,
                          CommandEngine engine, InboundListener listener) {
        this.messages = messages;
        this.phones = phones;
        this.accounts = accounts;
        this.sessions = sessions;
        this.engine = engine;
        this.listener = listener;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Returns the reply text for an inbound SMS, or an empty string when no reply should be sent. */
    public String receive(InboundSms sms) {
        ReentrantLock lock = locks[Math.floorMod(sms.from().hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return receiveLocked(sms);
        } finally {
            lock.unlock();
        }
    }

    private String receiveLocked(InboundSms sms) {
        String masked = PhoneNumbers.mask(sms.from());
        OptionalLong inboundId = messages.recordInbound(sms.messageSid(), sms.from(), sms.body(), sms.formJson());
        if (inboundId.isEmpty()) {
            Optional<String> stored = messages.replyTo(sms.messageSid()).orElse(Optional.empty());
            log.info("Message {} from {} was delivered again; replaying its reply.", sms.messageSid(), masked);
            return stored.orElse("");
        }

        Handled handled;
        try {
            handled = handle(sms);
        } catch (RuntimeException e) {
            log.error("Handling message {} from {} failed.", sms.messageSid(), masked, e);
            handled = new Handled(INTERNAL_ERROR, false);
        }
        String reply = handled.reply();
        // The session's last command is written with the reply, so a message waits for one commit less. It
        // only feeds the operator's live view, so its failure must not undo the reply.
        Database.SqlConsumer touch = handled.byRegisteredPhone()
                ? sessions.touching(sms.from(), sms.body().strip())
                : connection -> { };
        messages.recordReply(inboundId.getAsLong(), sms.from(), reply.isEmpty() ? null : reply, connection -> {
            try {
                touch.accept(connection);
            } catch (SQLException e) {
                log.warn("Recording the last command of {} for message {} failed: {}", masked, sms.messageSid(),
                        e.getMessage());
            }
        });
        listener.messageHandled(sms, reply);
        return reply;
    }

    /**
     * The outcome of handling a message.
     *
     * @param reply the reply text, empty for none
     * @param byRegisteredPhone whether a registered phone ran a command, which the operator's live view shows
     */
    private record Handled(String reply, boolean byRegisteredPhone) {
    }

    private Handled handle(InboundSms sms) {
        Command command = CommandParser.parse(sms.body());
        // Opt-out keywords are honoured for every number, registered or not, as carriers require.
        if (command instanceof Command.Stop) {
            phones.recordOptOut(sms.from(), "stop keyword");
            log.info("{} opted out.", PhoneNumbers.mask(sms.from()));
            return new Handled("", false);
        }
        if (command instanceof Command.Start) {
            phones.clearOptOut(sms.from());
            log.info("{} opted in again.", PhoneNumbers.mask(sms.from()));
        }

        if (phones.isOptedOut(sms.from())) {
            log.info("Ignored a message from {}, which opted out; START opts in again.", PhoneNumbers.mask(sms.from()));
            return new Handled("", false);
        }

        Optional<Phone> phone = phones.find(sms.from());
        boolean registered = phone.filter(Phone::verified).isPresent() && !accounts.grantedTo(sms.from()).isEmpty();
        if (!registered) {
            if (messages.claimUnregisteredNotice(sms.from(), RateLimit.UNREGISTERED_NOTICE.period())) {
                log.info("Told unregistered number {} that it is not registered.", PhoneNumbers.mask(sms.from()));
                return new Handled(NOT_REGISTERED, false);
            }
            return new Handled("", false);
        }

        return new Handled(engine.execute(sms.from(), command), true);
    }
}
