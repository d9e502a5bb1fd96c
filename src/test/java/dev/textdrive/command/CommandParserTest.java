package dev.textdrive.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

class CommandParserTest {

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("ls", new Command.Ls()),
                Arguments.of("Ls", new Command.Ls()),
                Arguments.of(" LS ", new Command.Ls()),
                Arguments.of("ls.", new Command.Ls()),
                Arguments.of("ls x", new Command.Invalid(Replies.LS_USAGE)),
                Arguments.of("more", new Command.More()),
                Arguments.of("More", new Command.More()),
                Arguments.of("cd 2", new Command.Open(2)),
                Arguments.of("CD  2", new Command.Open(2)),
                Arguments.of("cd\t2", new Command.Open(2)),
                Arguments.of("cd ..", new Command.Up()),
                Arguments.of("cd..", new Command.Up()),
                Arguments.of("cd  ..", new Command.Up()),
                Arguments.of("cd...", new Command.Up()),
                Arguments.of("cd../", new Command.Up()),
                Arguments.of("cd.. 2", new Command.Invalid(Replies.CD_USAGE)),
                Arguments.of("Cd ..", new Command.Up()),
                Arguments.of("cd", new Command.Invalid(Replies.CD_USAGE)),
                Arguments.of("cd docs", new Command.Invalid(Replies.CD_USAGE)),
                Arguments.of("get 1", new Command.Get(1)),
                Arguments.of(" get 1 ", new Command.Get(1)),
                Arguments.of("Get 12", new Command.Get(12)),
                Arguments.of("get abc", new Command.Invalid(Replies.GET_USAGE)),
                Arguments.of("get", new Command.Invalid(Replies.GET_USAGE)),
                Arguments.of("get -1", new Command.Invalid(Replies.GET_USAGE)),
                Arguments.of("get 1 2", new Command.Invalid(Replies.GET_USAGE)),
                Arguments.of("get 0", new Command.Get(0)),
                Arguments.of("get 99999999999999999999", new Command.Get(Long.MAX_VALUE)),
                Arguments.of("send 3 +44 7700 900123", new Command.Send(3, "+44 7700 900123")),
                Arguments.of("Send 3  +14155550123 ", new Command.Send(3, "+14155550123")),
                Arguments.of("send 3", new Command.Invalid(Replies.SEND_USAGE)),
                Arguments.of("send x +14155550123", new Command.Invalid(Replies.SEND_USAGE)),
                Arguments.of("reset", new Command.Reset()),
                Arguments.of("Reset", new Command.Reset()),
                Arguments.of("help", new Command.Help()),
                Arguments.of("HELP", new Command.Help()),
                Arguments.of("help?", new Command.Help()),
                Arguments.of("?", new Command.Help()),
                Arguments.of(" ? ", new Command.Help()),
                Arguments.of("!!", new Command.Invalid("Unknown command \"!!\". Send help for the list.")),
                Arguments.of("STOP", new Command.Stop()),
                Arguments.of("stop", new Command.Stop()),
                Arguments.of("Unsubscribe", new Command.Stop()),
                Arguments.of("START", new Command.Start()),
                Arguments.of("", new Command.Invalid(Replies.EMPTY)),
                Arguments.of("   ", new Command.Invalid(Replies.EMPTY)),
                Arguments.of("\n\t ", new Command.Invalid(Replies.EMPTY)),
                Arguments.of("dance", new Command.Invalid("Unknown command \"dance\". Send help for the list.")),
                Arguments.of("Hello there", new Command.Invalid("Unknown command \"Hello there\". Send help for the list.")),
                Arguments.of("get\u00A01", new Command.Get(1)),
                Arguments.of("cd\u00A0\u00A0..", new Command.Up()),
                Arguments.of("\u00A0ls\u00A0", new Command.Ls()));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("commands")
    void parsesCommand(String text, Command expected) {
        assertEquals(expected, CommandParser.parse(text));
    }

    @ParameterizedTest
    @NullSource
    void nullBodyAsksForCommand(String text) {
        assertEquals(new Command.Invalid(Replies.EMPTY), CommandParser.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0} characters")
    @MethodSource("longUnknownTexts")
    void unknownQuoteIsShortened(String text, String expectedReply) {
        assertEquals(new Command.Invalid(expectedReply), CommandParser.parse(text));
    }

    static Stream<Arguments> longUnknownTexts() {
        return Stream.of(
                Arguments.of("abcdefghijklmnopqrstuvwxyz",
                        "Unknown command \"abcdefghijklmnopq...\". Send help for the list."),
                Arguments.of("line one\u0007bell", "Unknown command \"line one bell\". Send help for the list."));
    }
}
