package io.fleetbench.model.snapshot;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One audit rule on system calls.
 *
 * @param list the rule list and action as written after {@code -a} or {@code -A}, such as {@code always,exit}
 * @param syscalls the system calls named with {@code -S}; empty means all
 * @param filters the {@code -F} filters as written, in order, such as {@code arch=b64}, {@code auid>=1000} or
 *     {@code path=/usr/bin/dockerd}; a field may appear more than once
 * @param key the rule's key ({@code -k} or {@code -F key=}), or {@code null}
 * @param source {@code auditctl -l} or the host path of the rule file
 */
public record AuditSyscallRule(
        String list, List<String> syscalls, List<String> filters, @Nullable String key, String source) {

    public AuditSyscallRule {
        Objects.requireNonNull(list, "rule list is missing");
        syscalls = syscalls == null ? List.of() : List.copyOf(syscalls);
        filters = filters == null ? List.of() : List.copyOf(filters);
        source = source == null ? "" : source;
    }
}
