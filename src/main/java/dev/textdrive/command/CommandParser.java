package dev.textdrive.command;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses texter commands. Case and surrounding or repeated whitespace are ignored, and so is trailing
 * punctuation that phones add, so {@code " Ls."} and {@code "CD  2"} work.
 */
public final class CommandParser {

    /** The opt-out and opt-in keywords that Twilio's default Advanced Opt-Out handles. */
    private static final Set<String> STOP_WORDS = Set.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout");
    private static final Set<String> START_WORDS = Set.of("start", "unstop", "yes", "optin");

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    /** Zero-width and other format characters and NUL, which some phones and keyboards add unseen. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\x00]");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.!?,;]+$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private CommandParser() {
    }

    public static Command parse(String text) {
        String visible = INVISIBLE.matcher(text == null ? "" : text).replaceAll("");
        String normalized = WHITESPACE.matcher(visible).replaceAll(" ").strip();
        if (normalized.isEmpty()) {
            return new Command.Invalid(Replies.EMPTY);
        }

        String[] words = normalized.split(" ", 2);
        String verb = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1] : "";
        // Checked before trailing punctuation is stripped, which would turn "cd.." into "cd".
        if (verb.equals("cd..") || verb.equals("cd...") || verb.equals("cd../")) {
            return rest.isEmpty() ? new Command.Up() : new Command.Invalid(Replies.CD_USAGE);
        }
        if (rest.isEmpty()) {
            String stripped = TRAILING_PUNCTUATION.matcher(verb).replaceAll("");
            // A verb made only of punctuation, such as "?" for help, is kept as sent.
            verb = stripped.isEmpty() ? verb : stripped;
        }
        return switch (verb) {
            case "ls", "list", "dir" -> rest.isEmpty() ? new Command.Ls() : new Command.Invalid(Replies.LS_USAGE);
            case "more", "m", "next" -> rest.isEmpty() ? new Command.More() : new Command.Invalid(Replies.MORE_USAGE);
            case "cd" -> cd(rest);
            case "get" -> index(rest).<Command>map(Command.Get::new).orElse(new Command.Invalid(Replies.GET_USAGE));
            case "send" -> send(rest);
            case "reset" -> rest.isEmpty() ? new Command.Reset() : new Command.Invalid(Replies.RESET_USAGE);
            case "help", "?" -> new Command.Help();
            default -> keyword(normalized);
        };
    }

    private static Command cd(String argument) {
        String target = argument.strip();
        if (target.equals("..") || target.equals("../") || target.equals("...")) {
            return new Command.Up();
        }
        return index(argument).<Command>map(Command.Open::new).orElse(new Command.Invalid(Replies.CD_USAGE));
    }

    private static Command send(String argument) {
        String[] parts = argument.split(" ", 2);
        var index = index(parts[0]);
        if (index.isEmpty() || parts.length < 2 || parts[1].isBlank()) {
            return new Command.Invalid(Replies.SEND_USAGE);
        }
        return new Command.Send(index.get(), parts[1].strip());
    }

    /** Parses an index; a number too large for a long becomes Long.MAX_VALUE, which no listing reaches. */
    private static Optional<Long> index(String text) {
        String digits = TRAILING_PUNCTUATION.matcher(text.strip()).replaceAll("");
        if (!DIGITS.matcher(digits).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.of(Long.MAX_VALUE);
        }
    }

    private static Command keyword(String normalized) {
        String word = TRAILING_PUNCTUATION.matcher(normalized.toLowerCase(Locale.ROOT)).replaceAll("");
        if (STOP_WORDS.contains(word)) {
            return new Command.Stop();
        }
        if (START_WORDS.contains(word)) {
            return new Command.Start();
        }
        return new Command.Invalid(Replies.unknown(normalized));
    }
}
