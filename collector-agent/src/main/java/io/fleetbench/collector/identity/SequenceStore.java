package io.fleetbench.collector.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The snapshot sequence number, kept in the state folder so that it keeps increasing across agent restarts. The
 * report service applies a snapshot's report only if its sequence is newer than the last one it applied.
 */
public class SequenceStore {

    static final String FILE_NAME = "sequence";

    private final Path file;

    public SequenceStore(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    /**
     * Increments the stored number, stores it before returning it, and returns it; the first call returns 1.
     *
     * @throws IllegalStateException where the file contains something other than a number
     * @throws UncheckedIOException where the file cannot be read or written
     */
    public synchronized long next() {
        long next = current() + 1;
        try {
            StateFiles.writeAtomically(file, next + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to store snapshot sequence " + next + " in " + file
                    + ": make the state folder writable for the agent's user", e);
        }
        return next;
    }

    /** Returns the last stored number, 0 where none is stored yet. */
    public synchronized long current() {
        if (!Files.exists(file)) {
            return 0;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the snapshot sequence from " + file, e);
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Snapshot sequence file " + file + " contains '" + abbreviate(text)
                    + "', not a number of 0 or more: write the last published sequence number into it", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
