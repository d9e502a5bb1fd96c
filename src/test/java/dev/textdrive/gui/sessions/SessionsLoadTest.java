package dev.textdrive.gui.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.textdrive.gui.GuiFixture;
import dev.textdrive.gui.chat.ChatMessage;
import dev.textdrive.gui.sessions.SessionsViewModel.SessionRow;
import dev.textdrive.sms.MessageLog;
import dev.textdrive.sms.SimulatedWebhook;
import dev.textdrive.storage.StorageAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live sessions screen while signed webhooks arrive at 50 a second for 2 seconds: every message reaches
 * the conversation, and tasks posted to the UI thread run within a bound.
 */
@ExtendWith(ApplicationExtension.class)
class SessionsLoadTest {

    private static final String PHONE = "+15555550100";
    private static final int RATE_PER_SECOND = 50;
    private static final int MESSAGES = 100;
    /**
     * The maximum time a task posted to the UI thread may wait during the load. Batched reloads keep the wait
     * at a few milliseconds; a screen that reloaded on the UI thread per message would miss it.
     */
    private static final long PROBE_BOUND_MILLIS = 500;
    /** The maximum number of times the conversation may grow during the load, far fewer than its messages. */
    private static final int MAX_APPENDS = 40;

    @TempDir
    static Path directory;

    private GuiFixture fixture;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousDefault;
    private Thread.UncaughtExceptionHandler previousFx;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(directory, "run");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        fixture = GuiFixture.start(run, stage, "");
        Path folder = Files.createDirectories(run.resolve("Work"));
        Files.writeString(folder.resolve("notes.txt"), "hello");
        var app = fixture.services().app();
        app.phones().add(PHONE, "Load", true, "test");
        app.accounts().add("Work", StorageAccount.LOCAL, folder.toString(), null, "test");
        app.accounts().grant(PHONE, "Work", "test");

        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        // Exceptions thrown by tasks on the UI thread go to that thread's own handler, when it has one.
        // TestFX calls this method on the UI thread.
        assertTrue(Platform.isFxApplicationThread());
        previousFx = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> Thread.currentThread().setUncaughtExceptionHandler(previousFx));
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        fixture.services().close();
        fixture.close();
    }

    private SimulatedWebhook webhook() {
        var services = fixture.services();
        return new SimulatedWebhook(services.app().server().localUrl() + "/sms", services.config().webhookUrl(),
                services.app().signature(), SimulatedWebhook.SIMULATOR_ACCOUNT_SID, SimulatedWebhook.SIMULATOR_NUMBER);
    }

    @Test
    void fiftyMessagesPerSecondReachConversation(FxRobot robot) throws Exception {
        SimulatedWebhook webhook = webhook();
        webhook.send(PHONE, "ls");
        robot.clickOn("Live sessions");
        @SuppressWarnings("unchecked")
        TableView<SessionRow> table = robot.lookup("#sessions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        @SuppressWarnings("unchecked")
        ListView<ChatMessage> conversation = robot.lookup("#conversation").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> conversation.getItems().size() == 2);

        AtomicInteger appends = new AtomicInteger();
        robot.interact(() -> conversation.getItems().addListener((ListChangeListener<ChatMessage>) change -> {
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced()) {
                    appends.incrementAndGet();
                }
            }
        }));

        // One thread starts a post every 20 ms; a small pool carries the posts, so a slow reply does not delay the next.
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<CompletableFuture<SimulatedWebhook.Result>> posts = new CopyOnWriteArrayList<>();
        AtomicInteger started = new AtomicInteger();
        CompletableFuture<Void> allStarted = new CompletableFuture<>();
        BlockingQueue<Integer> ticks = new LinkedBlockingQueue<>();
        clock.scheduleAtFixedRate(() -> {
            int number = started.incrementAndGet();
            ticks.add(number);
            if (number > MESSAGES) {
                allStarted.complete(null);
                return;
            }
            posts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return webhook.send(PHONE, number % 2 == 0 ? "ls" : "help");
                } catch (Exception e) {
                    throw new IllegalStateException("Post " + number + " failed: " + e.getMessage(), e);
                }
            }, senders));
        }, 0, 1000 / RATE_PER_SECOND, TimeUnit.MILLISECONDS);

        List<Long> probeMillis = new ArrayList<>();
        long loadStart = System.nanoTime();
        try {
            while (!allStarted.isDone() || posts.stream().anyMatch(post -> !post.isDone())) {
                // One probe per tick of the sender's clock, so probing does not crowd out the UI thread's own work.
                ticks.poll(1, TimeUnit.SECONDS);
                long before = System.nanoTime();
                Future<Void> probe = WaitForAsyncUtils.asyncFx(() -> { });
                WaitForAsyncUtils.waitFor(PROBE_BOUND_MILLIS, TimeUnit.MILLISECONDS, probe);
                probeMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before));
            }
        } finally {
            clock.shutdownNow();
            senders.shutdown();
        }

        for (CompletableFuture<SimulatedWebhook.Result> post : posts) {
            assertEquals(200, post.get().status());
        }
        assertEquals(MESSAGES, posts.size());
        int expected = 2 + 2 * MESSAGES;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> conversation.getItems().size() == expected);
        List<Long> stored = fixture.services().app().messages().conversation(PHONE, 1000).stream()
                .map(MessageLog.StoredMessage::id).toList();
        assertEquals(stored, conversation.getItems().stream().map(ChatMessage::id).toList());
        assertEquals(PHONE, table.getSelectionModel().getSelectedItem().phone());
        // Events arrive in batches every 250 ms, so about ten reloads append the 200 messages, not one per message.
        assertTrue(appends.get() <= MAX_APPENDS, "appends: " + appends.get());
        assertTrue(probeMillis.size() > 10, "probes: " + probeMillis.size());
        System.out.println("Appends: " + appends.get() + ". Load took " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStart)
                + " ms; UI thread probes: " + probeMillis.size() + ", slowest "
                + probeMillis.stream().mapToLong(Long::longValue).max().orElse(0) + " ms");
        assertEquals(List.of(), uncaught);
    }
}
