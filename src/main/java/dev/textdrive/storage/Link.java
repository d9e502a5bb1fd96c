package dev.textdrive.storage;

import java.time.Instant;

/**
 * A download link that TextDrive serves itself at {@code <public_url>/d/<token>}.
 *
 * @param token the random token in the URL
 * @param accountId the account the file belongs to
 * @param fileId the provider's id of the file
 * @param fileName the file's name when the link was made
 * @param expiresAt when the link stops working
 */
public record Link(String token, long accountId, String fileId, String fileName, Instant expiresAt) {
}
