package io.fleetbench.collector.engine;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from one engine for one snapshot, as docker-java returns it. The responses still contain
 * environment and label values, so this object must never be logged or serialised; {@link SnapshotAssembler} turns
 * it into the secret-free snapshot.
 *
 * @param version the {@code GET /version} response
 * @param info the {@code GET /info} response
 * @param containers {@code GET /containers/{id}/json} for every container, running or not
 * @param images {@code GET /images/{id}/json} for every image
 * @param networks the {@code GET /networks} response
 */
public record EngineState(
        Version version,
        Info info,
        List<InspectContainerResponse> containers,
        List<InspectImageResponse> images,
        List<Network> networks) {

    public EngineState {
        Objects.requireNonNull(version, "version response is missing");
        Objects.requireNonNull(info, "info response is missing");
        containers = List.copyOf(containers);
        images = List.copyOf(images);
        networks = List.copyOf(networks);
    }

    /** Returns a summary with counts only, safe to log. */
    @Override
    public String toString() {
        return "EngineState[engineId=" + info.getId() + ", containers=" + containers.size() + ", images="
                + images.size() + ", networks=" + networks.size() + "]";
    }
}
