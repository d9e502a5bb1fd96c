package dev.textdrive.gui.simulator;

import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.app.DemoSetup;
import dev.textdrive.app.TextDrive;
import dev.textdrive.config.Config;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.chat.ChatMessage;
import dev.textdrive.gui.chat.Conversation;
import dev.textdrive.gui.chat.LiveReload;
import dev.textdrive.gui.chat.Purposes;
import dev.textdrive.gui.chat.TimeText;
import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.sms.MessageLog;
import dev.textdrive.sms.RateLimit;
import dev.textdrive.sms.SimulatedWebhook;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The simulator's state: the phone to text as, the message being typed, the conversation of that phone and
 * the outbox. Messages go through the real webhook: a signed HTTP request to the embedded server.
 */
public final class SimulatorViewModel {

    static final int CONVERSATION_LIMIT = 200;
    static final int OUTBOX_LIMIT = 50;
    static final String NO_PHONES = "No phones yet — add one on the Phones screen, then text as it here.";
    static final String TRY_COMMANDS = "Text TextDrive as this phone. Try ls to list its accounts, then cd 1 to "
            + "open the first, and get with a file's number for a download link.";
    /** The demo account lists three folders and then Welcome.txt, so its first file is number 4. */
    static final String TRY_DEMO_COMMANDS = "Text TextDrive as the demo phone. Try ls, then cd 1 to open the demo "
            + "account, and get 4 for a download link to Welcome.txt.";

    private final Services services;
    private final Background background;
    private final StatusReporter status;
    private final TimeText times;

    private final ObservableList<PhoneChoice> phones = FXCollections.observableArrayList();
    private final ObjectProperty<PhoneChoice> phone = new SimpleObjectProperty<>();
    private final StringProperty draft = new SimpleStringProperty("");
    private final BooleanProperty sending = new SimpleBooleanProperty(false);
    private final BooleanProperty twilioMode = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper emptyState = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSend;
    private final Conversation conversation = new Conversation(CONVERSATION_LIMIT);
    private final ObservableList<OutboxEntry> outbox = FXCollections.observableArrayList();
    private final Deque<Outgoing> queue = new ArrayDeque<>();
    private final LiveReload<List<PhoneChoice>> phonesReload;
    private final LiveReload<Loaded> conversationReload;
    private final LiveReload<List<OutboxEntry>> outboxReload;

    private TextDrive webhookApp;
    private SimulatedWebhook webhook;

    public SimulatorViewModel(Services services, Background background, StatusReporter status) {
        this(services, background, status, Clock.systemDefaultZone());
    }

    SimulatorViewModel(Services services, Background background, StatusReporter status, Clock clock) {
        this.services = services;
        this.background = background;
        this.status = status;
        this.times = new TimeText(clock);
        this.phonesReload = new LiveReload<>(background, "Loading the phones", () -> this::loadPhones,
                this::applyPhones, error -> status.error("The phones could not be loaded: " + error.getMessage()));
        this.conversationReload = new LiveReload<>(background, "Loading the conversation", this::conversationQuery,
                this::applyConversation,
                error -> status.error("The conversation could not be loaded: " + error.getMessage()));
        this.outboxReload = new LiveReload<>(background, "Loading the outbox", () -> this::loadOutbox,
                outbox::setAll, error -> status.error("The outbox could not be loaded: " + error.getMessage()));
        this.canSend = Bindings.createBooleanBinding(
                () -> phone.get() != null && draft.get() != null && !draft.get().isBlank(), phone, draft);
        phone.addListener((observable, old, chosen) -> {
            if (old != null && chosen != null && old.e164().equals(chosen.e164())) {
                return;
            }
            conversation.clear();
            updateEmptyState();
            if (chosen != null && services.running()) {
                conversationReload.request();
            }
        });
    }

    /**
     * A phone the simulator can text as.
     *
     * @param e164 the number in E.164 form
     * @param display the number in international form with its label and state, such as
     *                "+1 555-555-0100 · Demo phone"
     * @param verified whether the phone is verified and not opted out, so TextDrive runs its commands
     */
    public record PhoneChoice(String e164, String display, boolean verified) {

        @Override
        public String toString() {
            return display;
        }
    }

    /**
     * One SMS of the outbox.
     *
     * @param id the message log's row id
     * @param to the recipient in international form
     * @param purpose why it was sent, such as "shared link"
     * @param body the text
     * @param meta the time and the delivery status, such as "14:02:11 · simulated"
     */
    public record OutboxEntry(long id, String to, String purpose, String body, String meta) {
    }

    private record Loaded(String phone, List<ChatMessage> messages) {
    }

    /** A message waiting to be posted. */
    private record Outgoing(String from, String text) {
    }

