package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.ImageFacts;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Containers and images left out of an audit, from {@code --exclude-containers} and {@code --exclude-images}. They
 * are removed from the snapshot before evaluation, so no check sees them.
 *
 * <p>A container selector is a container name, {@code label=KEY} (the label is set) or {@code label=KEY=VALUE}. An
 * image selector is a reference as {@code docker images} shows it ({@code repo:tag}), a repository without tag
 * (every tag), or an image id or id prefix ({@code sha256:3f57d9401f8d} or {@code 3f57d9401f8d}). Excluding an image
 * leaves the containers created from it in the audit; exclude those by name or label.
 *
 * @param containers the container selectors
 * @param images the image selectors
 */
record ResourceExclusions(List<String> containers, List<String> images) {

    private static final JsonMapper MAPPER = EventCodec.mapper();

    /** The shortest id prefix accepted, as short ids in {@code docker images} have 12 hex digits. */
    private static final int MIN_ID_PREFIX = 12;

    ResourceExclusions {
        containers = containers.stream().map(String::strip).filter(selector -> !selector.isEmpty()).toList();
        images = images.stream().map(String::strip).filter(selector -> !selector.isEmpty()).toList();
        for (String selector : containers) {
            if (selector.equals("label=") || selector.startsWith("label==")) {
                throw new AuditUsageException("--exclude-containers '" + selector
                        + "' has no label key: use label=KEY or label=KEY=VALUE");
            }
        }
    }

    boolean isEmpty() {
        return containers.isEmpty() && images.isEmpty();
    }

    boolean excludes(ContainerFacts container) {
        return containers.stream().anyMatch(selector -> matches(selector, container));
    }

    boolean excludes(ImageFacts image) {
        return images.stream().anyMatch(selector -> matches(selector, image));
    }

    /**
     * Returns {@code snapshot} without the excluded containers and images. The copy goes through the snapshot's JSON
     * form, so every other field, including ones added after this code was written, stays as it was.
     */
    HostSnapshotCollected apply(HostSnapshotCollected snapshot) {
        if (isEmpty()) {
            return snapshot;
        }
        ObjectNode tree = MAPPER.valueToTree(snapshot);
        tree.set("containers", keep(snapshot.containers().stream().filter(container -> !excludes(container)).toList()));
        tree.set("images", keep(snapshot.images().stream().filter(image -> !excludes(image)).toList()));
        return MAPPER.treeToValue(tree, HostSnapshotCollected.class);
    }

    private static ArrayNode keep(List<?> values) {
        JsonNode node = MAPPER.valueToTree(values);
        return (ArrayNode) node;
    }

    static boolean matches(String selector, ContainerFacts container) {
        if (!selector.startsWith("label=")) {
            return selector.equals(container.name());
        }
        String label = selector.substring("label=".length());
        int equals = label.indexOf('=');
        Map<String, String> labels = container.labels();
        if (equals < 0) {
            return labels.containsKey(label);
        }
        return label.substring(equals + 1).equals(labels.get(label.substring(0, equals)));
    }

    static boolean matches(String selector, ImageFacts image) {
        for (String tag : image.repoTags()) {
            if (tag.equals(selector) || repository(tag).equals(selector)) {
                return true;
            }
        }
        String hex = image.id().startsWith("sha256:") ? image.id().substring("sha256:".length()) : image.id();
        String wanted = selector.startsWith("sha256:") ? selector.substring("sha256:".length()) : selector;
        return wanted.length() >= MIN_ID_PREFIX && hex.startsWith(wanted);
    }

    /** Returns the repository of a {@code repo:tag} reference; a colon inside a registry's host:port is kept. */
    private static String repository(String reference) {
        int colon = reference.lastIndexOf(':');
        int slash = reference.lastIndexOf('/');
        return colon > slash ? reference.substring(0, colon) : reference;
    }
}
