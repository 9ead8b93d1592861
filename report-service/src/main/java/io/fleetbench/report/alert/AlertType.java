package io.fleetbench.report.alert;

import java.util.Locale;

/** Kind of alert. The JSON payload's {@code event} field and the outbox's event type use the lower-case name. */
public enum AlertType {
    /** Findings of one host that newly warn, because they opened as WARN or changed to WARN, and are not waived. */
    FINDING_OPENED,
    /** A waiver expired, and the findings it covered count as WARN again. */
    WAIVER_EXPIRED;

    /** Returns the name used in payloads, such as {@code finding_opened}. */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
