package dev.textdrive.gui.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.app.DemoSetup;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.chat.ChatMessage;
import dev.textdrive.gui.chat.LiveCore;
import dev.textdrive.gui.chat.RecordingStatus;
import dev.textdrive.gui.sessions.SessionsViewModel.SessionRow;
import dev.textdrive.sms.SimulatedWebhook;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsViewModelTest {

    private static final String OTHER_PHONE = "+15555550111";

    @TempDir
    Path directory;

    private LiveCore core;
    private SimulatedWebhook webhook;
    private final RecordingStatus status = new RecordingStatus();
    private SessionsViewModel model;

    @BeforeEach
    void start() throws Exception {
        core = LiveCore.start(directory);
        webhook = core.webhook();
        model = new SessionsViewModel(core.services(), Background.direct(), status);
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void emptyBeforeAnyText() {
        model.refresh();

        assertEquals(List.of(), model.sessions());
        assertEquals(null, model.selectedPhoneProperty().get());
        assertEquals(List.of(), model.conversation());
    }

    @Test
    void overviewReflectsCd() throws Exception {
        webhook.send(DemoSetup.DEMO_PHONE, "ls");
        webhook.send(DemoSetup.DEMO_PHONE, "cd 1");

        model.refresh();

        assertEquals(1, model.sessions().size());
        SessionRow row = model.sessions().get(0);
        assertEquals(DemoSetup.DEMO_PHONE, row.phone());
        assertEquals("+1 202-555-0100", row.number());
        assertEquals("Demo phone", row.label());
        assertEquals(DemoSetup.DEMO_ACCOUNT, row.account());
        assertEquals("/", row.folder());
        assertEquals("Demo", row.location());
        assertEquals("cd 1", row.lastCommand());
        assertFalse(row.lastActivity().isEmpty());
        assertEquals(List.of(), status.errors);
    }

    @Test
    void overviewShowsFolderAfterSecondCd() throws Exception {
        webhook.send(DemoSetup.DEMO_PHONE, "cd 1");
        webhook.send(DemoSetup.DEMO_PHONE, "cd 3");

        model.refresh();

        assertEquals("/Photos", model.sessions().get(0).folder());
        assertEquals("Demo/Photos", model.sessions().get(0).location());
    }

    @Test
    void overviewShowsAccountListAsEmptyLocation() throws Exception {
        webhook.send(DemoSetup.DEMO_PHONE, "ls");

        model.refresh();

        assertEquals("", model.sessions().get(0).account());
        assertEquals("", model.sessions().get(0).folder());
        assertEquals("", model.sessions().get(0).location());
    }

    @Test
    void selectShowsConversationOldestFirst() throws Exception {
        webhook.send(DemoSetup.DEMO_PHONE, "ls");
        webhook.send(DemoSetup.DEMO_PHONE, "cd 1");
        model.refresh();

        model.select(DemoSetup.DEMO_PHONE);

        List<ChatMessage> conversation = model.conversation();
        assertEquals(List.of("ls", "Your accounts:\n1 Demo", "cd 1"),
                conversation.subList(0, 3).stream().map(ChatMessage::body).toList());
        assertTrue(conversation.get(3).body().startsWith("Demo:"), conversation.get(3).body());
        assertEquals(List.of(false, true, false, true), conversation.stream().map(ChatMessage::outbound).toList());
        assertEquals("+1 202-555-0100 · Demo phone", model.conversationTitleProperty().get());
    }

    @Test
    void activityUpdatesRowsAndKeepsSelection() throws Exception {
        core.services().app().phones().add(OTHER_PHONE, "", true, "test");
        core.services().app().accounts().grant(OTHER_PHONE, DemoSetup.DEMO_ACCOUNT, "test");
        webhook.send(DemoSetup.DEMO_PHONE, "ls");
        model.refresh();
        model.select(DemoSetup.DEMO_PHONE);
        core.takeEvents();

        webhook.send(OTHER_PHONE, "cd 1");
        webhook.send(DemoSetup.DEMO_PHONE, "help");
        model.activity(core.takeEvents());

        assertEquals(List.of(DemoSetup.DEMO_PHONE, OTHER_PHONE), model.sessions().stream().map(SessionRow::phone).toList());
        assertEquals(DemoSetup.DEMO_PHONE, model.selectedPhoneProperty().get());
        assertEquals(4, model.conversation().size());
        assertEquals("help", model.conversation().get(2).body());
        assertEquals(1, model.indexOf(OTHER_PHONE));
        assertEquals("cd 1", model.sessions().get(1).lastCommand());
    }

    @Test
    void activityOfOtherPhoneLeavesConversation() throws Exception {
        core.services().app().phones().add(OTHER_PHONE, "", true, "test");
        webhook.send(DemoSetup.DEMO_PHONE, "ls");
        model.refresh();
        model.select(DemoSetup.DEMO_PHONE);
        List<ChatMessage> before = List.copyOf(model.conversation());
        core.takeEvents();

        webhook.send(OTHER_PHONE, "ls");
        model.activity(core.takeEvents());

        assertEquals(before, model.conversation());
    }

    @Test
    void selectNoneClearsConversation() throws Exception {
        webhook.send(DemoSetup.DEMO_PHONE, "ls");
        model.refresh();
        model.select(DemoSetup.DEMO_PHONE);

        model.select(null);

        assertEquals(List.of(), model.conversation());
        assertEquals("", model.conversationTitleProperty().get());
    }
}
