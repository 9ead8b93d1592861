package io.fleetbench.model.snapshot;

import java.util.List;

/**
 * Audit rules, parsed from {@code auditctl -l} (the rules loaded in the kernel) and from the rule files on disk.
 *
 * @param sources where the rules came from: {@code auditctl -l} and the host paths of the rule files read
 * @param watches the file watch rules ({@code -w path -p perms -k key}), and syscall rules narrowed to one path with
 *     {@code -F path=} or {@code -F dir=}
 * @param syscallRules the syscall rules ({@code -a list,action -S syscall -F field=value})
 * @param errors rule sources that could not be read and lines that could not be parsed
 */
public record AuditRules(
        List<String> sources, List<AuditWatch> watches, List<AuditSyscallRule> syscallRules, List<String> errors) {

    public AuditRules {
        sources = sources == null ? List.of() : List.copyOf(sources);
        watches = watches == null ? List.of() : List.copyOf(watches);
        syscallRules = syscallRules == null ? List.of() : List.copyOf(syscallRules);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Returns an empty rule set with no sources. */
    public static AuditRules none() {
        return new AuditRules(List.of(), List.of(), List.of(), List.of());
    }

    /** Returns whether any watch covers {@code path}, as seen on the host. */
    public boolean watches(String path) {
        return watches.stream().anyMatch(watch -> watch.path().equals(path));
    }
}
