package dev.textdrive.storage.kloudless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The secrets TextDrive stores to reach one Kloudless account, as JSON in the account's credentials column.
 *
 * @param accountId the Kloudless account id
 * @param accessToken the Bearer token; never logged or shown
 * @param baseUrl the API base URL, such as {@code https://api.kloudless.com}
 */
public record KloudlessCredentials(String accountId, String accessToken, String baseUrl) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode Kloudless credentials.", e);
        }
    }

    public static KloudlessCredentials fromJson(String json) {
        try {
            return JSON.readValue(json, KloudlessCredentials.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stored Kloudless credentials are not valid JSON.", e);
        }
    }

    @Override
    public String toString() {
        return "KloudlessCredentials[accountId=" + accountId + ", accessToken=(hidden), baseUrl=" + baseUrl + "]";
    }
}
