package io.fleetbench.model.snapshot;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One group from the host's {@code /etc/group}.
 *
 * @param name the group name
 * @param gid the numeric group id, or {@code null} where the entry has none
 * @param members the users listed in the group entry, plus the users of {@code /etc/passwd} whose primary group it
 *     is, sorted
 */
public record GroupFacts(String name, @Nullable Long gid, List<String> members) {

    public GroupFacts {
        Objects.requireNonNull(name, "group name is missing");
        members = members == null ? List.of() : List.copyOf(members);
    }
}
