package io.fleetbench.rules.core.check;

import java.util.Objects;

/**
 * The words a rule file gives a check, shared by every benchmark version that maps a recommendation to it.
 *
 * @param title what the rule asks for, in our own words
 * @param rationale why it matters
 * @param remediation how to fix a failing target
 */
public record RuleText(String title, String rationale, String remediation) {

    public RuleText {
        Objects.requireNonNull(title, "rule title is missing");
        Objects.requireNonNull(rationale, "rule rationale is missing");
        Objects.requireNonNull(remediation, "rule remediation is missing");
    }
}
