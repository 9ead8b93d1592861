package io.fleetbench.collector.hostfacts;

import io.fleetbench.collector.hostfiles.HostPaths;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.FileFacts;
import io.fleetbench.model.snapshot.FileType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lists the host files CIS Docker Benchmark sections 1 and 3 name, each with a role, and reads their owner, group
 * and mode. Folders are walked to a bounded depth and count, so a huge {@code /etc/docker} cannot stall the agent.
 */
final class DockerFiles {

    /** The systemd unit search path for system units, most specific first. */
    static final List<String> UNIT_FOLDERS = List.of(
            "/etc/systemd/system", "/run/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system");

    /** The deepest level below {@code /etc/docker} that is listed. */
    static final int MAX_DEPTH = 4;

    /** The maximum number of entries listed below {@code /etc/docker}, so a huge folder cannot stall the agent. */
    static final int MAX_ENTRIES = 500;

    private final Path hostRoot;
    private final FileFactsReader reader;
    private final List<String> errors = new ArrayList<>();
    private int configEntries;

    DockerFiles(Path hostRoot, FileFactsReader reader) {
        this.hostRoot = hostRoot;
        this.reader = reader;
    }

    /**
     * Reads every file the benchmark names.
     *
     * @param daemonConfigFile the daemon.json path the running dockerd reads
     * @param settings the daemon's effective settings, for the TLS file paths
     */
    List<FileFacts> read(String daemonConfigFile, Map<String, DaemonSetting> settings) {
        Map<String, FileFacts> files = new LinkedHashMap<>();
        unit(files, "docker.service");
        unit(files, "docker.socket");
        put(files, "/etc/docker", "docker-config-folder");
        walk(files, "/etc/docker", 1);
        registryCertificates(files);
        put(files, daemonConfigFile, "daemon.json");
        tlsFile(files, settings, "tlscacert", "tls-ca-certificate");
        tlsFile(files, settings, "tlscert", "tls-certificate");
        tlsFile(files, settings, "tlskey", "tls-key");
        put(files, "/etc/default/docker", "docker-defaults");
        put(files, "/etc/sysconfig/docker", "docker-sysconfig");
        put(files, "/var/run/docker.sock", "docker-socket");
        put(files, "/run/docker.sock", "docker-socket");
        put(files, "/run/containerd/containerd.sock", "containerd-socket");
        return List.copyOf(files.values());
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * Adds every copy of {@code unit} on the unit search path and its drop-ins. A unit found nowhere is recorded as
     * missing at {@code /usr/lib/systemd/system}, where packages install it.
     */
    private void unit(Map<String, FileFacts> files, String unit) {
        boolean found = false;
        for (String folder : UNIT_FOLDERS) {
            FileFacts facts = reader.read(folder + "/" + unit, unit);
            if (facts.exists()) {
                files.putIfAbsent(facts.path(), facts);
                found = true;
            }
            for (String dropIn : list(folder + "/" + unit + ".d")) {
                if (dropIn.endsWith(".conf")) {
                    put(files, folder + "/" + unit + ".d/" + dropIn, unit + "-drop-in");
                }
            }
        }
        if (!found) {
            files.put("/usr/lib/systemd/system/" + unit,
                    FileFactsReader.missing("/usr/lib/systemd/system/" + unit, unit));
        }
    }

    /** Adds each {@code /etc/docker/certs.d/<registry>} folder and the files in it. */
    private void registryCertificates(Map<String, FileFacts> files) {
        for (String registry : list("/etc/docker/certs.d")) {
            String folder = "/etc/docker/certs.d/" + registry;
            files.put(folder, reader.read(folder, "registry-certificate-folder"));
            for (String name : list(folder)) {
                files.put(folder + "/" + name, reader.read(folder + "/" + name, "registry-certificate"));
            }
        }
    }

    private void walk(Map<String, FileFacts> files, String folder, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (String name : list(folder)) {
            if (++configEntries > MAX_ENTRIES) {
                errors.add("/etc/docker has more than " + MAX_ENTRIES + " entries; only the first were listed");
                return;
            }
            String path = folder + "/" + name;
            FileFacts facts = reader.read(path, "docker-config-file");
            files.putIfAbsent(path, facts);
            if (facts.type() == FileType.DIRECTORY) {
                walk(files, path, depth + 1);
            }
        }
    }

    private void tlsFile(Map<String, FileFacts> files, Map<String, DaemonSetting> settings, String key, String role) {
        DaemonSetting setting = settings.get(key);
        if (setting != null && setting.value() instanceof String path && path.startsWith("/")) {
            put(files, path, role);
        }
    }

    private void put(Map<String, FileFacts> files, String path, String role) {
        FileFacts existing = files.get(path);
        if (existing == null || existing.role().equals("docker-config-file")) {
            files.put(path, reader.read(path, role));
        }
    }

    /** Lists the names in a host folder, sorted; a missing folder gives an empty list. */
    private List<String> list(String hostFolder) {
        Path folder;
        try {
            folder = HostPaths.resolveInRoot(hostRoot, hostFolder, true);
        } catch (IOException e) {
            errors.add(hostFolder + " could not be resolved: " + e.getMessage());
            return List.of();
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
                if (names.size() > MAX_ENTRIES) {
                    errors.add(hostFolder + " has more than " + MAX_ENTRIES + " entries; only the first were listed");
                    break;
                }
            }
        } catch (IOException e) {
            errors.add(hostFolder + " could not be listed: " + e.getClass().getSimpleName());
        }
        return List.copyOf(names);
    }
}
