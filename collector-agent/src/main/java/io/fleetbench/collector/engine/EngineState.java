package io.fleetbench.collector.engine;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.Swarm;
import com.github.dockerjava.api.model.Version;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything read from one engine for one snapshot, as docker-java returns it. The responses still contain
 * environment and label values, so this object must never be logged or serialised; {@link SnapshotAssembler} turns
 * it into the secret-free snapshot. Image histories still contain build-argument values for the same reason.
 *
 * @param version the {@code GET /version} response
 * @param info the {@code GET /info} response
 * @param containers {@code GET /containers/{id}/json} for every container, running or not
 * @param images {@code GET /images/{id}/json} for every image
 * @param networks the {@code GET /networks} response
 * @param imageHistories {@code GET /images/{id}/history} by image id; an image whose history could not be read
 *     has no entry
 * @param swarm the {@code GET /swarm} response on a manager, else {@code null}
 * @param secrets the {@code GET /secrets} response on a manager, else empty
 * @param swarmError why the swarm settings of a manager could not be read, or {@code null}
 */
public record EngineState(
        Version version,
        Info info,
        List<InspectContainerResponse> containers,
        List<InspectImageResponse> images,
        List<Network> networks,
        Map<String, List<ImageHistory>> imageHistories,
        @Nullable Swarm swarm,
        List<Secret> secrets,
        @Nullable String swarmError) {

    public EngineState {
        Objects.requireNonNull(version, "version response is missing");
        Objects.requireNonNull(info, "info response is missing");
        containers = List.copyOf(containers);
        images = List.copyOf(images);
        networks = List.copyOf(networks);
        imageHistories = Map.copyOf(imageHistories);
        secrets = List.copyOf(secrets);
    }

    /** Creates a state without image histories and swarm settings. */
    public EngineState(
            Version version,
            Info info,
            List<InspectContainerResponse> containers,
            List<InspectImageResponse> images,
            List<Network> networks) {
        this(version, info, containers, images, networks, Map.of(), null, List.of(), null);
    }

    /** Returns a summary with counts only, safe to log. */
    @Override
    public String toString() {
        return "EngineState[engineId=" + info.getId() + ", containers=" + containers.size() + ", images="
                + images.size() + ", networks=" + networks.size() + "]";
    }
}
