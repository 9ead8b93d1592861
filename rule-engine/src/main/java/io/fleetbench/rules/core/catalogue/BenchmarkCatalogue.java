package io.fleetbench.rules.core.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recommendations of one benchmark version, in the order the benchmark lists them.
 *
 * @param source where the catalogue was loaded from, for error messages, such as
 *     {@code benchmarks/cis-docker-1.6.0.yaml}
 * @param benchmarkId the benchmark family, such as {@code cis-docker}
 * @param version the benchmark version, such as {@code 1.6.0}
 * @param title the benchmark's title
 * @param recommendations the recommendations, each with a unique id and a unique check key
 */
public record BenchmarkCatalogue(
        String source, String benchmarkId, String version, String title, List<Recommendation> recommendations) {

    public BenchmarkCatalogue {
        Objects.requireNonNull(source, "catalogue source is missing");
        Objects.requireNonNull(benchmarkId, "catalogue benchmark id is missing");
        Objects.requireNonNull(version, "catalogue version is missing");
        Objects.requireNonNull(title, "catalogue title is missing");
        recommendations = List.copyOf(recommendations);
    }

    /** Finds the recommendation numbered {@code id} in this version. */
    public Optional<Recommendation> recommendation(String id) {
        return recommendations.stream().filter(recommendation -> recommendation.id().equals(id)).findFirst();
    }
}
