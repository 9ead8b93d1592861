package io.fleetbench.model.snapshot;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The running dockerd whose settings the snapshot describes, found through {@code /proc/<pid>/cmdline} on the host.
 *
 * @param pid the process id of the chosen dockerd, or {@code null} where none could be chosen
 * @param uid the real user id the chosen process runs as, from {@code /proc/<pid>/status}; 0 is root, and
 *     {@code null} means unknown
 * @param arguments the chosen process's arguments after {@code argv[0]}; secret-looking values are redacted
 * @param configFile the daemon.json the process reads: its {@code --config-file}, else the default
 * @param candidates every dockerd process found, with its listening addresses
 * @param selection how the process was chosen, or why none was
 */
public record DockerdProcess(
        @Nullable Long pid,
        @Nullable Long uid,
        List<String> arguments,
        @Nullable String configFile,
        List<Candidate> candidates,
        String selection) {

    public DockerdProcess {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        selection = selection == null ? "" : selection;
    }

    /**
     * One dockerd process found on the host.
     *
     * @param pid the process id
     * @param hosts the addresses given with {@code -H} or {@code --host}; empty means the default socket
     */
    public record Candidate(long pid, List<String> hosts) {

        public Candidate {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
        }
    }
}
