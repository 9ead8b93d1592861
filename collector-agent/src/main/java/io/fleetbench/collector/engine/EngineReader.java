package io.fleetbench.collector.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.Swarm;
import com.github.dockerjava.api.model.Version;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads everything a snapshot needs from one engine: version, info, every container (running or not) with its
 * inspect response, every image's inspect response and history, the networks and, on a swarm manager, the swarm
 * and its secrets' metadata. A container or image removed between the list and its inspect is skipped.
 */
public class EngineReader {

    private static final Logger log = LoggerFactory.getLogger(EngineReader.class);

    private final DockerClient client;
    private final URI dockerHost;

    public EngineReader(DockerClient client, URI dockerHost) {
        this.client = client;
        this.dockerHost = dockerHost;
    }

    /**
     * Checks that the engine responds, with one cheap request.
     *
     * @throws EngineUnreachableException where it does not
     */
    public void ping() {
        call(() -> client.pingCmd().exec());
    }

    /**
     * Reads the engine's full state.
     *
     * @throws EngineUnreachableException where the engine does not respond
     * @throws DockerException where the engine responds to a request with an error
     */
    public EngineState read() {
        long started = System.nanoTime();
        Version version = call(() -> client.versionCmd().exec());
        Info info = call(() -> client.infoCmd().exec());

        List<Container> listed = call(() -> client.listContainersCmd().withShowAll(true).exec());
        List<InspectContainerResponse> containers = new ArrayList<>(listed.size());
        for (Container container : listed) {
            try {
                containers.add(call(() -> client.inspectContainerCmd(container.getId()).exec()));
            } catch (NotFoundException e) {
                log.debug("Container {} was removed while the engine at {} was read; skipping it", container.getId(),
                        dockerHost);
            }
        }

        List<Image> listedImages = call(() -> client.listImagesCmd().exec());
        List<InspectImageResponse> images = new ArrayList<>(listedImages.size());
        Map<String, List<ImageHistory>> histories = new HashMap<>();
        for (Image image : listedImages) {
            try {
                images.add(call(() -> client.inspectImageCmd(image.getId()).exec()));
                histories.put(image.getId(), call(() -> client.imageHistoryCmd(image.getId()).exec()));
            } catch (NotFoundException e) {
                log.debug("Image {} was removed while the engine at {} was read; skipping it", image.getId(),
                        dockerHost);
            }
        }
        List<Network> networks = call(() -> client.listNetworksCmd().exec());

        Swarm swarm = null;
        List<Secret> secrets = List.of();
        String swarmError = null;
        if (info.getSwarm() != null && Boolean.TRUE.equals(info.getSwarm().getControlAvailable())) {
            try {
                swarm = call(() -> client.inspectSwarmCmd().exec());
                secrets = call(() -> client.listSecretsCmd().exec());
            } catch (DockerException e) {
                // A manager that lost quorum responds with HTTP 503; the snapshot still carries the node's state.
                swarmError = "swarm settings could not be read: HTTP " + e.getHttpStatus();
                log.warn("Swarm settings of the engine at {} could not be read (HTTP {}); publishing the node state"
                        + " only", dockerHost, e.getHttpStatus());
            }
        }

        EngineState state = new EngineState(version, info, containers, images, networks, histories, swarm, secrets,
                swarmError);
        log.debug("Read engine {} at {} in {} ms: {} containers, {} images, {} networks", info.getId(), dockerHost,
                (System.nanoTime() - started) / 1_000_000, containers.size(), images.size(), networks.size());
        return state;
    }

    /**
     * Runs one request. docker-java reports HTTP errors as {@link DockerException} and connection failures as
     * other runtime exceptions, usually wrapping an {@link java.io.IOException}; only the latter mean the engine is
     * unreachable.
     */
    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (DockerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EngineUnreachableException(dockerHost, e);
        }
    }
}
