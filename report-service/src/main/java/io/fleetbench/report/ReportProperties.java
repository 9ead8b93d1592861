package io.fleetbench.report;

import io.fleetbench.report.alert.AlertSettings;
import io.fleetbench.report.stream.StreamSettings;
import io.fleetbench.report.waiver.WaiverSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the report service under {@code fleetbench.report}. Kafka, R2DBC and Flyway connections are set
 * through Spring Boot's own properties.
 *
 * @param ingestTimeout maximum time the Kafka consumer thread waits for one report's database transaction. After it,
 *     the binder retries the record or sends it to the dead-letter topic, and the transaction still runs to its end
 * @param writeBatchSize maximum rows written by one SQL statement when a report is applied. The limit of 4000 keeps
 *     a statement of 15-column current-results rows under PostgreSQL's 65535 bind parameters
 * @param defaultPageSize number of items in a list response when the request has no {@code limit}
 * @param maxPageSize largest {@code limit} a list request may ask for
 * @param staleAfter age of a host's newest snapshot after which the API marks the host {@code stale}. Stale hosts
 *     stay in every list and count
 * @param factsRetention how long the facts of a host's older snapshots are kept, measured back from the collection
 *     time of its newest one. The newest snapshot is always kept, so incident queries answer for offline hosts
 * @param waivers waiver limits and the expiry job
 * @param alerts the alert outbox and its webhook and syslog receivers
 * @param stream the server-sent event stream of transitions
 * @param gatewayToken the secret the API gateway sends in {@code X-Fleetbench-Gateway-Token}. When it is set, every
 *     request under {@code /api/} without it is rejected with 401. Blank or absent, the API accepts every caller
 */
@ConfigurationProperties("fleetbench.report")
@Validated
public record ReportProperties(
        @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration ingestTimeout,
        @Min(1) @Max(4000) @DefaultValue("500") int writeBatchSize,
        @Min(1) @DefaultValue("100") int defaultPageSize,
        @Min(1) @Max(10000) @DefaultValue("1000") int maxPageSize,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration staleAfter,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("7d") Duration factsRetention,
        @Valid @DefaultValue WaiverSettings waivers,
        @Valid @DefaultValue AlertSettings alerts,
        @Valid @DefaultValue StreamSettings stream,
        @Nullable String gatewayToken) {

    public ReportProperties {
        if (defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("fleetbench.report.default-page-size " + defaultPageSize
                    + " is larger than fleetbench.report.max-page-size " + maxPageSize
                    + ". Lower the default or raise the maximum");
        }
    }

    /** Describes the settings without the gateway token's value, so that the token stays out of logs. */
    @Override
    public String toString() {
        return "ReportProperties[ingestTimeout=" + ingestTimeout + ", writeBatchSize=" + writeBatchSize
                + ", defaultPageSize=" + defaultPageSize + ", maxPageSize=" + maxPageSize + ", staleAfter=" + staleAfter
                + ", factsRetention=" + factsRetention + ", waivers=" + waivers + ", alerts=" + alerts
                + ", stream=" + stream + ", gatewayToken="
                + (gatewayToken == null || gatewayToken.isBlank() ? "(not set)" : "(set)") + "]";
    }
}
