package dev.textdrive.command;

/** One parsed texter command. */
public sealed interface Command {

    /** {@code ls}: list the current place from the start. */
    record Ls() implements Command {
    }

    /** {@code more}: the next page of the last listing. */
    record More() implements Command {
    }

    /** {@code cd N}: enter an account or folder. */
    record Open(long index) implements Command {
    }

    /** {@code cd ..}: go up one level. */
    record Up() implements Command {
    }

    /** {@code get N}: a download link for a file. */
    record Get(long index) implements Command {
    }

    /** {@code send N PHONE}: text a download link to another number. */
    record Send(long index, String number) implements Command {
    }

    /** {@code reset}: forget the session. */
    record Reset() implements Command {
    }

    /** {@code help}: the command list. */
    record Help() implements Command {
    }

    /** An opt-out keyword such as STOP: no more messages to this number. */
    record Stop() implements Command {
    }

    /** An opt-in keyword such as START: messages may be sent again. */
    record Start() implements Command {
    }

    /** Text that is not a valid command; the reply says what to send instead. */
    record Invalid(String reply) implements Command {
    }
}
