package dev.textdrive.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The effective settings of one TextDrive instance, validated and with every default filled in.
 *
 * @param server where the embedded web server listens and the URL Twilio calls
 * @param databasePath the SQLite file
 * @param twilio the Twilio credentials, empty in simulator mode
 * @param linkExpiry how long a download link stays valid
 * @param segmentBudget the maximum number of SMS segments in one reply
 * @param defaultRegion the ISO 3166 region used to read national phone numbers
 * @param send the limits on the {@code send} command
 * @param kloudless the Kloudless app used to link accounts by OAuth
 * @param dataDirectory the per-user folder for the database, the demo folder and generated secrets
 */
public record Config(
        Server server,
        Path databasePath,
        Optional<Twilio> twilio,
        Duration linkExpiry,
        int segmentBudget,
        String defaultRegion,
        Send send,
        Kloudless kloudless,
        Path dataDirectory) {

    /** The default port of the embedded server. */
    public static final int DEFAULT_PORT = 15456;

    /**
     * Settings of the embedded web server.
     *
     * @param host the interface to bind
     * @param port the TCP port, 0 for any free port
     * @param publicUrl the base URL that Twilio calls and that download links start with, without a trailing slash;
     *                  empty when it is the local URL of a server on a port chosen at start (port 0)
     */
    public record Server(String host, int port, String publicUrl) {
    }

    /**
     * Twilio credentials.
     *
     * @param accountSid the account SID, starting with AC
     * @param authToken the auth token, which also signs webhooks
     * @param phoneNumber the Twilio number in E.164 form, the sender of outbound SMS
     * @param apiBaseUrl a different base URL for the REST API, empty for Twilio's own
     */
    public record Twilio(String accountSid, String authToken, String phoneNumber, Optional<String> apiBaseUrl) {

        @Override
        public String toString() {
            return "Twilio[accountSid=" + accountSid + ", authToken=(hidden), phoneNumber=" + phoneNumber
                    + ", apiBaseUrl=" + apiBaseUrl.orElse("(Twilio)") + "]";
        }
    }

    /**
     * Limits on the {@code send} command.
     *
     * @param dailyLimit the maximum number of {@code send} messages per phone in 24 hours
     * @param allowedCountries the ISO 3166 regions that may receive them
     */
    public record Send(int dailyLimit, List<String> allowedCountries) {
    }

    /**
     * The Kloudless app that accounts are linked through.
     *
     * @param appId the app's id, the OAuth client_id; empty when linking by OAuth is not set up
     * @param apiKey the app's API key, the OAuth client_secret; never logged or shown
     * @param baseUrl the API base URL of the Kloudless service or a compatible server
     */
    public record Kloudless(Optional<String> appId, Optional<String> apiKey, String baseUrl) {

        /** Returns whether accounts can be linked by OAuth. */
        public boolean oauthReady() {
            return appId.isPresent() && apiKey.isPresent();
        }

        @Override
        public String toString() {
            return "Kloudless[appId=" + appId.orElse("") + ", apiKey=" + (apiKey.isPresent() ? "(hidden)" : "")
                    + ", baseUrl=" + baseUrl + "]";
        }
    }

    /** Returns whether outbound SMS go to the simulator outbox instead of Twilio. */
    public boolean simulatorMode() {
        return twilio.isEmpty();
    }

    /** Returns the URL that Twilio signs for the SMS webhook. */
    public String webhookUrl() {
        return server.publicUrl() + "/sms";
    }
}
