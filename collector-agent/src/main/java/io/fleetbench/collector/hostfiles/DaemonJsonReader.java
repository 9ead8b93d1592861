package io.fleetbench.collector.hostfiles;

import io.fleetbench.collector.redaction.SecretDetector;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.SettingSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the daemon's JSON configuration file into {@link DaemonConfig} settings with the source
 * {@link SettingSource#DAEMON_JSON}. A missing file is normal, because dockerd runs with its defaults then. A file
 * that cannot be read or parsed is recorded in {@link DaemonConfig#configFileError()}, so the snapshot is still
 * published. String values that look like secrets, such as a proxy URL with a password, become
 * {@link SecretDetector#REDACTED}.
 */
public final class DaemonJsonReader {

    private static final Logger log = LoggerFactory.getLogger(DaemonJsonReader.class);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Path hostRoot;
    private final String configFile;

    /**
     * @param hostRoot the folder in which the agent sees the host's root folder
     * @param configFile the daemon.json path as seen on the host, such as {@code /etc/docker/daemon.json}
     */
    public DaemonJsonReader(Path hostRoot, String configFile) {
        this.hostRoot = hostRoot;
        this.configFile = configFile;
    }

    /**
     * Reads the file under the host root. A missing, unreadable or invalid file gives a configuration without
     * settings, not an exception.
     */
    public DaemonConfig read() {
        Path file = HostPaths.resolve(hostRoot, configFile);
        byte[] content;
        try {
            file = HostPaths.resolveInRoot(hostRoot, configFile, true);
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            log.debug("No daemon configuration file at {}, so dockerd uses its defaults", file);
            return new DaemonConfig(configFile, false, null, Map.of());
        } catch (IOException e) {
            String error = "cannot be read: " + e.getClass().getSimpleName() + " " + e.getMessage();
            log.warn("Daemon configuration file {} {}; publishing the snapshot without its settings", file, error);
            return new DaemonConfig(configFile, Files.exists(file), error, Map.of());
        }
        DaemonConfig config = parse(configFile, content);
        if (config.configFileError() != null) {
            log.warn("Daemon configuration file {} {}; publishing the snapshot without its settings", file,
                    config.configFileError());
        }
        return config;
    }

    /**
     * Parses daemon.json content. The error for invalid JSON names only the line and column, because the parser's
     * own message can quote a piece of the file, and that piece can be a secret.
     *
     * @param configFile the path to report as the file's location on the host
     * @param content the file's bytes
     */
    public static DaemonConfig parse(String configFile, byte[] content) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(content);
        } catch (JacksonException e) {
            String error = "is not valid JSON: parsing failed at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return new DaemonConfig(configFile, true, error, Map.of());
        }
        if (tree == null || tree.isMissingNode()) {
            return new DaemonConfig(configFile, true, null, Map.of());
        }
        if (!tree.isObject()) {
            return new DaemonConfig(configFile, true, "is not a JSON object: its top level is " + tree.getNodeType(),
                    Map.of());
        }
        Map<String, DaemonSetting> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tree.properties()) {
            Object value = toValue(entry.getKey(), entry.getValue());
            if (value != null) {
                settings.put(entry.getKey(), new DaemonSetting(value, SettingSource.DAEMON_JSON));
            }
        }
        return new DaemonConfig(configFile, true, null, settings);
    }

    /** Converts a JSON value to plain Java values, redacting secret-looking strings; JSON null gives null. */
    private static @Nullable Object toValue(String key, JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Object value = toValue(entry.getKey(), entry.getValue());
                if (value != null) {
                    map.put(entry.getKey(), value);
                }
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode element : node) {
                Object value = toValue(key, element);
                if (value != null) {
                    list.add(value);
                }
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isString()) {
            String text = node.stringValue();
            return SecretDetector.secretReason(key, text) == null ? text : SecretDetector.REDACTED;
        }
        return null;
    }
}