    /** Reloads the phones, the conversation and the outbox. */
    public void refresh() {
        if (!services.running()) {
            return;
        }
        twilioMode.set(services.config().twilio().isPresent());
        phonesReload.request();
        outboxReload.request();
        if (phone.get() != null) {
            conversationReload.request();
        }
    }

    /** Reloads what a batch of live events changed. */
    public void activity(List<ActivityEvent> events) {
        if (events.isEmpty() || !services.running()) {
            return;
        }
        if (events.stream().anyMatch(event -> event.kind() == ActivityEvent.Kind.DIRECTORY)) {
            phonesReload.request();
        }
        if (events.stream().anyMatch(event -> event.kind() == ActivityEvent.Kind.MESSAGE)) {
            outboxReload.request();
        }
        PhoneChoice chosen = phone.get();
        if (chosen != null && events.stream().anyMatch(event -> chosen.e164().equals(event.phone()))) {
            conversationReload.request();
        }
    }

    /**
     * Posts the typed message as the chosen phone to the webhook, and shows the reply when it returns. A message
     * typed while another is on its way waits for it, so that the texter's commands arrive in order.
     */
    public void send() {
        PhoneChoice from = phone.get();
        String text = draft.get() == null ? "" : draft.get().strip();
        if (from == null) {
            status.error(phones.isEmpty() ? "Add a phone on the Phones screen first, then text as it here."
                    : "Choose the phone to text as first.");
            return;
        }
        if (text.isEmpty()) {
            return;
        }
        if (!services.running()) {
            status.error("The server is not running, so the message cannot be sent. Check Settings and restart.");
            return;
        }

        draft.set("");
        queue.add(new Outgoing(from.e164(), text));
        if (!sending.get()) {
            sendNext();
        }
    }

    private void sendNext() {
        Outgoing next = queue.poll();
        if (next == null) {
            sending.set(false);
            return;
        }
        sending.set(true);
        background.run("Sending \"" + next.text() + "\"", () -> webhook().send(next.from(), next.text()),
                result -> {
                    if (didSend(next.text(), result)) {
                        sendNext();
                    } else {
                        dropQueue();
                    }
                },
                error -> {
                    restoreDraft(next.text());
                    status.error(describe(error));
                    dropQueue();
                });
    }

    /** Forgets the messages waiting behind a failed one, because they would most likely fail the same way. */
    private void dropQueue() {
        queue.clear();
        sending.set(false);
    }

    /** Shows the outcome of one message and returns false when it failed. */
    private boolean didSend(String text, SimulatedWebhook.Result result) {
        if (result.status() == 403) {
            restoreDraft(text);
            status.error("The webhook rejected the message's signature. Check server.public_url in Settings.");
            return false;
        }
        if (result.status() != 200) {
            restoreDraft(text);
            status.error("The webhook returned HTTP " + result.status() + " to \"" + text + "\". See the log for details.");
            return false;
        }
        if (result.reply().isEmpty()) {
            status.info("TextDrive sent no reply to \"" + text + "\". It stays silent after STOP, and tells an "
                    + "unregistered number so at most once every "
                    + RateLimit.UNREGISTERED_NOTICE.period().toMinutes() + " minutes.");
        }
        conversationReload.request();
        outboxReload.request();
        return true;
    }

    private void restoreDraft(String text) {
        if (draft.get() == null || draft.get().isEmpty()) {
            draft.set(text);
        }
    }

    /** Returns the error of a failed request in plain words, with what to do next. */
    static String describe(Exception error) {
        if (error instanceof ConnectException) {
            return "The server did not accept the connection. Restart TextDrive and try again.";
        }
        if (error instanceof HttpTimeoutException) {
            return "The webhook timed out. See the log for details.";
        }
        if (error instanceof IOException) {
            return "The message could not be delivered to the webhook: " + error.getMessage();
        }
        if (error instanceof IllegalStateException) {
            // The core throws this when the server or the core itself is not running.
            return error.getMessage() + " Restart TextDrive and try again.";
        }
        if (error instanceof InterruptedException) {
            return "Sending was interrupted. Try again.";
        }
        return "The message could not be sent: " + error.getMessage();
    }

    /** Returns the webhook client of the running core, built again after a restart. */
    private synchronized SimulatedWebhook webhook() {
        TextDrive app = services.app();
        if (webhook == null || webhookApp != app) {
            Config config = services.config();
            // With Twilio configured, the webhook checks the auth token, and signature() signs with it.
            webhook = new SimulatedWebhook(app.server().localUrl() + "/sms", app.webhookUrl(), app.signature(),
                    config.twilio().map(Config.Twilio::accountSid).orElse(SimulatedWebhook.SIMULATOR_ACCOUNT_SID),
                    config.twilio().map(Config.Twilio::phoneNumber).orElse(SimulatedWebhook.SIMULATOR_NUMBER));
            webhookApp = app;
        }
        return webhook;
    }

