package dev.textdrive.storage.kloudless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.storage.StorageException;
import dev.textdrive.testing.FakeKloudless;
import dev.textdrive.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Kloudless API client against the fake server: paging, and how each failure is classified. */
class KloudlessClientTest {

    private static final String TOKEN = "tok-client-1a2b3c4d";
    private static final Clock CLOCK = MutableClock.at("2026-12-04T12:00:00Z");

    private FakeKloudless fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeKloudless();
        fake.addAccount("acc-ann", "dropbox", "ann@example.com", TOKEN);
        fake.addAccount("acc-bob", "box", "bob@example.com", "tok-bob");
        for (int i = 1; i <= 5; i++) {
            fake.addFile("acc-ann", "root", "file-" + i, "f" + i + ".txt", ("x" + i).getBytes(StandardCharsets.UTF_8), null);
        }
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
    }

    @Test
    void contentsPagesByPageSize() throws Exception {
        KloudlessClient client = new KloudlessClient(fake.baseUrl() + "/", "acc-ann", TOKEN, CLOCK);

        KloudlessClient.ContentsPage first = client.contents("root", null, 2);
        KloudlessClient.ContentsPage last = client.contents("root", "3", 2);

        assertEquals(2, first.objects().size());
        assertEquals("file-1", first.objects().get(0).path("id").asText());
        assertEquals(Optional.of("2"), first.nextPage());
        assertEquals(1, last.objects().size());
        assertEquals("file-5", last.objects().get(0).path("id").asText());
        assertEquals(Optional.empty(), last.nextPage());
        assertEquals(List.of(1, 3), fake.contentsRequests().stream().map(FakeKloudless.ContentsRequest::page).toList());
    }

    @Test
    void accountReadsMetadata() throws Exception {
        KloudlessClient.AccountInfo info = new KloudlessClient(fake.baseUrl(), "acc-ann", TOKEN, CLOCK).account();

        assertEquals("acc-ann", info.id());
        assertEquals("ann@example.com", info.account());
        assertEquals("Dropbox", info.serviceName());
        assertTrue(info.active());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            rejected token,    UNAUTHORIZED
            missing folder,    NOT_FOUND
            other account,     FORBIDDEN
            server error,      UNAVAILABLE
            long retry-after,  UNAVAILABLE
            """)
    void failureHasReason(String failure, StorageException.Reason reason) {
        String accountId = "acc-ann";
        switch (failure) {
            case "rejected token" -> fake.rejectToken(TOKEN);
            case "missing folder" -> fake.makeMissing("root");
            case "other account" -> accountId = "acc-bob";
            case "server error" -> fake.fail(1, 500);
            case "long retry-after" -> fake.rateLimit(1, 60);
            default -> throw new IllegalArgumentException(failure);
        }
        KloudlessClient client = new KloudlessClient(fake.baseUrl(), accountId, TOKEN, CLOCK);

        StorageException thrown = assertThrows(StorageException.class, () -> client.contents("root", null, 10));

        assertEquals(reason, thrown.reason());
        assertTrue(thrown.getMessage().startsWith("Kloudless error "), thrown.getMessage());
        assertFalse(thrown.getMessage().contains(TOKEN), thrown.getMessage());
    }

    @Test
    void linkCarriesExpiration() throws Exception {
        Instant expiresAt = Instant.parse("2026-12-05T12:00:00Z");

        String url = new KloudlessClient(fake.baseUrl(), "acc-ann", TOKEN, CLOCK).createLink("file-2", expiresAt);

        assertEquals(1, fake.linkRequests().size());
        assertEquals(url, fake.linkRequests().get(0).url());
        assertEquals(expiresAt, fake.linkRequests().get(0).expiration());
        assertTrue(fake.linkRequests().get(0).direct());
    }

    @Test
    void wrongClientSecretIsUnauthorized() {
        fake.addApp("app-1", "key-right");

        StorageException thrown = assertThrows(StorageException.class, () -> KloudlessClient.exchangeCode(
                fake.baseUrl(), "code-1", "http://127.0.0.1:1/callback", "app-1", "key-wrong", CLOCK));

        assertEquals(StorageException.Reason.UNAUTHORIZED, thrown.reason());
        assertFalse(thrown.getMessage().contains("key-wrong"), thrown.getMessage());
    }

    @Test
    void unknownCodeIsUnauthorized() {
        fake.addApp("app-1", "key-right");

        StorageException thrown = assertThrows(StorageException.class, () -> KloudlessClient.exchangeCode(
                fake.baseUrl(), "code-never-issued", "http://127.0.0.1:1/callback", "app-1", "key-right", CLOCK));

        assertEquals(StorageException.Reason.UNAUTHORIZED, thrown.reason());
        assertEquals(1, fake.tokenRequests().size());
        assertEquals("code-never-issued", fake.tokenRequests().get(0).get("code"));
    }
}
