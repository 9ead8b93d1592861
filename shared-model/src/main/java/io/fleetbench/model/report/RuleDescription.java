package io.fleetbench.model.report;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One recommendation as a report format describes it to tools, such as a SARIF rule.
 *
 * @param id the recommendation id, such as {@code 5.5}
 * @param name a PascalCase name of the check, such as {@code NoPrivilegedContainers}
 * @param title the recommendation's title
 * @param section the benchmark section
 * @param scored whether the benchmark counts the recommendation in the score
 * @param remediation how to fix a failing target, or {@code null} where the report does not carry it
 */
public record RuleDescription(
        String id, String name, String title, String section, boolean scored, @Nullable String remediation) {

    public RuleDescription {
        Objects.requireNonNull(id, "rule id is missing");
        Objects.requireNonNull(name, "rule name is missing");
        Objects.requireNonNull(title, "rule title is missing");
        section = section == null ? "" : section;
    }

    /**
     * Describes every check in {@code report} from its findings alone, in benchmark order. The name is derived from
     * the id, as in {@code Cis5_5}, and the remediation comes from the first finding that carries one, so a check
     * that passes everywhere has none.
     */
    public static List<RuleDescription> fromFindings(HostFindingsEvaluated report) {
        Map<String, List<Finding>> byCheck = new TreeMap<>(CheckIdOrder.INSTANCE);
        for (Finding finding : report.findings()) {
            byCheck.computeIfAbsent(finding.checkId(), id -> new ArrayList<>()).add(finding);
        }
        List<RuleDescription> rules = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> entry : byCheck.entrySet()) {
            Finding first = entry.getValue().get(0);
            String remediation = entry.getValue().stream()
                    .map(Finding::remediation)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            rules.add(new RuleDescription(entry.getKey(), "Cis" + entry.getKey().replace('.', '_'), first.title(),
                    first.section(), first.scored(), remediation));
        }
        return rules;
    }

    /** Converts a check key such as {@code no-privileged-containers} to {@code NoPrivilegedContainers}. */
    public static String pascalCase(String checkKey) {
        StringBuilder name = new StringBuilder();
        for (String part : checkKey.split("[-_.\\s]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
