package io.fleetbench.report.web;

import io.fleetbench.report.query.ContainerMatch;
import io.fleetbench.report.query.ContainerQuery;
import io.fleetbench.report.store.FactsQueries;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Answers incident-response questions over the containers of every host's newest snapshot, for example "which
 * containers mount the Docker socket" or "which run privileged". Offline hosts are answered from their last
 * snapshot, and every item carries that snapshot's time.
 */
@RestController
class ContainersController {

    private static final Set<String> NAMESPACES = Set.of("network", "pid", "ipc", "uts");

    private final FactsQueries queries;
    private final RequestParameters parameters;

    ContainersController(FactsQueries queries, RequestParameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    @GetMapping("/api/v1/containers")
    Mono<ItemPage<ContainerMatch>> containers(
            @RequestParam(required = false) @Nullable String privileged,
            @RequestParam(name = "hostNamespace", required = false) @Nullable List<String> hostNamespaces,
            @RequestParam(required = false) @Nullable String mountSource,
            @RequestParam(required = false) @Nullable String mountSourcePrefix,
            @RequestParam(name = "capability", required = false) @Nullable List<String> capabilities,
            @RequestParam(required = false) @Nullable String capAdded,
            @RequestParam(required = false) @Nullable String image,
            @RequestParam(required = false) @Nullable String publishedPort,
            @RequestParam(required = false) @Nullable String bindAddress,
            @RequestParam(required = false) @Nullable String secretEnv,
            @RequestParam(required = false) @Nullable String envName,
            @RequestParam(name = "host", required = false) @Nullable List<String> hosts,
            @RequestParam(name = "label", required = false) @Nullable List<String> labels,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (String namespace : SearchParameters.split(hostNamespaces)) {
            String name = namespace.toLowerCase(Locale.ROOT);
            if (!NAMESPACES.contains(name)) {
                throw new InvalidParameterException("hostNamespace", namespace, "Use network, pid, ipc or uts");
            }
            namespaces.add(name);
        }
        String mountPrefix = SearchParameters.text(mountSourcePrefix);
        if (mountPrefix != null && !mountPrefix.startsWith("/")) {
            throw new InvalidParameterException("mountSourcePrefix", mountPrefix,
                    "Use an absolute host path such as /var/run or /");
        }
        List<String> capabilityNames = SearchParameters.split(capabilities).stream()
                .map(FactsQueries::capabilityName)
                .toList();
        String port = SearchParameters.text(publishedPort);
        if (port != null && (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535)) {
            throw new InvalidParameterException("publishedPort", port, "Use a host port number from 0 to 65535");
        }
        ContainerQuery query = new ContainerQuery(
                SearchParameters.bool("privileged", privileged),
                namespaces,
                SearchParameters.text(mountSource),
                mountPrefix,
                capabilityNames,
                SearchParameters.bool("capAdded", capAdded),
                SearchParameters.text(image),
                port,
                SearchParameters.text(bindAddress),
                SearchParameters.bool("secretEnv", secretEnv),
                SearchParameters.text(envName),
                SearchParameters.hostIds("host", hosts),
                SearchParameters.labels(labels));
        int pageSize = parameters.limit(limit);
        List<String> after = SearchParameters.containerPosition(cursor);
        return queries.containers(query, after == null ? null : after.get(0), after == null ? null : after.get(1),
                        pageSize)
                .map(slice -> {
                    List<ContainerMatch> items = slice.items();
                    ContainerMatch last = items.isEmpty() ? null : items.get(items.size() - 1);
                    String nextCursor = slice.hasMore() && last != null
                            ? SearchParameters.encodeContainerPosition(last.hostId(), last.containerName())
                            : null;
                    return new ItemPage<>(items, nextCursor);
                });
    }
}
