package dev.textdrive.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.textdrive.sms.SegmentCounter;
import dev.textdrive.sms.SmsText;
import dev.textdrive.testing.MutableClock;
import dev.textdrive.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reply to each command through the real webhook. All cases share one server, and each texts from a new
 * phone so that no session carries over from one case to the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandTableTest {

    private static final String TOP = "Your accounts:\n1 Work";
    private static final String WORK = "Work:\n1 Projects/\n2 a.txt 5B 2026-11-30\n3 b.txt 8B 2026-12-01";

    private TestServer server;
    private Path work;
    private final AtomicInteger phones = new AtomicInteger();

    @BeforeAll
    void start(@TempDir Path directory) throws IOException {
        server = TestServer.start(directory, MutableClock.at("2026-12-04T12:00:00Z"));
        work = server.phoneWithFolder("+14155550100", "Work");
        Files.createDirectory(work.resolve("Projects"));
        write(work.resolve("a.txt"), "hello", "2026-11-30T09:00:00Z");
        write(work.resolve("b.txt"), "hi there", "2026-12-01T09:00:00Z");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of(List.of(), "Ls", TOP),
                Arguments.of(List.of(), "LS.", TOP),
                Arguments.of(List.of("ls"), "Cd 1", WORK),
                Arguments.of(List.of("cd 1"), " ls ", WORK),
                Arguments.of(List.of("cd 1"), "cd  ..", TOP),
                Arguments.of(List.of("cd 1"), "cd..", TOP),
                Arguments.of(List.of("cd 1", "cd 1"), "cd ..", WORK),
                Arguments.of(List.of("cd 1", "cd 1"), "ls", "Work/Projects is empty. Send cd .. to go up."),
                Arguments.of(List.of(), "cd 1", WORK),
                Arguments.of(List.of(), "more", TOP),
                Arguments.of(List.of("cd 1", "cd 1"), "reset", "Starting over.\n" + TOP),
                Arguments.of(List.of(), "help", Replies.HELP),
                Arguments.of(List.of(), "?", Replies.HELP));
    }

    @ParameterizedTest(name = "[{index}] {0} then \"{1}\"")
    @MethodSource("replies")
    void commandReplies(List<String> before, String command, String expected) throws Exception {
        String phone = newPhone();
        for (String earlier : before) {
            server.text(phone, earlier);
        }

        TestServer.Reply reply = server.text(phone, command);

        assertEquals(200, reply.status());
        assertEquals(expected, reply.text());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(List.of(), "dance", "Unknown command \"dance\". Send help for the list."),
                Arguments.of(List.of(), "", Replies.EMPTY),
                Arguments.of(List.of("cd 1"), "get 0", "No item 0 here: choose 1-3, or send ls."),
                Arguments.of(List.of("cd 1"), "cd 0", "No item 0 here: choose 1-3, or send ls."),
                Arguments.of(List.of("cd 1"), "get 4", "No item 4 here: choose 1-3, or send ls."),
                Arguments.of(List.of("cd 1"), "get 99999999999999999999", "No such item here: choose 1-3, or send ls."),
                Arguments.of(List.of(), "cd 2", "No item 2 here: choose 1, or send ls."),
                Arguments.of(List.of("cd 1"), "get abc", Replies.GET_USAGE),
                Arguments.of(List.of("cd 1"), "get", Replies.GET_USAGE),
                Arguments.of(List.of("cd 1"), "cd docs", Replies.CD_USAGE),
                Arguments.of(List.of("cd 1"), "send 2", Replies.SEND_USAGE),
                Arguments.of(List.of("cd 1"), "ls Projects", Replies.LS_USAGE),
                Arguments.of(List.of("cd 1"), "cd 2", "2 is a file: send get 2 for a link."),
                Arguments.of(List.of("cd 1"), "get 1", "1 is a folder: send cd 1 to open it."),
                Arguments.of(List.of("cd 1"), " get 1 ", "1 is a folder: send cd 1 to open it."),
                Arguments.of(List.of(), "get 1", "1 is an account: send cd 1 to open it."),
                Arguments.of(List.of(), "get 2", "No item 2 here: choose 1, or send ls."),
                Arguments.of(List.of(), "cd ..", "You are at the top already. Send ls for your accounts."),
                Arguments.of(List.of("ls"), "cd ..", "You are at the top already. Send ls for your accounts."),
                Arguments.of(List.of("cd 1"), "more", "That was the end of the list. Send ls to see it again."),
                Arguments.of(List.of("cd 1", "more"), "more", "That was the end of the list. Send ls to see it again."),
                Arguments.of(List.of("cd 1", "cd 1"), "get 1",
                        "No item 1 here: nothing is listed. Send ls, or cd .. to go up."));
    }

    @ParameterizedTest(name = "[{index}] {0} then \"{1}\"")
    @MethodSource("errors")
    void errorRepliesSayWhatToSend(List<String> before, String command, String expected) throws Exception {
        String phone = newPhone();
        for (String earlier : before) {
            server.text(phone, earlier);
        }

        String reply = server.text(phone, command).text();

        assertEquals(expected, reply);
        assertTrue(reply.toLowerCase(Locale.ROOT).contains("send "), "no advice in: " + reply);
        assertFalse(reply.contains("Exception"), reply);
        assertFalse(reply.contains("java."), reply);
    }

    @Test
    void paddedGetReturnsLink() throws Exception {
        String phone = newPhone();
        server.text(phone, "cd 1");

        TestServer.Reply reply = server.text(phone, " get 2 ");

        String link = reply.link();
        assertTrue(link.startsWith(TestServer.PUBLIC_URL + "/d/"), link);
        assertEquals("a.txt (5B)\n" + link + "\nExpires 5 Dec 12:00 Z", reply.text());
    }

    @Test
    void getWithoutListingListsFirst() throws Exception {
        String phone = "+14155550201";
        Path scratch = server.phoneWithFolder(phone, "Scratch");
        write(scratch.resolve("x.txt"), "x", "2026-11-30T09:00:00Z");
        write(scratch.resolve("y.txt"), "yy", "2026-11-30T09:00:00Z");
        write(scratch.resolve("z.txt"), "zzz", "2026-11-30T09:00:00Z");
        server.text(phone, "cd 1");
        Files.delete(scratch.resolve("y.txt"));
        // A vanished file makes the engine forget the listing, so the next get has none to refer to.
        assertEquals("That item is no longer there. Send ls to list again, or cd .. to go up.",
                server.text(phone, "get 2").text());

        TestServer.Reply reply = server.text(phone, "get 2");

        assertEquals("z.txt (3B)\n" + reply.link() + "\nExpires 5 Dec 12:00 Z", reply.text());
        assertEquals("No item 3 here: choose 1-2, or send ls.", server.text(phone, "get 3").text());
    }

    @Test
    void deletedFolderLetsTexterGoUp() throws Exception {
        String phone = "+14155550202";
        Path scratch = server.phoneWithFolder(phone, "Scratch2");
        Path sub = Files.createDirectory(scratch.resolve("Sub"));
        server.text(phone, "cd 1");
        assertEquals("Scratch2/Sub is empty. Send cd .. to go up.", server.text(phone, "cd 1").text());
        Files.delete(sub);

        String gone = server.text(phone, "ls").text();
        String up = server.text(phone, "cd ..").text();

        assertEquals("That item is no longer there. Send ls to list again, or cd .. to go up.", gone);
        assertEquals("Scratch2 is empty. Send cd .. to go up.", up);
    }

    @Test
    void nestedDeletedFoldersCanBeLeft() throws Exception {
        String phone = "+14155550203";
        Path scratch = server.phoneWithFolder(phone, "Scratch3");
        Files.createDirectories(scratch.resolve("A/B"));
        server.text(phone, "cd 1");
        server.text(phone, "cd 1");
        assertEquals("Scratch3/A/B is empty. Send cd .. to go up.", server.text(phone, "cd 1").text());
        Files.delete(scratch.resolve("A/B"));
        Files.delete(scratch.resolve("A"));

        String firstUp = server.text(phone, "cd ..").text();
        String secondUp = server.text(phone, "cd ..").text();

        assertEquals("That item is no longer there. Send ls to list again, or cd .. to go up.", firstUp);
        assertEquals("Scratch3 is empty. Send cd .. to go up.", secondUp);
    }

    @Test
    void helpFitsOneSegment() throws Exception {
        String help = server.text(newPhone(), "help").text();

        assertEquals(Replies.HELP, help);
        assertTrue(SegmentCounter.isGsm7(help));
        assertEquals(1, SegmentCounter.gsm7Segments(help));
        assertEquals(1, SmsText.segments(help));
    }

    private String newPhone() {
        String phone = String.format("+1415555%04d", 1000 + phones.incrementAndGet());
        server.app().phones().add(phone, "", true, "test");
        server.app().accounts().grant(phone, "Work", "test");
        return phone;
    }

    private static void write(Path file, String content, String modified) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }
}
