package io.fleetbench.model.finding;

import java.util.Locale;

/** What a finding is about. The lower-case name is the prefix of the target key, as in {@code container:web}. */
public enum TargetKind {
    HOST,
    DAEMON,
    FILE,
    IMAGE,
    CONTAINER,
    NETWORK,
    SWARM;

    /** Returns the target key for a target of this kind called {@code name}, or the bare kind for singletons. */
    public String key(String name) {
        String prefix = name().toLowerCase(Locale.ROOT);
        return switch (this) {
            case HOST, DAEMON, SWARM -> prefix;
            default -> prefix + ":" + name;
        };
    }
}
