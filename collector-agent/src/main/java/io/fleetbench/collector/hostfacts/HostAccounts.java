package io.fleetbench.collector.hostfacts;

import io.fleetbench.collector.hostfiles.HostPaths;
import io.fleetbench.model.snapshot.GroupFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Users and groups from the host's {@code /etc/passwd} and {@code /etc/group}, so that owners are named as the host
 * names them, not as the agent's container does. Users and groups from NSS sources other than these files, such as
 * LDAP, are not known.
 */
final class HostAccounts {

    private final Map<Long, String> userNames = new HashMap<>();
    private final Map<Long, String> groupNames = new HashMap<>();
    private final Map<String, Long> primaryGroups = new HashMap<>();
    private final Map<String, GroupEntry> groups = new HashMap<>();
    private final List<String> errors = new ArrayList<>();

    private record GroupEntry(String name, @Nullable Long gid, List<String> members) {
    }

    private HostAccounts() {
    }

    /** Reads both files under {@code hostRoot}; a missing or unreadable file is recorded in {@link #errors()}. */
    static HostAccounts read(Path hostRoot) {
        HostAccounts accounts = new HostAccounts();
        for (String line : accounts.readLines(hostRoot, "/etc/passwd")) {
            accounts.addUser(line);
        }
        for (String line : accounts.readLines(hostRoot, "/etc/group")) {
            accounts.addGroup(line);
        }
        return accounts;
    }

    /** Parses file contents directly, for tests. */
    static HostAccounts parse(String passwd, String group) {
        HostAccounts accounts = new HostAccounts();
        passwd.lines().forEach(accounts::addUser);
        group.lines().forEach(accounts::addGroup);
        return accounts;
    }

    @Nullable String userName(long uid) {
        return userNames.get(uid);
    }

    @Nullable String groupName(long gid) {
        return groupNames.get(gid);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * Returns the group named {@code name} with its members: the users its entry lists plus the users whose primary
     * group it is, or {@code null} where the group does not exist.
     */
    @Nullable GroupFacts group(String name) {
        GroupEntry entry = groups.get(name);
        if (entry == null) {
            return null;
        }
        TreeSet<String> members = new TreeSet<>(entry.members());
        if (entry.gid() != null) {
            primaryGroups.forEach((user, gid) -> {
                if (gid.equals(entry.gid())) {
                    members.add(user);
                }
            });
        }
        return new GroupFacts(name, entry.gid(), List.copyOf(members));
    }

    private List<String> readLines(Path hostRoot, String hostPath) {
        try {
            Path file = HostPaths.resolveInRoot(hostRoot, hostPath, true);
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add(hostPath + " could not be read (" + e.getClass().getSimpleName() + "), so owners and groups"
                    + " are given by number only");
            return List.of();
        }
    }

    /** Parses {@code name:password:uid:gid:gecos:home:shell}. */
    private void addUser(String line) {
        String[] fields = line.split(":", -1);
        if (line.startsWith("#") || fields.length < 4) {
            return;
        }
        Long uid = parseId(fields[2]);
        Long gid = parseId(fields[3]);
        if (uid != null) {
            userNames.putIfAbsent(uid, fields[0]);
        }
        if (gid != null) {
            primaryGroups.put(fields[0], gid);
        }
    }

    /** Parses {@code name:password:gid:member,member}. */
    private void addGroup(String line) {
        String[] fields = line.split(":", -1);
        if (line.startsWith("#") || fields.length < 3) {
            return;
        }
        Long gid = parseId(fields[2]);
        if (gid != null) {
            groupNames.putIfAbsent(gid, fields[0]);
        }
        List<String> members = new ArrayList<>();
        if (fields.length > 3) {
            for (String member : fields[3].split(",")) {
                if (!member.isBlank()) {
                    members.add(member.trim());
                }
            }
        }
        groups.putIfAbsent(fields[0], new GroupEntry(fields[0], gid, members));
    }

    private static @Nullable Long parseId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
