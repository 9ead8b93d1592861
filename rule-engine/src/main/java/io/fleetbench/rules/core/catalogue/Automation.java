package io.fleetbench.rules.core.catalogue;

import java.util.Locale;

/** Whether the benchmark expects a recommendation to be assessed by a tool or by a person. */
public enum Automation {
    /** A tool can decide the recommendation from configuration facts. */
    AUTOMATED,
    /** The recommendation needs a human decision; a check reports facts to help with it. */
    MANUAL;

    /** Returns the spelling used in catalogue files. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
