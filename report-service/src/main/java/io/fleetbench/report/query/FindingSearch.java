package io.fleetbench.report.query;

import io.fleetbench.model.finding.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a fleet-wide findings search. Every filter that is set must match. A list filter matches any of
 * its values, and an empty one matches everything.
 *
 * @param statuses statuses to include
 * @param checkIds recommendation ids to include
 * @param sections benchmark sections to include
 * @param hostIds hosts to include
 * @param labels host labels that a host must all carry
 * @param target target key ({@code container:web}) or target name ({@code web}) to include
 * @param image image reference: findings about that image, and findings about containers created from it in the
 *     host's newest snapshot. A reference without a tag or digest matches every tag and digest
 * @param changedFrom earliest {@code lastChanged} to include
 * @param changedBefore {@code lastChanged} before which findings are included
 * @param sort the order of the results
 */
public record FindingSearch(
        Set<Status> statuses,
        List<String> checkIds,
        List<String> sections,
        List<String> hostIds,
        Map<String, String> labels,
        @Nullable String target,
        @Nullable String image,
        @Nullable Instant changedFrom,
        @Nullable Instant changedBefore,
        FindingSort sort) {

    public FindingSearch {
        statuses = Set.copyOf(statuses);
        checkIds = List.copyOf(checkIds);
        sections = List.copyOf(sections);
        hostIds = List.copyOf(hostIds);
        labels = Map.copyOf(labels);
    }

    /** The orders that a findings search supports, each completed by the finding key so that it is total. */
    public enum FindingSort {
        /** By host id, benchmark version, check id (in benchmark order, 5.9 before 5.10) and target key. */
        HOST,
        /** Oldest status change first. */
        LAST_CHANGED,
        /** Newest status change first. */
        LAST_CHANGED_DESC
    }

    /**
     * The position after which the next page of a search starts: the last item's sort values.
     *
     * @param lastChanged the last item's {@code lastChanged}, used by the time orders
     * @param hostId the last item's host id
     * @param benchmarkVersion its benchmark version
     * @param checkId its check id
     * @param targetKey its target key
     */
    public record Position(Instant lastChanged, String hostId, String benchmarkVersion, String checkId,
            String targetKey) {

        /** Returns the position of {@code finding}. */
        public static Position of(FleetFinding finding) {
            return new Position(finding.lastChanged(), finding.hostId(), finding.benchmarkVersion(),
                    finding.checkId(), finding.targetKey());
        }
    }
}
