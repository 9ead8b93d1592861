package io.fleetbench.rules.core.catalogue;

import io.fleetbench.model.finding.TargetKind;
import java.util.Map;
import java.util.Objects;

/**
 * One recommendation of a benchmark version, as the catalogue file declares it.
 *
 * @param id the recommendation's number in this benchmark version, such as {@code 5.5}; other versions may number
 *     the same recommendation differently
 * @param key the stable name of the check that assesses it, such as {@code no-privileged-containers}
 * @param section the benchmark section, such as {@code Container Runtime}
 * @param title the recommendation's title
 * @param profileLevel the CIS profile level, 1 or 2
 * @param scored whether the recommendation counts towards the benchmark score
 * @param automation whether a tool or a person assesses it
 * @param targetKind what each finding of the check is about
 * @param remediation how to fix a failing target
 * @param rationale why the recommendation matters, or an empty string
 * @param params values this version gives the rule's condition, such as the list of sensitive host paths
 */
public record Recommendation(
        String id,
        String key,
        String section,
        String title,
        int profileLevel,
        boolean scored,
        Automation automation,
        TargetKind targetKind,
        String remediation,
        String rationale,
        Map<String, Object> params) {

    /** Creates a recommendation without rationale and parameters. */
    public Recommendation(String id, String key, String section, String title, int profileLevel, boolean scored,
            Automation automation, TargetKind targetKind, String remediation) {
        this(id, key, section, title, profileLevel, scored, automation, targetKind, remediation, "", Map.of());
    }

    public Recommendation {
        Objects.requireNonNull(id, "recommendation id is missing");
        Objects.requireNonNull(key, "recommendation key is missing");
        Objects.requireNonNull(section, "recommendation section is missing");
        Objects.requireNonNull(title, "recommendation title is missing");
        Objects.requireNonNull(automation, "recommendation automation is missing");
        Objects.requireNonNull(targetKind, "recommendation target kind is missing");
        Objects.requireNonNull(remediation, "recommendation remediation is missing");
        rationale = rationale == null ? "" : rationale;
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
