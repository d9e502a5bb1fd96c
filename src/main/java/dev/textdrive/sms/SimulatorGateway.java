package dev.textdrive.sms;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Keeps outbound SMS in the message log, as the simulator outbox, instead of sending them. */
public final class SimulatorGateway implements SmsGateway {

    private final MessageLog log;
    private final SecureRandom random = new SecureRandom();

    public SimulatorGateway(MessageLog log) {
        this.log = log;
    }

    @Override
    public String send(OutboundSms sms) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        // Simulated MessageSids use the same form as Twilio's: SM and 32 hex digits.
        String sid = "SM" + HexFormat.of().formatHex(bytes);
        log.recordDelivered(sid, sms, "simulated");
        return sid;
    }

    @Override
    public boolean simulated() {
        return true;
    }
}
