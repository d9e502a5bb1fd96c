package dev.textdrive.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A stored one-time code: only its salted SHA-256 hash is kept, and it is compared in constant time.
 *
 * @param hash the hex SHA-256 of the salt followed by the code
 * @param salt the random hex salt
 * @param createdAt when the code was sent
 * @param expiresAt when it stops being accepted
 * @param attempts how many wrong codes were entered against it
 */
public record VerificationCode(String hash, String salt, Instant createdAt, Instant expiresAt, int attempts) {

    /** How long a code stays valid. */
    public static final Duration EXPIRY = Duration.ofMinutes(10);
    /** Wrong entries after which a code is invalidated. */
    public static final int MAX_ATTEMPTS = 5;
    /** The number of digits of a code. */
    public static final int DIGITS = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Returns a new random code of {@link #DIGITS} digits, leading zeros included. */
    public static String randomDigits() {
        return String.format("%0" + DIGITS + "d", RANDOM.nextInt(1_000_000));
    }

    /** Returns the stored form of a new code, valid from {@code now} for {@link #EXPIRY}. */
    public static VerificationCode issue(String code, Instant now) {
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return new VerificationCode(hash(salt, code), salt, now, now.plus(EXPIRY), 0);
    }

    /** Returns whether an entered code matches, comparing the hashes in constant time. */
    public boolean matches(String entered) {
        byte[] expected = HexFormat.of().parseHex(hash);
        byte[] actual = HexFormat.of().parseHex(hash(salt, entered));
        return MessageDigest.isEqual(expected, actual);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean lockedOut() {
        return attempts >= MAX_ATTEMPTS;
    }

    private static String hash(String salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((salt + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime.", e);
        }
    }
}
