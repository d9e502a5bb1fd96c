package dev.textdrive.gui.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.app.DemoSetup;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.chat.ChatMessage;
import dev.textdrive.gui.chat.LiveCore;
import dev.textdrive.gui.chat.RecordingStatus;
import dev.textdrive.gui.simulator.SimulatorViewModel.OutboxEntry;
import dev.textdrive.gui.simulator.SimulatorViewModel.PhoneChoice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorViewModelTest {

    @TempDir
    Path directory;

    private LiveCore core;
    private final RecordingStatus status = new RecordingStatus();
    private SimulatorViewModel model;

    @BeforeEach
    void start() throws Exception {
        core = LiveCore.start(directory);
        model = new SimulatorViewModel(core.services(), Background.direct(), status);
    }

    @AfterEach
    void close() {
        core.close();
    }

    private void text(String body) {
        model.draftProperty().set(body);
        model.send();
    }

    @Test
    void refreshChoosesDemoPhoneAndListsVerifiedFirst() {
        core.services().app().phones().add("+14155550100", "Pending phone", false, "test");

        model.refresh();

        assertEquals(DemoSetup.DEMO_PHONE, model.phoneProperty().get().e164());
        assertEquals(List.of(DemoSetup.DEMO_PHONE, "+14155550100"),
                model.phones().stream().map(PhoneChoice::e164).toList());
        assertEquals("+1 202-555-0100 · Demo phone", model.phones().get(0).display());
        assertEquals("+1 415-555-0100 · Pending phone (pending)", model.phones().get(1).display());
        assertFalse(model.phones().get(1).verified());
        assertEquals(SimulatorViewModel.TRY_DEMO_COMMANDS, model.emptyStateProperty().get());
        model.phoneProperty().set(model.phones().get(1));
        assertEquals(SimulatorViewModel.TRY_COMMANDS, model.emptyStateProperty().get());
    }

    @Test
    void sendLsRepliesWithAccounts() {
        model.refresh();

        text("ls");

        List<ChatMessage> conversation = model.conversation();
        assertEquals(2, conversation.size());
        assertEquals("ls", conversation.get(0).body());
        assertFalse(conversation.get(0).outbound());
        assertEquals("Your accounts:\n1 Demo", conversation.get(1).body());
        assertTrue(conversation.get(1).outbound());
        assertTrue(conversation.get(1).meta().endsWith(" · reply"), conversation.get(1).meta());
        assertEquals("", model.draftProperty().get());
        assertFalse(model.sendingProperty().get());
        assertEquals(List.of(), status.errors);
    }

    @Test
    void sendCommandShowsInOutbox() {
        model.refresh();
        text("cd 1");
        String listing = model.conversation().get(1).body();

        assertTrue(listing.contains("4 Welcome.txt"), listing);

        text("send 4 +1 201 555 0123");

        OutboxEntry sent = model.outbox().get(0);
        assertEquals(1, model.outbox().size());
        assertEquals("+1 201-555-0123", sent.to());
        assertEquals("shared link", sent.purpose());
        assertTrue(sent.body().startsWith("+1 202-555-0100 sent you Welcome.txt"), sent.body());
        assertTrue(sent.body().contains(LiveCore.PUBLIC_URL + "/d/"), sent.body());
        assertTrue(sent.meta().endsWith(" · simulated"), sent.meta());
        assertTrue(model.conversation().get(3).body().startsWith("Sent Welcome.txt"), model.conversation().get(3).body());
    }

    @Test
    void emptyStateAsksForPhoneWhenNoneExist() {
        core.services().app().phones().remove(DemoSetup.DEMO_PHONE, "test");

        model.refresh();

        assertEquals(List.of(), model.phones());
        assertEquals(List.of(), model.conversation());
        assertEquals(null, model.phoneProperty().get());
        assertEquals(SimulatorViewModel.NO_PHONES, model.emptyStateProperty().get());
        assertFalse(model.canSendProperty().get());
        text("ls");
        assertEquals(List.of("Add a phone on the Phones screen first, then text as it here."), status.errors);
        assertEquals("ls", model.draftProperty().get());
    }

    @Test
    void unreachableServerKeepsDraftAndExplains() {
        model.refresh();
        text("ls");
        core.services().app().server().stop();

        text("help");

        assertEquals("help", model.draftProperty().get());
        assertEquals(List.of("The server did not accept the connection. Restart TextDrive and try again."), status.errors);
        assertEquals(2, model.conversation().size());
    }

    @Test
    void stoppedServerKeepsDraftAndExplains() {
        model.refresh();
        core.services().app().server().stop();

        text("ls");

        assertEquals("ls", model.draftProperty().get());
        assertEquals(List.of("The web server is not running. Restart TextDrive and try again."), status.errors);
    }

    @Test
    void activityFromAnotherClientUpdatesConversation() throws Exception {
        model.refresh();
        core.takeEvents();

        core.webhook().send(DemoSetup.DEMO_PHONE, "help");
        model.activity(core.takeEvents());

        assertEquals(List.of("help"), model.conversation().stream().filter(message -> !message.outbound())
                .map(ChatMessage::body).toList());
        assertEquals(2, model.conversation().size());
    }

    @Test
    void choosingAnotherPhoneShowsItsConversation() throws Exception {
        core.services().app().phones().add("+15555550111", "Second", true, "test");
        model.refresh();
        text("ls");

        model.phoneProperty().set(model.phones().stream().filter(choice -> choice.e164().equals("+15555550111"))
                .findFirst().orElseThrow());

        assertEquals(List.of(), model.conversation());
        text("ls");
        assertEquals(2, model.conversation().size());
        assertEquals("This number is not registered with TextDrive. Ask the operator for access.",
                model.conversation().get(1).body());
    }
}
