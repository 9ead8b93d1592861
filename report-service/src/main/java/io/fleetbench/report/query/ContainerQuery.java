package io.fleetbench.report.query;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filters of an incident-response query over the containers of each host's newest snapshot. Every filter that is
 * set must match. A list filter matches any of its values.
 *
 * @param privileged whether the container runs privileged
 * @param hostNamespaces namespaces ({@code network}, {@code pid}, {@code ipc}, {@code uts}) of which at least one
 *     must be shared with the host
 * @param mountSource exact host path of a mount, such as {@code /var/run/docker.sock} or {@code /}
 * @param mountSourcePrefix host path under which a mount's source lies: the path itself or anything below it
 * @param capabilities added capabilities, without the {@code CAP_} prefix, upper case
 * @param anyCapabilityAdded whether the container adds at least one capability
 * @param image image reference; one without a tag or digest matches every tag and digest
 * @param publishedPort host port of a published port
 * @param bindAddress host address of a published port, where {@code 0.0.0.0} also matches an empty address. With
 *     {@code publishedPort}, both must match the same port
 * @param secretEnv whether the container has an environment variable that looks like a plain-text secret
 * @param envName name of an environment variable
 * @param hostIds hosts to include
 * @param labels host labels that a host must all carry
 */
public record ContainerQuery(
        @Nullable Boolean privileged,
        Set<String> hostNamespaces,
        @Nullable String mountSource,
        @Nullable String mountSourcePrefix,
        List<String> capabilities,
        @Nullable Boolean anyCapabilityAdded,
        @Nullable String image,
        @Nullable String publishedPort,
        @Nullable String bindAddress,
        @Nullable Boolean secretEnv,
        @Nullable String envName,
        List<String> hostIds,
        Map<String, String> labels) {

    public ContainerQuery {
        hostNamespaces = Set.copyOf(hostNamespaces);
        capabilities = List.copyOf(capabilities);
        hostIds = List.copyOf(hostIds);
        labels = Map.copyOf(labels);
    }
}
