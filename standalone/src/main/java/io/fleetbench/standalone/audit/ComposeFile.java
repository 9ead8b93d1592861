package io.fleetbench.standalone.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A docker-compose file read as a YAML node tree, so each value keeps the line and column it came from. Only the
 * {@code services} section matters to the audit. Variable interpolation ({@code ${VAR}}), {@code extends},
 * {@code include} and override files are not applied.
 *
 * @param path the file as the user named it, used in finding locations
 * @param services the services in file order
 */
record ComposeFile(Path path, List<ComposeService> services) {

    /** The maximum file size read, well above real compose files, so a wrong path cannot exhaust memory. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    /**
     * Reads and parses {@code path}.
     *
     * @throws AuditUsageException when the file is missing, too large, not YAML, or has no {@code services} mapping
     */
    static ComposeFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new AuditUsageException("compose file " + path + " was not found: give the path of a "
                    + "docker-compose.yml");
        }
        Node root;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new AuditUsageException("compose file " + path + " is larger than " + MAX_BYTES / 1024 / 1024
                        + " MiB: give the path of a docker-compose.yml");
            }
            LoaderOptions loaderOptions = new LoaderOptions();
            loaderOptions.setAllowDuplicateKeys(false);
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                root = new Yaml(new SafeConstructor(loaderOptions)).compose(reader);
            }
        } catch (MarkedYAMLException e) {
            // The parser's own message can quote a piece of the file, which may be a secret, so only the mark is kept.
            throw new AuditUsageException("compose file " + path + " is not valid YAML at line "
                    + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1)
                    + ": fix the file, for example with docker compose config", e);
        } catch (YAMLException e) {
            throw new AuditUsageException("compose file " + path + " is not valid YAML: fix the file, for example with "
                    + "docker compose config", e);
        } catch (IOException e) {
            throw new AuditUsageException("compose file " + path + " cannot be read (" + e.getClass().getSimpleName()
                    + "): check its permissions", e);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new AuditUsageException("compose file " + path + " is not a YAML mapping: a compose file starts with "
                    + "keys such as services:");
        }
        Node services = ComposeService.value(mapping, "services");
        if (!(services instanceof MappingNode servicesMapping)) {
            throw new AuditUsageException("compose file " + path + " has no services mapping: add services: with at "
                    + "least one service");
        }
        Path folder = path.toAbsolutePath().getParent();
        List<ComposeService> parsed = new ArrayList<>();
        for (NodeTuple tuple : servicesMapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode name && tuple.getValueNode() instanceof MappingNode body) {
                parsed.add(new ComposeService(name.getValue(), name, body, folder));
            } else {
                throw new AuditUsageException("compose file " + path + ": the service at line "
                        + (tuple.getKeyNode().getStartMark().getLine() + 1) + " is not a mapping of settings");
            }
        }
        return new ComposeFile(path, parsed);
    }
}
