package io.fleetbench.collector.hostfacts;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import io.fleetbench.collector.hostfiles.DaemonJsonReader;
import io.fleetbench.collector.hostfiles.HostPaths;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.FileFacts;
import io.fleetbench.model.snapshot.HostFacts;
import io.fleetbench.model.snapshot.MountEntry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the host facts and the daemon's effective configuration under the host root. Nothing here throws for a
 * missing or unreadable fact: each is left empty and named in {@link HostFacts#errors()}, so a snapshot is still
 * published from a host the agent can only partly see. Swarm state comes from the engine and is added by the
 * snapshot assembler.
 */
public final class HostFactsCollector {

    private static final Logger log = LoggerFactory.getLogger(HostFactsCollector.class);

    /** The data root dockerd uses without {@code --data-root}. */
    static final String DEFAULT_DATA_ROOT = "/var/lib/docker";

    /** The option of the default bridge network that carries dockerd's {@code icc} setting. */
    static final String BRIDGE_ICC_OPTION = "com.docker.network.bridge.enable_icc";

    private final Path hostRoot;
    private final URI dockerHost;
    private final String defaultDaemonConfigFile;
    private final Duration commandTimeout;

    /**
     * @param hostRoot the folder under which the agent reads the host's root folder
     * @param dockerHost the engine address the agent reads, to pick the matching dockerd process
     * @param defaultDaemonConfigFile the daemon.json path read where dockerd has no {@code --config-file}
     * @param commandTimeout the maximum run time of {@code auditctl -l}
     */
    public HostFactsCollector(Path hostRoot, URI dockerHost, String defaultDaemonConfigFile, Duration commandTimeout) {
        this.hostRoot = hostRoot;
        this.dockerHost = dockerHost;
        this.defaultDaemonConfigFile = defaultDaemonConfigFile;
        this.commandTimeout = commandTimeout;
    }

    /**
     * The daemon configuration and the host facts of one collection.
     *
     * @param daemon daemon.json merged with the dockerd command line and the engine's report
     * @param hostFacts the host facts, without swarm state
     */
    public record Collected(DaemonConfig daemon, HostFacts hostFacts) {
    }

    /**
     * Collects everything.
     *
     * @param info the engine's {@code GET /info} response
     * @param networks the engine's {@code GET /networks} response, for the default bridge's {@code icc} option
     */
    public Collected collect(Info info, List<Network> networks) {
        long started = System.nanoTime();
        List<String> errors = new ArrayList<>();
        HostAccounts accounts = HostAccounts.read(hostRoot);
        errors.addAll(accounts.errors());

        DockerdProcessFinder.Result dockerd = new DockerdProcessFinder(hostRoot, dockerHost)
                .find(defaultDaemonConfigFile);
        String configFile = dockerd != null && dockerd.process().configFile() != null
                ? dockerd.process().configFile() : defaultDaemonConfigFile;
        DaemonConfig daemonJson = new DaemonJsonReader(hostRoot, configFile).read();
        Map<String, Object> commandLine = dockerd != null && dockerd.commandLine() != null
                ? dockerd.commandLine().settings() : Map.of();
        DaemonConfig daemon = DaemonSettingsMerger.merge(daemonJson, commandLine, engineReport(info, networks));
        if (dockerd == null) {
            errors.add("no dockerd process was found under " + hostRoot + "/proc, so command-line flags are"
                    + " unknown; share the host's PID namespace with the agent");
        }

        String dataRoot = dataRoot(info, daemon);
        List<MountEntry> mounts = new ArrayList<>();
        String mountSource = readMounts(mounts, errors);
        String mountPoint = mounts.isEmpty() ? null : MountTable.mountPointOf(mounts, dataRoot);
        Boolean ownPartition = mountPoint == null ? null : mountPoint.equals(dataRoot);

        DockerFiles dockerFiles = new DockerFiles(hostRoot, new FileFactsReader(hostRoot, accounts));
        List<FileFacts> files = dockerFiles.read(configFile, daemon.settings());
        errors.addAll(dockerFiles.errors());

        HostFacts facts = new HostFacts(
                SecurityModulesReader.readFirstLine(hostRoot, "/proc/sys/kernel/osrelease"),
                mounts,
                mountSource,
                dataRoot,
                mountPoint,
                ownPartition,
                accounts.group("docker"),
                SecurityModulesReader.read(hostRoot),
                new AuditRulesReader(hostRoot, commandTimeout).read(),
                files,
                dockerd == null ? null : dockerd.process(),
                null,
                errors);
        log.debug("Collected host facts under {} in {} ms: {} mounts, {} files, {} audit watches, {} errors",
                hostRoot, (System.nanoTime() - started) / 1_000_000, mounts.size(), files.size(),
                facts.auditRules().watches().size(), errors.size());
        return new Collected(daemon, facts);
    }

    /**
     * Returns the settings the engine reports, by daemon.json key. {@code icc} comes from the default bridge
     * network, which exists only where dockerd runs with a bridge.
     */
    static Map<String, Object> engineReport(Info info, List<Network> networks) {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> raw = info.getRawValues() == null ? Map.of() : info.getRawValues();
        if (raw.get("LiveRestoreEnabled") instanceof Boolean liveRestore) {
            report.put("live-restore", liveRestore);
        }
        putIfPresent(report, "log-driver", info.getLoggingDriver());
        putIfPresent(report, "storage-driver", info.getDriver());
        putIfPresent(report, "data-root", info.getDockerRootDir());
        if (info.getSecurityOptions() != null) {
            report.put("selinux-enabled", info.getSecurityOptions().stream().anyMatch(
                    option -> option.equals("name=selinux") || option.startsWith("name=selinux,")));
        }
        for (Network network : networks) {
            if ("bridge".equals(network.getName()) && network.getOptions() != null
                    && network.getOptions().get(BRIDGE_ICC_OPTION) != null) {
                report.put("icc", Boolean.parseBoolean(network.getOptions().get(BRIDGE_ICC_OPTION)));
            }
        }
        return report;
    }

    private static void putIfPresent(Map<String, Object> report, String key, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            report.put(key, value);
        }
    }

    private static String dataRoot(Info info, DaemonConfig daemon) {
        if (info.getDockerRootDir() != null && !info.getDockerRootDir().isEmpty()) {
            return info.getDockerRootDir();
        }
        if (daemon.setting("data-root") != null && daemon.setting("data-root").value() instanceof String root) {
            return root;
        }
        return DEFAULT_DATA_ROOT;
    }

    /**
     * Reads the host's mount table. On the host the agent's own table is the host's. Under another root the agent
     * reads the table of the host's PID 1, because its own would show its container's mounts.
     */
    private @Nullable String readMounts(List<MountEntry> mounts, List<String> errors) {
        boolean onHost = hostRoot.toAbsolutePath().normalize().equals(Path.of("/"));
        List<String> candidates = onHost
                ? List.of("/proc/self/mountinfo", "/proc/mounts")
                : List.of("/proc/1/mountinfo", "/proc/1/mounts");
        for (String candidate : candidates) {
            try {
                String content = Files.readString(HostPaths.resolve(hostRoot, candidate), StandardCharsets.UTF_8);
                mounts.addAll(candidate.endsWith("mountinfo")
                        ? MountTable.parseMountInfo(content) : MountTable.parseMounts(content));
                return candidate;
            } catch (IOException e) {
                log.trace("Mount table {} under {} could not be read: {}", candidate, hostRoot, e.toString());
            }
        }
        errors.add("no mount table could be read under " + hostRoot + " (tried " + String.join(", ", candidates)
                + "), so whether the data root has its own partition is unknown");
        return null;
    }
}
