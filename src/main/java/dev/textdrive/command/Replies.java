package dev.textdrive.command;

/** The texts of replies to texters: short, and each says what to send instead. */
final class Replies {

    static final String EMPTY = "Send a command, such as ls. Send help for the list.";
    static final String LS_USAGE = "Send ls on its own to list this folder.";
    static final String MORE_USAGE = "Send more on its own for the next page.";
    static final String CD_USAGE = "Send cd and a number from the list, such as cd 2, or cd .. to go up.";
    static final String GET_USAGE = "Send get and a file's number from the list, such as get 3.";
    static final String SEND_USAGE = "To text a file's link, send send with the file's number and a phone number, "
            + "such as: send 3 +12015550123";
    static final String RESET_USAGE = "Send reset on its own to start over.";
    static final String HELP = """
            TextDrive commands:
            ls - list here
            more - next page
            cd N - open item N
            cd .. - go up
            get N - link to file N
            send N PHONE - text it
            reset - start over""";
    static final String AT_TOP = "You are at the top already. Send ls for your accounts.";
    static final String END_OF_LIST = "That was the end of the list. Send ls to see it again.";
    static final String NO_ACCESS = "You no longer have access to that account.";
    static final String RESET = "Starting over.";
    static final String GONE = "That item is no longer there. Send ls to list again, or cd .. to go up.";
    static final String FORBIDDEN = "That item cannot be shared. Send cd .. to go up, or ls to list again.";
    static final String UNAVAILABLE = "Storage is not answering. Try again in a minute.";
    static final String SEND_FAILED = "The message could not be sent. Try again later.";
    static final String REGION_NOT_ENABLED = "Texts to that country are not enabled. Ask the operator.";
    static final String STARTED = "You will get messages from TextDrive again. Send help for the commands.";

    private static final int QUOTED_MAX = 20;

    private Replies() {
    }

    static String unknown(String text) {
        return "Unknown command \"" + EntryText.shorten(text, QUOTED_MAX) + "\". Send help for the list.";
    }

    static String noItem(long index, int shown) {
        String shownIndex = index == Long.MAX_VALUE ? "such item" : "item " + index;
        if (shown == 0) {
            return "No " + shownIndex + " here: nothing is listed. Send ls, or cd .. to go up.";
        }
        String range = shown == 1 ? "1" : "1-" + shown;
        return "No " + shownIndex + " here: choose " + range + ", or send ls.";
    }

    static String isFile(long index) {
        return index + " is a file: send get " + index + " for a link.";
    }

    static String notFile(long index, String kindWord) {
        return index + " is " + article(kindWord) + " " + kindWord + ": send cd " + index + " to open it.";
    }

    static String unreachable(String account) {
        return account + " cannot be reached right now. Try again later, or ask the operator.";
    }

    static String empty(String location) {
        return location + " is empty. Send cd .. to go up.";
    }

    /** Returns the reply for a rejected account; at the account list, ls lists the others, and inside it, cd .. does. */
    static String relink(String account, boolean atTop) {
        return account + " must be linked again by the operator. Send " + (atTop ? "ls" : "cd ..")
                + " for your other accounts.";
    }

    static String invalidNumber(String example) {
        return "That is not a valid phone number. Use the international form, such as send 3 " + example + ".";
    }

    static String countryNotAllowed(String number, String region, String allowed) {
        return "Sending to " + number + " (" + region + ") is not allowed. Allowed: " + allowed + ".";
    }

    static String optedOut(String number) {
        return number + " has opted out of texts from TextDrive.";
    }

    static String dailyLimit(int limit, String retryAt) {
        return "You reached the limit of " + limit + " sends a day. Try again after " + retryAt + ".";
    }

    static String sent(String name, String number) {
        return "Sent " + name + " to " + number + ".";
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
