package io.fleetbench.model.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The security-relevant configuration of one image, from {@code docker image inspect}.
 *
 * @param id the image id
 * @param repoTags the image's tags; empty for a dangling image
 * @param repoDigests the image's repository digests
 * @param created when the image was built
 * @param user the configured user, empty for root
 * @param healthcheckConfigured whether the image defines a HEALTHCHECK
 * @param env the image's environment variables, names only
 * @param labels the image labels; secret-looking values are redacted
 * @param sizeBytes the image size in bytes
 * @param history the build history, newest instruction first, with build-argument and secret-looking values
 *     redacted; empty where it was not read
 */
public record ImageFacts(
        String id,
        List<String> repoTags,
        List<String> repoDigests,
        @Nullable Instant created,
        @Nullable String user,
        boolean healthcheckConfigured,
        List<EnvVariable> env,
        Map<String, String> labels,
        @Nullable Long sizeBytes,
        List<ImageHistoryEntry> history) {

    public ImageFacts {
        Objects.requireNonNull(id, "image id is missing");
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
        env = env == null ? List.of() : List.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Creates image facts without build history. */
    public ImageFacts(
            String id,
            List<String> repoTags,
            List<String> repoDigests,
            @Nullable Instant created,
            @Nullable String user,
            boolean healthcheckConfigured,
            List<EnvVariable> env,
            Map<String, String> labels,
            @Nullable Long sizeBytes) {
        this(id, repoTags, repoDigests, created, user, healthcheckConfigured, env, labels, sizeBytes, List.of());
    }

    /** Returns the first tag, else the id: the reference a finding about this image names. */
    public String reference() {
        return repoTags.isEmpty() ? id : repoTags.get(0);
    }
}
