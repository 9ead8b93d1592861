package io.fleetbench.standalone;

import java.io.PrintStream;

/**
 * What the fleetbench command prints for a person at a terminal. Services log through SLF4J to the log file; this
 * class is the one place that writes progress and reports to standard output.
 */
final class TerminalOutput {

    private final PrintStream out;
    private final boolean colour;

    TerminalOutput(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    boolean colour() {
        return colour;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void text(String text) {
        out.print(text);
        out.flush();
    }

    void error(String text) {
        System.err.println("fleetbench: " + text);
        System.err.flush();
    }
}
