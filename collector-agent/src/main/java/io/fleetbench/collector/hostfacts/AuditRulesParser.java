package io.fleetbench.collector.hostfacts;

import io.fleetbench.model.snapshot.AuditSyscallRule;
import io.fleetbench.model.snapshot.AuditWatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses audit rules in the syntax of {@code auditctl} and the rule files it loads: file watches
 * ({@code -w path -p perms -k key}) and syscall rules ({@code -a list,action -S syscall -F field=value -k key}).
 * Control rules such as {@code -D}, {@code -b 8192} and {@code -e 2} carry no watch and are skipped. A syscall rule
 * narrowed with {@code -F path=} or {@code -F dir=} is also listed as a watch of that path, because the benchmark
 * accepts either form for "the path is audited".
 */
final class AuditRulesParser {

    private final List<AuditWatch> watches = new ArrayList<>();
    private final List<AuditSyscallRule> syscallRules = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    List<AuditWatch> watches() {
        return List.copyOf(watches);
    }

    List<AuditSyscallRule> syscallRules() {
        return List.copyOf(syscallRules);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * Parses every line of {@code content}.
     *
     * @param source {@code auditctl -l} or the host path of the rule file, recorded with each rule
     */
    void parse(String content, String source) {
        int number = 0;
        for (String line : content.split("\n")) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("No rules")) {
                continue;
            }
            String error = parseLine(trimmed, source);
            if (error != null) {
                errors.add(source + " line " + number + " " + error);
            }
        }
    }

    /** Parses one rule and returns why it is invalid, or {@code null}. */
    private @Nullable String parseLine(String line, String source) {
        String[] tokens = line.split("\\s+");
        String watchPath = null;
        String permissions = "";
        String list = null;
        String key = null;
        List<String> syscalls = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        Map<String, String> equalities = new LinkedHashMap<>();
        for (int i = 0; i < tokens.length; i++) {
            String option = tokens[i];
            if (!option.startsWith("-")) {
                return "has the unexpected word '" + option + "'; each rule option starts with '-'";
            }
            String value = i + 1 < tokens.length && !tokens[i + 1].startsWith("-") ? unquote(tokens[i + 1]) : null;
            switch (option) {
                case "-w", "--watch" -> watchPath = value;
                case "-p" -> permissions = value == null ? "" : value;
                case "-k", "--key" -> key = value;
                case "-a", "-A", "--append", "--prepend" -> list = value;
                case "-S", "--syscall" -> {
                    if (value != null) {
                        syscalls.addAll(List.of(value.split(",")));
                    }
                }
                case "-F", "--field" -> {
                    if (value == null || !value.contains("=")) {
                        return "has '-F' without a field=value filter";
                    }
                    int end = 0;
                    while (end < value.length() && "=!<>&".indexOf(value.charAt(end)) < 0) {
                        end++;
                    }
                    String name = value.substring(0, end);
                    String rest = value.substring(end);
                    String fieldValue = unquote(rest.substring(rest.indexOf('=') + 1));
                    if (name.equals("key")) {
                        key = fieldValue;
                    } else {
                        filters.add(name + rest);
                        if (rest.startsWith("=")) {
                            equalities.put(name, fieldValue);
                        }
                    }
                }
                default -> {
                    // Control options such as -D, -b, -e and -f take at most one value and define no rule.
                }
            }
            if (value != null) {
                i++;
            }
        }
        if (watchPath != null) {
            watches.add(new AuditWatch(normalise(watchPath), permissions, key, source));
            return null;
        }
        if (list != null) {
            syscallRules.add(new AuditSyscallRule(list, syscalls, filters, key, source));
            String path = equalities.containsKey("path") ? equalities.get("path") : equalities.get("dir");
            if (path != null) {
                watches.add(new AuditWatch(normalise(path), equalities.getOrDefault("perm", ""), key, source));
            }
        }
        return null;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Drops a trailing slash, so {@code /etc/docker/} and {@code /etc/docker} compare equal. */
    private static String normalise(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
