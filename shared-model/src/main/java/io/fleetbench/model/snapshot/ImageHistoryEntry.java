package io.fleetbench.model.snapshot;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One layer or instruction of an image's build history, from {@code GET /images/{id}/history}.
 *
 * @param id the layer's image id, or {@code <missing>} for a layer built elsewhere
 * @param created when the instruction ran
 * @param createdBy the instruction, with build-argument values and secret-looking values replaced by
 *     {@code [redacted]}
 * @param comment the layer comment
 * @param sizeBytes the size the instruction added, in bytes
 * @param tags the tags of the layer's image
 */
public record ImageHistoryEntry(
        String id,
        @Nullable Instant created,
        String createdBy,
        @Nullable String comment,
        @Nullable Long sizeBytes,
        List<String> tags) {

    public ImageHistoryEntry {
        id = id == null ? "<missing>" : id;
        createdBy = createdBy == null ? "" : createdBy;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