    private List<PhoneChoice> loadPhones() {
        return services.app().phones().list().stream()
                .sorted(Comparator.comparing((Phone each) -> rank(each)).thenComparing(Phone::e164))
                .map(SimulatorViewModel::choice)
                .toList();
    }

    /** Returns the sort rank of a phone: verified first, then pending, then opted out. */
    private static int rank(Phone phone) {
        if (phone.optedOutAt().isPresent()) {
            return 2;
        }
        return phone.verified() ? 0 : 1;
    }

    private static PhoneChoice choice(Phone phone) {
        StringBuilder display = new StringBuilder(PhoneNumbers.international(phone.e164()));
        if (!phone.label().isEmpty()) {
            display.append(" · ").append(phone.label());
        }
        if (rank(phone) > 0) {
            display.append(" (").append(phone.state()).append(')');
        }
        return new PhoneChoice(phone.e164(), display.toString(), rank(phone) == 0);
    }

    private void applyPhones(List<PhoneChoice> loaded) {
        PhoneChoice current = phone.get();
        if (!loaded.equals(phones)) {
            phones.setAll(loaded);
        }
        phone.set(pick(loaded, current == null ? null : current.e164()).orElse(null));
        updateEmptyState();
    }

    private void updateEmptyState() {
        PhoneChoice chosen = phone.get();
        if (chosen == null) {
            emptyState.set(phones.isEmpty() ? NO_PHONES : "Choose the phone to text as.");
        } else {
            emptyState.set(chosen.e164().equals(DemoSetup.DEMO_PHONE) ? TRY_DEMO_COMMANDS : TRY_COMMANDS);
        }
    }

    /** Returns the phone to text as: the current one if it still exists, else the demo phone, else the first. */
    private static Optional<PhoneChoice> pick(List<PhoneChoice> choices, String current) {
        for (String preferred : new String[] {current, DemoSetup.DEMO_PHONE}) {
            Optional<PhoneChoice> match = choices.stream().filter(choice -> choice.e164().equals(preferred)).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return choices.stream().findFirst();
    }

    private Callable<Loaded> conversationQuery() {
        PhoneChoice chosen = phone.get();
        return () -> {
            if (chosen == null) {
                return new Loaded(null, List.of());
            }
            List<ChatMessage> messages = services.app().messages().conversation(chosen.e164(), CONVERSATION_LIMIT)
                    .stream().map(message -> ChatMessage.of(message, times)).toList();
            return new Loaded(chosen.e164(), messages);
        };
    }

    private void applyConversation(Loaded loaded) {
        PhoneChoice chosen = phone.get();
        // A load for a phone that is no longer chosen is dropped. Choosing the new phone requested its load.
        if (chosen != null && chosen.e164().equals(loaded.phone())) {
            conversation.merge(loaded.messages());
        }
    }

    private List<OutboxEntry> loadOutbox() {
        return services.app().messages().outbox(OUTBOX_LIMIT).stream().map(this::entry).toList();
    }

    private OutboxEntry entry(MessageLog.StoredMessage message) {
        return new OutboxEntry(message.id(), PhoneNumbers.international(message.phone()),
                Purposes.label(message.purpose()), message.body(),
                times.format(message.createdAt()) + " · " + message.status());
    }

    public ObservableList<PhoneChoice> phones() {
        return phones;
    }

    /** Returns the phone the simulator texts as. */
    public ObjectProperty<PhoneChoice> phoneProperty() {
        return phone;
    }

    /** Returns the message being typed. */
    public StringProperty draftProperty() {
        return draft;
    }

    /** Returns whether a message is on its way to the webhook. */
    public ReadOnlyBooleanProperty sendingProperty() {
        return sending;
    }

    /** Returns whether a phone is chosen and a message typed. */
    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /** Returns whether Twilio is configured, so that {@code send} texts real phones. */
    public ReadOnlyBooleanProperty twilioModeProperty() {
        return twilioMode;
    }

    /** Returns the text of the empty conversation: how to start, or that a phone must be added first. */
    public ReadOnlyStringProperty emptyStateProperty() {
        return emptyState.getReadOnlyProperty();
    }

    /** Returns the chosen phone's messages, oldest first. */
    public ObservableList<ChatMessage> conversation() {
        return conversation.messages();
    }

    /** Returns the latest outbound SMS, newest first. */
    public ObservableList<OutboxEntry> outbox() {
        return outbox;
    }
}
