package dev.textdrive.bench;

import java.util.List;

/**
 * A cycle of commands that each bench phone sends over and over, with what each reply must start with or
 * contain. Each cycle ends where it began, so the commands stay meaningful however often it repeats.
 */
enum Workload {

    /** Lists the 200-entry folder's first page; the phones must be inside the account first. */
    LS(List.of(new Step("ls", "Docs:"))),

    /**
     * From the account list: enters the account, pages, opens a folder, gets two links, and climbs back.
     * Per cycle: 4 cd, 2 more, 1 ls and 2 get.
     */
    MIX(List.of(
            new Step("cd 1", "Docs:"),
            new Step("more", "Docs, from "),
            new Step("cd 2", "Docs/Folder 02:"),
            new Step("get 3", "*/d/"),
            new Step("get 4", "*/d/"),
            new Step("cd ..", "Docs:"),
            new Step("ls", "Docs:"),
            new Step("more", "Docs, from "),
            new Step("cd ..", "Your accounts:")));

    private final List<Step> steps;

    Workload(List<Step> steps) {
        this.steps = steps;
    }

    Step step(long position) {
        return steps.get((int) (position % steps.size()));
    }

    /** The commands that put a phone where the cycle starts, sent before the measured run. */
    List<String> preparation() {
        return this == LS ? List.of("reset", "cd 1") : List.of("reset");
    }

    /**
     * One command of a cycle.
     *
     * @param command the SMS text
     * @param expected the start of the expected reply, or after a leading {@code *} a part of it
     */
    record Step(String command, String expected) {

        boolean matches(String reply) {
            return expected.startsWith("*") ? reply.contains(expected.substring(1)) : reply.startsWith(expected);
        }
    }
}
