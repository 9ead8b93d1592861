package io.fleetbench.collector.hostfacts;

import io.fleetbench.collector.hostfiles.HostPaths;
import io.fleetbench.model.snapshot.AuditRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the audit rules loaded in the kernel with {@code auditctl -l}, and the rule files
 * {@code /etc/audit/audit.rules} and {@code /etc/audit/rules.d/*.rules}. {@code auditctl} runs only where the host
 * root is {@code /}, because inside a container it would report the container's view and run the container's
 * binary. It runs directly, never through a shell, and is killed after the timeout.
 */
final class AuditRulesReader {

    private static final Logger log = LoggerFactory.getLogger(AuditRulesReader.class);

    /** The install paths of auditctl on Debian, Ubuntu, RHEL and Alpine. */
    static final List<String> AUDITCTL_PATHS = List.of("/sbin/auditctl", "/usr/sbin/auditctl");

    /** The label of rules read from the kernel. */
    static final String KERNEL_SOURCE = "auditctl -l";

    private final Path hostRoot;
    private final Duration timeout;

    AuditRulesReader(Path hostRoot, Duration timeout) {
        this.hostRoot = hostRoot;
        this.timeout = timeout;
    }

    AuditRules read() {
        AuditRulesParser parser = new AuditRulesParser();
        List<String> sources = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (hostRoot.toAbsolutePath().normalize().equals(Path.of("/"))) {
            readKernelRules(parser, sources, errors);
        }
        readFile(parser, "/etc/audit/audit.rules", sources, errors);
        for (String file : ruleFiles(errors)) {
            readFile(parser, file, sources, errors);
        }
        errors.addAll(parser.errors());
        return new AuditRules(sources, parser.watches(), parser.syscallRules(), errors);
    }

    private void readKernelRules(AuditRulesParser parser, List<String> sources, List<String> errors) {
        Path auditctl = AUDITCTL_PATHS.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (auditctl == null) {
            return;
        }
        Path output = null;
        try {
            // The output goes to a file, so that a hanging auditctl cannot block a read past the timeout.
            output = Files.createTempFile("fleetbench-auditctl", ".txt");
            Process process = new ProcessBuilder(auditctl.toString(), "-l")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                errors.add(auditctl + " -l timed out after " + timeout.toMillis() + " ms");
                return;
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                errors.add(auditctl + " -l failed with exit status " + process.exitValue() + ": "
                        + text.lines().findFirst().orElse("") + "; run the agent as root to read the kernel's rules");
                return;
            }
            sources.add(KERNEL_SOURCE);
            parser.parse(text, KERNEL_SOURCE);
        } catch (IOException e) {
            errors.add(auditctl + " -l could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add(auditctl + " -l was interrupted");
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("Temporary file {} could not be deleted: {}", file, e.toString());
            }
        }
    }

    private void readFile(AuditRulesParser parser, String hostPath, List<String> sources, List<String> errors) {
        try {
            Path file = HostPaths.resolveInRoot(hostRoot, hostPath, true);
            String content = Files.readString(file, StandardCharsets.UTF_8);
            sources.add(hostPath);
            parser.parse(content, hostPath);
        } catch (NoSuchFileException e) {
            log.trace("No audit rule file {} on the host", hostPath);
        } catch (IOException e) {
            errors.add(hostPath + " could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** Returns the host paths of {@code /etc/audit/rules.d/*.rules}, in the order augenrules loads them. */
    private List<String> ruleFiles(List<String> errors) {
        TreeMap<String, String> files = new TreeMap<>();
        try {
            Path folder = HostPaths.resolveInRoot(hostRoot, "/etc/audit/rules.d", true);
            if (!Files.isDirectory(folder)) {
                return List.of();
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.rules")) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    files.put(name, "/etc/audit/rules.d/" + name);
                }
            }
        } catch (IOException e) {
            errors.add("/etc/audit/rules.d could not be listed: " + e.getClass().getSimpleName());
        }
        return List.copyOf(files.values());
    }
}
