package dev.textdrive.gui.sessions;

import dev.textdrive.activity.ActivityEvent;
import dev.textdrive.app.TextDrive;
import dev.textdrive.gui.Background;
import dev.textdrive.gui.Services;
import dev.textdrive.gui.StatusReporter;
import dev.textdrive.gui.chat.ChatMessage;
import dev.textdrive.gui.chat.Conversation;
import dev.textdrive.gui.chat.LiveReload;
import dev.textdrive.gui.chat.TimeText;
import dev.textdrive.phone.Phone;
import dev.textdrive.phone.PhoneNumbers;
import dev.textdrive.session.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live sessions' state: one row per phone with where it is and what it sent last, and the conversation
 * of the selected phone. Activity events reload each of them at most once per batch, off the UI thread.
 */
public final class SessionsViewModel {

    /** The maximum number of messages of the selected conversation that the view keeps. */
    static final int CONVERSATION_LIMIT = 500;

    private final Services services;
    private final StatusReporter status;
    private final TimeText times;

    private final ObservableList<SessionRow> sessions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedPhone = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper conversationTitle = new ReadOnlyStringWrapper("");
    private final Conversation conversation = new Conversation(CONVERSATION_LIMIT);
    private final LiveReload<List<SessionRow>> overviewReload;
    private final LiveReload<Loaded> conversationReload;

    public SessionsViewModel(Services services, Background background, StatusReporter status) {
        this(services, background, status, Clock.systemDefaultZone());
    }

    SessionsViewModel(Services services, Background background, StatusReporter status, Clock clock) {
        this.services = services;
        this.status = status;
        this.times = new TimeText(clock);
        this.overviewReload = new LiveReload<>(background, "Loading the sessions", () -> this::loadOverview,
                this::applyOverview, error -> status.error("The sessions could not be loaded: " + error.getMessage()));
        this.conversationReload = new LiveReload<>(background, "Loading the conversation", this::conversationQuery,
                this::applyConversation,
                error -> status.error("The conversation could not be loaded: " + error.getMessage()));
    }

    /**
     * One row of the sessions table.
     *
     * @param phone the texter's number in E.164 form
     * @param number the number in international form, for display
     * @param label the operator's name for the phone, empty when none
     * @param account the account the texter is in, empty at the account list
     * @param folder the folder inside the account, such as {@code /Photos}; {@code /} at the account's top folder
     * @param lastCommand the last command text
     * @param lastActivity when the session last changed, written for display
     * @param updatedAt when the session last changed
     */
    public record SessionRow(String phone, String number, String label, String account, String folder,
                             String lastCommand, String lastActivity, Instant updatedAt) {

        /**
         * Returns the account and folder as the texter's replies name them, such as "Demo/Photos", or an empty
         * string at the account list.
         */
        public String location() {
            return folder.equals("/") ? account : account + folder;
        }
    }

    private record Loaded(String phone, List<ChatMessage> messages) {
    }

    /** Reloads the sessions and the selected conversation. */
    public void refresh() {
        if (!services.running()) {
            return;
        }
        overviewReload.request();
        if (selectedPhone.get() != null) {
            conversationReload.request();
        }
    }

    /** Reloads what a batch of live events changed: the sessions, and the conversation when its phone is involved. */
    public void activity(List<ActivityEvent> events) {
        if (events.isEmpty() || !services.running()) {
            return;
        }
        overviewReload.request();
        String phone = selectedPhone.get();
        if (phone != null && events.stream().anyMatch(event -> event.phone() == null || phone.equals(event.phone()))) {
            conversationReload.request();
        }
    }

    /** Shows the conversation of a phone, or none for null. */
    public void select(String phone) {
        if (Objects.equals(phone, selectedPhone.get())) {
            return;
        }
        selectedPhone.set(phone);
        conversation.clear();
        conversationTitle.set(phone == null ? "" : title(phone));
        if (phone != null && services.running()) {
            conversationReload.request();
        }
    }

    private List<SessionRow> loadOverview() {
        TextDrive app = services.app();
        Map<String, String> labels = app.phones().list().stream()
                .collect(Collectors.toMap(Phone::e164, Phone::label, (first, second) -> first));
        return app.sessions().overview().stream().map(overview -> row(overview, labels)).toList();
    }

    private SessionRow row(SessionStore.Overview overview, Map<String, String> labels) {
        boolean inAccount = !overview.accountName().isEmpty();
        String folder = inAccount && overview.folder().isEmpty() ? "/" : overview.folder();
        return new SessionRow(overview.phone(), PhoneNumbers.international(overview.phone()),
                labels.getOrDefault(overview.phone(), ""), overview.accountName(), folder, overview.lastCommand(),
                times.format(overview.updatedAt()), overview.updatedAt());
    }

    private void applyOverview(List<SessionRow> rows) {
        if (!rows.equals(sessions)) {
            sessions.setAll(rows);
        }
        String phone = selectedPhone.get();
        if (phone != null) {
            rows.stream().filter(row -> row.phone().equals(phone)).findFirst()
                    .ifPresent(row -> conversationTitle.set(title(row)));
        }
    }

    private Callable<Loaded> conversationQuery() {
        String phone = selectedPhone.get();
        return () -> {
            if (phone == null) {
                return new Loaded(null, List.of());
            }
            List<ChatMessage> messages = services.app().messages().conversation(phone, CONVERSATION_LIMIT).stream()
                    .map(message -> ChatMessage.of(message, times)).toList();
            return new Loaded(phone, messages);
        };
    }

    private void applyConversation(Loaded loaded) {
        String phone = selectedPhone.get();
        if (phone == null || !phone.equals(loaded.phone())) {
            // The selection changed while this load ran. select() requested the load for the new phone.
            return;
        }
        conversation.merge(loaded.messages());
    }

    private String title(String phone) {
        return sessions.stream().filter(row -> row.phone().equals(phone)).findFirst()
                .map(SessionsViewModel::title)
                .orElseGet(() -> PhoneNumbers.international(phone));
    }

    private static String title(SessionRow row) {
        return row.label().isEmpty() ? row.number() : row.number() + " · " + row.label();
    }

    /** Returns the row index of a phone, or -1 when it has no session. */
    public int indexOf(String phone) {
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).phone().equals(phone)) {
                return i;
            }
        }
        return -1;
    }

    public ObservableList<SessionRow> sessions() {
        return sessions;
    }

    /** Returns the E.164 number of the selected phone, null when none is selected. */
    public ReadOnlyStringProperty selectedPhoneProperty() {
        return selectedPhone.getReadOnlyProperty();
    }

    /** Returns the selected phone's number and label, such as "+1 555-555-0100 · Demo phone". */
    public ReadOnlyStringProperty conversationTitleProperty() {
        return conversationTitle.getReadOnlyProperty();
    }

    /** Returns the selected phone's messages, oldest first. */
    public ObservableList<ChatMessage> conversation() {
        return conversation.messages();
    }
}
